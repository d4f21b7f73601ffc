using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// The adapter's one Mapster configuration: every wire → canonical mapping, one <see cref="IRegister"/> per entity.
/// Every destination member must have a source or be ignored explicitly, so a canonical field added later fails the
/// compile test rather than silently mapping to its default. Writes are built by the stores (they need the current
/// record or the options), not by Mapster.
/// </summary>
internal static class XeroMapping
{
    /// <summary>
    /// The configuration, built on first use and not compiled up front: Mapster compiles each pair the first time it maps
    /// one, so a process reading invoices does not pay for every entity's mappings (the compile test checks them all).
    /// </summary>
    public static TypeAdapterConfig Config => Lazy.Value;

    private static readonly Lazy<TypeAdapterConfig> Lazy = new(Create);

    /// <summary>Builds a fresh, uncompiled configuration (for the compile test).</summary>
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.Default.ShallowCopyForSameType(true);
        config.Apply(new ContactRegister(), new InvoiceRegister(), new PaymentRegister());
        config.Apply(new VendorRegister(), new BillRegister(), new CreditNoteRegister(), new QuoteRegister());
        config.Apply(new TaxRateRegister(), new ItemRegister(), new ExpenseRegister(), new CompanyRegister());
        return config;
    }
}
