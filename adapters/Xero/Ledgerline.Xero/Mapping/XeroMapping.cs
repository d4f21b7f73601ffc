using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// The adapter's one Mapster configuration: every wire → canonical mapping, one <see cref="IRegister"/> per entity.
/// Every destination member must have a source or be ignored explicitly, so a canonical field added later fails the
/// compile test rather than silently mapping to its default. Writes are built by the stores (they need the current
/// record or the options), not by Mapster.
/// </summary>
/// <remarks>
/// Each register also writes its mappings as code (<see cref="Explicit"/>), which a Native AOT app uses because Mapster
/// cannot run there; <see cref="Mapper"/> picks one, and <c>ExplicitMappingTests</c> proves the two register the same pairs
/// and agree. A register that adds a Mapster pair adds the same pair to its <c>Register(ExplicitMappings)</c>.
/// </remarks>
internal sealed class XeroMapping : IAdapterMappings
{
    private XeroMapping()
    {
    }

    /// <summary>What the stores map with: the Mapster configuration, or in a Native AOT app the mappings written as code.</summary>
    public static LedgerMapper<XeroMapping> Mapper { get; } = new();

    /// <summary>The configuration, compiled on first use.</summary>
    public static TypeAdapterConfig Config => Compiled.Config;

    /// <summary>The mappings written as code (<see cref="CreateExplicit"/>), built once, on first use.</summary>
    public static ExplicitMappings Explicit => Written.Mappings;

    /// <summary>Builds a fresh, uncompiled configuration (for the compile test).</summary>
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.Default.ShallowCopyForSameType(true);
        config.Apply(new ContactRegister(), new InvoiceRegister(), new PaymentRegister());
        config.Apply(new VendorRegister(), new BillRegister(), new CreditNoteRegister(), new QuoteRegister());
        config.Apply(new TaxRateRegister(), new ItemRegister(), new ExpenseRegister(), new CompanyRegister());
        config.Apply(new ProjectRegister(), new TimeEntryRegister());
        return config;
    }

    /// <summary>Every mapping of <see cref="Create"/>, written as code: the same registers, the same pairs.</summary>
    public static ExplicitMappings CreateExplicit()
    {
        var mappings = new ExplicitMappings();
        ContactRegister.Register(mappings);
        InvoiceRegister.Register(mappings);
        PaymentRegister.Register(mappings);
        VendorRegister.Register(mappings);
        BillRegister.Register(mappings);
        CreditNoteRegister.Register(mappings);
        QuoteRegister.Register(mappings);
        TaxRateRegister.Register(mappings);
        ItemRegister.Register(mappings);
        ExpenseRegister.Register(mappings);
        CompanyRegister.Register(mappings);
        ProjectRegister.Register(mappings);
        TimeEntryRegister.Register(mappings);
        return mappings;
    }

    // Its own type, so that only reading Config builds (and reaches) the Mapster configuration: a Native AOT app never does.
    // Not compiled up front: Mapster compiles each pair the first time it maps one, so a process reading invoices does not
    // pay for every entity's mappings (the compile test checks them all).
    private static class Compiled
    {
        public static readonly TypeAdapterConfig Config = Create();
    }

    // Its own type too, so that only a Native AOT app (or a test asking for them) builds the mappings written as code.
    private static class Written
    {
        public static readonly ExplicitMappings Mappings = CreateExplicit();
    }
}

/// <summary>
/// Mapster's call shape on <see cref="LedgerMapper{TMappings}"/>: <c>wire.Adapt&lt;TSource, TDestination&gt;(Context.Mapping)</c>
/// maps through the mapper (Mapster, or the mappings written as code without dynamic code), so a store written against
/// the Mapster configuration keeps compiling and runs under Native AOT once its pair is written as code too.
/// </summary>
internal static class XeroMapperExtensions
{
    /// <summary>Maps <paramref name="source"/> with <paramref name="mapper"/> (<see cref="LedgerMapper{TMappings}.Map{TSource, TDestination}(TSource)"/>).</summary>
    public static TDestination Adapt<TSource, TDestination>(this TSource source, LedgerMapper<XeroMapping> mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return mapper.Map<TSource, TDestination>(source);
    }
}
