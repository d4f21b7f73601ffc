using System.Globalization;
using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewEstimate"/>: the invoice rules for contact, currency and lines, and a validity that ends after it starts.</summary>
internal sealed class NewEstimateValidator : LedgerlineValidator<NewEstimate>
{
    public NewEstimateValidator()
    {
        RuleFor(e => e.ContactId).NotEmpty().MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(e => e.Currency).KnownCurrency();
        RuleFor(e => e.IssueDate).SetDate();
        RuleFor(e => e.ExpiryDate)
            .SetDate()
            .Must((estimate, expiry) => expiry is not { } d || d >= estimate.IssueDate)
            .WithMessage((estimate, expiry) => EstimateRules.ExpiresBeforeIssue(expiry, estimate.IssueDate))
            .WithErrorCode("ExpiresBeforeIssue");
        RuleFor(e => e.Number).InvoiceNumber();
        RuleFor(e => e.Lines)
            .NotNull().WithMessage("An estimate needs at least one line.")
            .NotEmpty().WithMessage("An estimate needs at least one line.");
        RuleForEach(e => e.Lines)
            .NotNull()
            .SetValidator((estimate, _) => new NewInvoiceLineValidator(
                estimate.Currency.IsDefault ? null : estimate.Currency, $"the estimate Currency is {estimate.Currency}", newDocument: true));
        RuleFor(e => e.DiscountPercent).InclusiveBetween(0m, 100m);
        RuleFor(e => e.Notes).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(e => e.Terms).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="EstimateChanges"/>: what is set follows the <see cref="NewEstimate"/> rules.</summary>
internal sealed class EstimateChangesValidator : LedgerlineValidator<EstimateChanges>
{
    public EstimateChangesValidator()
    {
        RuleFor(e => e.ContactId).OptionalId();
        RuleFor(e => e.Number).InvoiceNumber();
        RuleFor(e => e.IssueDate).SetDate();
        RuleFor(e => e.ExpiryDate)
            .SetDate()
            .Must((changes, expiry) => changes.IssueDate is not { } issue || expiry is not { } d || d >= issue)
            .WithMessage((changes, expiry) => EstimateRules.ExpiresBeforeIssue(expiry, changes.IssueDate!.Value))
            .WithErrorCode("ExpiresBeforeIssue");
        RuleFor(e => e.Lines!)
            .NotEmpty()
            .WithMessage("An estimate needs at least one line; leave Lines null to keep the current lines.")
            .DistinctLineIds(l => l?.Id)
            .When(e => e.Lines is not null);
        RuleForEach(e => e.Lines!)
            .NotNull()
            .SetValidator((changes, _) => changes.Lines is [{ UnitPrice.Currency: { IsDefault: false } first }, ..]
                ? new NewInvoiceLineValidator(first, $"Lines[0] is in {first} and all lines of an estimate share one currency", newDocument: false)
                : new NewInvoiceLineValidator());
        RuleFor(e => e.DiscountPercent).InclusiveBetween(0m, 100m);
        RuleFor(e => e.UnitPricesIncludeTax)
            .Null()
            .WithMessage("UnitPricesIncludeTax changes only together with Lines: changing it alone would re-price the current lines, so give every line again.")
            .WithErrorCode("LinesRequiredForTaxInclusion")
            .When(e => e.Lines is null);
        RuleFor(e => e.Notes).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(e => e.Terms).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="EstimateQuery"/>.</summary>
internal sealed class EstimateQueryValidator : RecordQueryValidator<EstimateQuery>
{
    public EstimateQueryValidator()
    {
        RuleFor(q => q.ContactId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        StatusSet(q => q.Statuses);
        DateRange(q => q.IssueDate);
    }
}

/// <summary>Estimate rules shared by drafts and changes.</summary>
internal static class EstimateRules
{
    public static string ExpiresBeforeIssue(DateOnly? expiry, DateOnly issue) => string.Create(
        CultureInfo.InvariantCulture,
        $"ExpiryDate {expiry:yyyy-MM-dd} is before IssueDate {issue:yyyy-MM-dd}; an estimate cannot expire before it is issued.");
}
