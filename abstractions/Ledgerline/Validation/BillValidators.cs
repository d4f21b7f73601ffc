using System.Globalization;
using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewBill"/>: a vendor, one currency for every line, a due date not before the bill's date.</summary>
internal sealed class NewBillValidator : LedgerlineValidator<NewBill>
{
    public NewBillValidator()
    {
        RuleFor(b => b.VendorId).NotEmpty().WithMessage("A bill needs a vendor: set VendorId.").MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(b => b.Currency).KnownCurrency();
        RuleFor(b => b.IssueDate).SetDate();
        RuleFor(b => b.DueDate)
            .SetDate()
            .Must((bill, due) => due is not { } d || d >= bill.IssueDate)
            .WithMessage((bill, due) => BillRules.DueBeforeIssue(due, bill.IssueDate))
            .WithErrorCode("DueBeforeIssue");
        RuleFor(b => b.Number).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(b => b.Lines)
            .NotNull().WithMessage("A bill needs at least one line.")
            .NotEmpty().WithMessage("A bill needs at least one line.");
        RuleForEach(b => b.Lines)
            .NotNull()
            .SetValidator((bill, _) => new NewBillLineValidator(bill.Currency.IsDefault ? null : bill.Currency, $"the bill Currency is {bill.Currency}", newBill: true));
        RuleFor(b => b.Notes).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="BillChanges"/>: what is set follows the <see cref="NewBill"/> rules.</summary>
internal sealed class BillChangesValidator : LedgerlineValidator<BillChanges>
{
    public BillChangesValidator()
    {
        RuleFor(b => b.Number).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(b => b.IssueDate).SetDate();
        RuleFor(b => b.DueDate)
            .SetDate()
            .Must((changes, due) => changes.IssueDate is not { } issue || due is not { } d || d >= issue)
            .WithMessage((changes, due) => BillRules.DueBeforeIssue(due, changes.IssueDate!.Value))
            .WithErrorCode("DueBeforeIssue");
        RuleFor(b => b.UnitPricesIncludeTax)
            .Null()
            .WithMessage("UnitPricesIncludeTax changes only together with Lines: changing it alone would re-price the current lines, so give every line again.")
            .WithErrorCode("LinesRequiredForTaxInclusion")
            .When(b => b.Lines is null);
        RuleFor(b => b.Lines!)
            .NotEmpty()
            .WithMessage("A bill needs at least one line; leave Lines null to keep the current lines.")
            .DistinctLineIds(l => l?.Id)
            .When(b => b.Lines is not null);
        RuleForEach(b => b.Lines!)
            .NotNull()
            .SetValidator((changes, _) => changes.Lines is [{ UnitPrice.Currency: { IsDefault: false } first }, ..]
                ? new NewBillLineValidator(first, $"Lines[0] is in {first} and all lines of a bill share one currency", newBill: false)
                : new NewBillLineValidator(null, string.Empty, newBill: false));
        RuleFor(b => b.Notes).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>
/// Validates one <see cref="NewBillLine"/>, optionally against the bill's currency. Quantity and unit price may be negative,
/// as on invoice lines.
/// </summary>
internal sealed class NewBillLineValidator : LedgerlineValidator<NewBillLine>
{
    public NewBillLineValidator(CurrencyCode? expectedCurrency, string expectedSource, bool newBill)
    {
        RuleFor(l => l.Id).LineId(newBill);
        RuleFor(l => l.Description).NotEmpty().MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(l => l.CategoryId).OptionalId();
        RuleFor(l => l.UnitPrice).LinePrice(expectedCurrency, expectedSource);
        RuleFor(l => l.Taxes).LineTaxes();
        RuleForEach(l => l.Taxes).NotNull().SetValidator(LineTaxValidator.Instance);
    }
}

/// <summary>Validates <see cref="BillQuery"/>.</summary>
internal sealed class BillQueryValidator : RecordQueryValidator<BillQuery>
{
    public BillQueryValidator()
    {
        RuleFor(q => q.VendorId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        StatusSet(q => q.Statuses);
        DateRange(q => q.IssueDate);
        DateRange(q => q.DueDate);
    }
}

/// <summary>Validates <see cref="NewBillPayment"/>.</summary>
internal sealed class NewBillPaymentValidator : LedgerlineValidator<NewBillPayment>
{
    public NewBillPaymentValidator()
    {
        RuleFor(p => p.BillId).NotEmpty().MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(p => p.Amount).PositiveMoney().InMinorUnits();
        RuleFor(p => p.Date).SetDate();
        RuleFor(p => p.Method).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(p => p.Note).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="BillPaymentChanges"/>.</summary>
internal sealed class BillPaymentChangesValidator : LedgerlineValidator<BillPaymentChanges>
{
    public BillPaymentChangesValidator()
    {
        RuleFor(p => p.Amount!.Value).PositiveMoney().InMinorUnits().OverridePropertyName(nameof(BillPaymentChanges.Amount)).When(p => p.Amount is not null);
        RuleFor(p => p.Date).SetDate();
        RuleFor(p => p.Method).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(p => p.Note).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="BillPaymentQuery"/>.</summary>
internal sealed class BillPaymentQueryValidator : RecordQueryValidator<BillPaymentQuery>
{
    public BillPaymentQueryValidator()
    {
        RuleFor(q => q.BillId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        DateRange(q => q.Date);
    }
}

/// <summary>Bill rules shared by drafts and changes.</summary>
internal static class BillRules
{
    public static string DueBeforeIssue(DateOnly? due, DateOnly issue) => string.Create(
        CultureInfo.InvariantCulture,
        $"DueDate {due:yyyy-MM-dd} is before IssueDate {issue:yyyy-MM-dd}; a bill cannot be due before its date.");
}
