using System.Globalization;
using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewInvoice"/>.</summary>
internal sealed class NewInvoiceValidator : LedgerlineValidator<NewInvoice>
{
    public NewInvoiceValidator()
    {
        RuleFor(i => i.ContactId).NotEmpty().MaximumLength(InputLimits.Id).WellFormed();
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
                invoice.Currency.IsDefault ? null : invoice.Currency, $"the invoice Currency is {invoice.Currency}", newDocument: true));
        RuleFor(i => i.DiscountPercent).InclusiveBetween(0m, 100m);
        RuleFor(i => i.Notes).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(i => i.Terms).MaximumLength(InputLimits.Text).WellFormed();
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
            .DistinctLineIds(l => l?.Id)
            .When(i => i.Lines is not null);
        RuleForEach(i => i.Lines!)
            .NotNull()
            .SetValidator((changes, _) => ExpectedCurrency(changes) is { } expected
                ? new NewInvoiceLineValidator(expected.Currency, expected.Source, newDocument: false)
                : new NewInvoiceLineValidator());
        RuleFor(i => i.DiscountPercent).InclusiveBetween(0m, 100m);
        RuleFor(i => i.UnitPricesIncludeTax)
            .Null()
            .WithMessage("UnitPricesIncludeTax changes only together with Lines: changing it alone would re-price the current lines, so give every line again.")
            .WithErrorCode("LinesRequiredForTaxInclusion")
            .When(i => i.Lines is null);
        RuleFor(i => i.Notes).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(i => i.Terms).MaximumLength(InputLimits.Text).WellFormed();
    }

    // Without a new Currency the lines are checked against each other: an invoice has one currency, and the provider
    // compares them with the stored one.
    private static (CurrencyCode Currency, string Source)? ExpectedCurrency(InvoiceChanges changes) =>
        changes.Currency is { IsDefault: false } currency ? (currency, $"the new invoice Currency is {currency}")
        : changes.Currency is null && changes.Lines is [{ UnitPrice.Currency: { IsDefault: false } first }, ..]
            ? (first, $"Lines[0] is in {first} and all lines of an invoice share one currency")
            : null;
}

/// <summary>
/// Validates one <see cref="NewInvoiceLine"/>, optionally against the currency the document is in. Quantity and unit price
/// may be negative: providers return such lines (a deposit or credit of −50.00) and take them back.
/// </summary>
internal sealed class NewInvoiceLineValidator : LedgerlineValidator<NewInvoiceLine>
{
    /// <summary>A line of a change, without a document currency to compare its own with.</summary>
    public NewInvoiceLineValidator()
        : this(null, string.Empty, newDocument: false)
    {
    }

    /// <param name="expectedCurrency">The currency the line must be priced in, when known.</param>
    /// <param name="expectedSource">Why that currency is expected, for the message.</param>
    /// <param name="newDocument">Whether the line is for a new document, which has no lines an <see cref="NewInvoiceLine.Id"/> could name.</param>
    public NewInvoiceLineValidator(CurrencyCode? expectedCurrency, string expectedSource, bool newDocument)
    {
        RuleFor(l => l.Id).LineId(newDocument);
        RuleFor(l => l.Name).NotEmpty().MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(l => l.Description).MaximumLength(InputLimits.Text).WellFormed();
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
            .MaximumLength(InputLimits.InvoiceNumber).WellFormed();

    /// <summary>
    /// A line's unit price: in a currency, the document's when known. It may be negative: FreshBooks and Xero keep negative
    /// lines (deposits, credits), and a line read from a provider must go back unchanged.
    /// </summary>
    public static IRuleBuilderOptions<T, Money> LinePrice<T>(this IRuleBuilder<T, Money> rule, CurrencyCode? expectedCurrency, string expectedSource) =>
        rule.Must(p => !p.Currency.IsDefault)
            .WithMessage("'UnitPrice' has no currency; create it as new Money(amount, currency) in the document's currency.")
            .WithErrorCode("CurrencyRequired")
            .Must(p => expectedCurrency is not { } expected || p.Currency == expected)
            .WithMessage((_, p) => $"The unit price is in {p.Currency} but {expectedSource}; Ledgerline never converts currencies.")
            .WithErrorCode("CurrencyMismatch");

    /// <summary>
    /// A line's <c>Id</c>: on a new document there is no line to name, so it must be null; in a change it names a current
    /// line (the store checks that it exists) and must not be blank.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> LineId<T>(this IRuleBuilder<T, string?> rule, bool newDocument) =>
        rule.Must(id => !newDocument || id is null)
            .WithMessage((_, id) => $"'Id' names a line of an existing document, and a new document has none; it is '{id}'. Copying lines from another document, leave it null (line with {{ Id = null }}).")
            .WithErrorCode("LineIdOnCreate")
            .OptionalId();

    /// <summary>The lines of a change name each current line at most once.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TLine>> DistinctLineIds<T, TLine>(
        this IRuleBuilderOptions<T, IReadOnlyList<TLine>> rule, Func<TLine, string?> id) =>
        rule.Must(lines => DuplicateLineId(lines, id) is null)
            .WithMessage((_, lines) => $"Line id '{DuplicateLineId(lines, id)}' is given more than once; each current line can be kept once, new lines have no id.")
            .WithErrorCode("DuplicateLineId");

    private static string? DuplicateLineId<TLine>(IReadOnlyList<TLine> lines, Func<TLine, string?> id) =>
        lines.Select(id).OfType<string>().GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;

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
        RuleFor(t => t.Name).NotEmpty().MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(t => t.Percent).InclusiveBetween(0m, 100m);
        RuleFor(t => t.TaxRateId).OptionalId();
    }
}
