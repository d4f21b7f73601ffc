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
    /// <summary>The configuration, compiled on first use.</summary>
    public static TypeAdapterConfig Config => Lazy.Value;

    private static readonly Lazy<TypeAdapterConfig> Lazy = new(() =>
    {
        var config = Create();
        config.Compile();
        return config;
    });

    /// <summary>Builds a fresh, uncompiled configuration (for the compile test).</summary>
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.Default.ShallowCopyForSameType(true);
        config.Apply(new ContactRegister(), new InvoiceRegister(), new PaymentRegister());
        config.Apply(new VendorRegister(), new BillRegister(), new CreditNoteRegister());
        config.Apply(new TaxRateRegister(), new ItemRegister(), new ExpenseRegister(), new CompanyRegister());
        return config;
    }
}
