using System.Globalization;
using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewInvoice"/>.</summary>
internal sealed class NewInvoiceValidator : LedgerlineValidator<NewInvoice>
{
    public NewInvoiceValidator()
    {
        RuleFor(i => i.ContactId).NotEmpty().MaximumLength(InputLimits.Id);
        RuleFor(i => i.Currency).KnownCurrency();
        RuleFor(i => i.IssueDate).SetDate();
        RuleFor(i => i.DueDate)
            .Must((invoice, due) => due is not { } d || d >= invoice.IssueDate)
            .WithMessage((invoice, due) => InvoiceRules.DueBeforeIssue(due, invoice.IssueDate))
            .WithErrorCode("DueBeforeIssue");
        RuleFor(i => i.Number).InvoiceNumber();
        RuleFor(i => i.Lines)
            .NotNull().WithMessage("An invoice needs at least one line.")
            .NotEmpty().WithMessage("An invoice needs at least one line.");
        RuleForEach(i => i.Lines)
            .NotNull()
            .SetValidator((invoice, _) => new NewInvoiceLineValidator(
                invoice.Currency.IsDefault ? null : invoice.Currency, $"the invoice Currency is {invoice.Currency}"));
        RuleFor(i => i.DiscountPercent).InclusiveBetween(0m, 100m);
        RuleFor(i => i.Notes).MaximumLength(InputLimits.Text);
        RuleFor(i => i.Terms).MaximumLength(InputLimits.Text);
    }
}

/// <summary>Validates <see cref="InvoiceChanges"/>: what is set follows the <see cref="NewInvoice"/> rules.</summary>
internal sealed class InvoiceChangesValidator : LedgerlineValidator<InvoiceChanges>
{
    public InvoiceChangesValidator()
    {
        RuleFor(i => i.ContactId).OptionalId();
        RuleFor(i => i.Number).InvoiceNumber();
        RuleFor(i => i.IssueDate).SetDate();
        RuleFor(i => i.DueDate)
            .SetDate()
            .Must((changes, due) => changes.IssueDate is not { } issue || due is not { } d || d >= issue)
            .WithMessage((changes, due) => InvoiceRules.DueBeforeIssue(due, changes.IssueDate!.Value))
            .WithErrorCode("DueBeforeIssue");
        RuleFor(i => i.Currency).KnownCurrency();
        RuleFor(i => i.Lines)
            .NotNull()
            .WithMessage("Currency changes only together with Lines: give every line again, priced in the new currency.")
            .WithErrorCode("LinesRequiredForCurrency")
            .When(i => i.Currency is not null);
        RuleFor(i => i.Lines!)
            .NotEmpty()
            .WithMessage("An invoice needs at least one line; leave Lines null to keep the current lines.")
            .When(i => i.Lines is not null);
        RuleForEach(i => i.Lines!)
            .NotNull()
            .SetValidator((changes, _) => ExpectedCurrency(changes) is { } expected
                ? new NewInvoiceLineValidator(expected.Currency, expected.Source)
                : new NewInvoiceLineValidator());
        RuleFor(i => i.DiscountPercent).InclusiveBetween(0m, 100m);
        RuleFor(i => i.Notes).MaximumLength(InputLimits.Text);
        RuleFor(i => i.Terms).MaximumLength(InputLimits.Text);
    }

    // Without a new Currency the lines are checked against each other: an invoice has one currency, and the provider
    // compares them with the stored one.
    private static (CurrencyCode Currency, string Source)? ExpectedCurrency(InvoiceChanges changes) =>
        changes.Currency is { IsDefault: false } currency ? (currency, $"the new invoice Currency is {currency}")
        : changes.Currency is null && changes.Lines is [{ UnitPrice.Currency: { IsDefault: false } first }, ..]
            ? (first, $"Lines[0] is in {first} and all lines of an invoice share one currency")
            : null;
}

