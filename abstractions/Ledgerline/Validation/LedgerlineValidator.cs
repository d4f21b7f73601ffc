using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>
/// The base of Ledgerline's validators: each property reports its first problem only, so a developer sees one actionable
/// message per field rather than a cascade of consequences.
/// </summary>
internal abstract class LedgerlineValidator<T> : AbstractValidator<T>
{
    protected LedgerlineValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
    }
}

/// <summary>The lengths Ledgerline accepts, generous enough for any provider's real data yet bounded.</summary>
internal static class InputLimits
{
    /// <summary>Names, vendors, address lines and similar short text.</summary>
    public const int Name = 200;

    /// <summary>Notes, terms, descriptions.</summary>
    public const int Text = 10_000;

    /// <summary>E-mail addresses (RFC 5321 path limit).</summary>
    public const int Email = 254;

    /// <summary>Record ids.</summary>
    public const int Id = 100;

    /// <summary>
    /// Invoice, credit note and estimate numbers: the longest a supported provider documents (Xero's <c>InvoiceNumber</c>,
    /// <c>QuoteNumber</c>: 255). FreshBooks documents no length for <c>invoice_number</c>; a provider that takes fewer
    /// refuses on its own side or in its adapter, on the same field.
    /// </summary>
    public const int InvoiceNumber = 255;

    /// <summary>Phone numbers.</summary>
    public const int Phone = 50;

    /// <summary>Postal codes.</summary>
    public const int PostalCode = 32;
}