/// <summary>Validates one <see cref="NewInvoiceLine"/>, optionally against the currency the invoice is in.</summary>
internal sealed class NewInvoiceLineValidator : LedgerlineValidator<NewInvoiceLine>
{
    /// <summary>A line on its own, without an invoice to compare its currency with.</summary>
    public NewInvoiceLineValidator()
        : this(null, string.Empty)
    {
    }

    /// <param name="expectedCurrency">The currency the line must be priced in, when known.</param>
    /// <param name="expectedSource">Why that currency is expected, for the message.</param>
    public NewInvoiceLineValidator(CurrencyCode? expectedCurrency, string expectedSource)
    {
        RuleFor(l => l.Name).NotEmpty().MaximumLength(InputLimits.Name);
        RuleFor(l => l.Description).MaximumLength(InputLimits.Text);
        RuleFor(l => l.Quantity).GreaterThanOrEqualTo(0m);
        RuleFor(l => l.UnitPrice).LinePrice(expectedCurrency, expectedSource);
        RuleFor(l => l.Taxes).LineTaxes();
        RuleForEach(l => l.Taxes).NotNull().SetValidator(LineTaxValidator.Instance);
    }
}

/// <summary>Invoice rules shared by drafts and changes.</summary>
internal static class InvoiceRules
{
    /// <summary>FreshBooks' limit, adopted by every provider.</summary>
    public const int MaxTaxesPerLine = 2;

    public static IRuleBuilderOptions<T, string?> InvoiceNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || !string.IsNullOrWhiteSpace(n))
            .WithMessage("'Number' must not be blank; leave it null to let the provider number the invoice.")
            .WithErrorCode("BlankNumber")
            .MaximumLength(InputLimits.InvoiceNumber);

    /// <summary>A line's unit price: in a currency, the document's when known, not negative.</summary>
    public static IRuleBuilderOptions<T, Money> LinePrice<T>(this IRuleBuilder<T, Money> rule, CurrencyCode? expectedCurrency, string expectedSource) =>
        rule.Must(p => !p.Currency.IsDefault)
            .WithMessage("'UnitPrice' has no currency; create it as new Money(amount, currency) in the document's currency.")
            .WithErrorCode("CurrencyRequired")
            .Must(p => expectedCurrency is not { } expected || p.Currency == expected)
            .WithMessage((_, p) => $"The unit price is in {p.Currency} but {expectedSource}; Ledgerline never converts currencies.")
            .WithErrorCode("CurrencyMismatch")
            .Must(p => p.Amount >= 0m)
            .WithMessage((_, p) => $"'UnitPrice' must not be negative; it is {p}. Use a discount for reductions.")
            .WithErrorCode("NegativeAmount");

    /// <summary>A line's taxes: a list of at most <see cref="MaxTaxesPerLine"/>.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<LineTax>> LineTaxes<T>(this IRuleBuilder<T, IReadOnlyList<LineTax>> rule) =>
        rule.NotNull()
            .Must(t => t.Count <= MaxTaxesPerLine)
            .WithMessage((_, t) => $"A line takes at most {MaxTaxesPerLine} taxes; it has {t.Count}.")
            .WithErrorCode("TooManyTaxes");

    public static string DueBeforeIssue(DateOnly? due, DateOnly issue) => string.Create(
        CultureInfo.InvariantCulture,
        $"DueDate {due:yyyy-MM-dd} is before IssueDate {issue:yyyy-MM-dd}; an invoice cannot be due before it is issued.");
}

/// <summary>Validates one <see cref="LineTax"/> of any document line.</summary>
internal sealed class LineTaxValidator : LedgerlineValidator<LineTax>
{
    public static LineTaxValidator Instance { get; } = new();

    private LineTaxValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(InputLimits.Name);
        RuleFor(t => t.Percent).InclusiveBetween(0m, 100m);
        RuleFor(t => t.TaxRateId).OptionalId();
    }
}
