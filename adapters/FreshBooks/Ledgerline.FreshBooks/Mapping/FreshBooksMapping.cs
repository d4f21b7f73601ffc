using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// The adapter's one Mapster configuration: every wire ↔ canonical mapping, one <see cref="IRegister"/> per entity.
/// Every destination member must have a source or be ignored explicitly, so a canonical field added later fails the
/// compile test rather than silently mapping to its default.
/// </summary>
/// <remarks>
/// Each register also writes its mappings as code (<see cref="Explicit"/>), which a Native AOT app uses because Mapster
/// cannot run there; <see cref="Mapper"/> picks one, and a test proves the two agree.
/// </remarks>
internal sealed class FreshBooksMapping : IAdapterMappings
{
    private FreshBooksMapping()
    {
    }

    /// <summary>What the stores map with: the Mapster configuration, or in a Native AOT app the mappings written as code.</summary>
    public static LedgerMapper<FreshBooksMapping> Mapper { get; } = new();

    /// <summary>The configuration, compiled on first use.</summary>
    public static TypeAdapterConfig Config => Compiled.Config;

    /// <summary>The mappings written as code (<see cref="CreateExplicit"/>), built once, on first use.</summary>
    public static ExplicitMappings Explicit => Written.Mappings;

    /// <summary>Builds a fresh, uncompiled configuration (for the compile test).</summary>
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.Default.ShallowCopyForSameType(true);
        config.Apply(new ContactRegister(), new InvoiceRegister(), new PaymentRegister(), new ExpenseRegister(), new TimeEntryRegister(),
            new TaxRateRegister(), new ItemRegister(), new ProjectRegister(),
            new EstimateRegister(),
            new CreditNoteRegister(),
            new VendorRegister(), new BillRegister());
        return config;
    }

    /// <summary>Every mapping of <see cref="Create"/>, written as code: the same registers, the same pairs.</summary>
    public static ExplicitMappings CreateExplicit()
    {
        var mappings = new ExplicitMappings();
        ContactRegister.Register(mappings);
        InvoiceRegister.Register(mappings);
        PaymentRegister.Register(mappings);
        ExpenseRegister.Register(mappings);
        TimeEntryRegister.Register(mappings);
        TaxRateRegister.Register(mappings);
        ItemRegister.Register(mappings);
        ProjectRegister.Register(mappings);
        EstimateRegister.Register(mappings);
        CreditNoteRegister.Register(mappings);
        VendorRegister.Register(mappings);
        BillRegister.Register(mappings);
        return mappings;
    }

    // Its own type, so that only reading Config builds (and reaches) the Mapster configuration: a Native AOT app never does.
    private static class Compiled
    {
        // Not compiled up front: Mapster compiles each pair the first time it maps one (thread-safe), so a process listing
        // invoices compiles the invoice mapping only; compiling all twelve entities' mappings at once cost 0.2 s before
        // the first record. The compile test (MappingGoldenTests) still compiles and checks every pair.
        public static readonly TypeAdapterConfig Config = Create();
    }

    // Its own type too: as a static property of this class, the mappings written as code were built with Mapper, in every
    // process, though only a Native AOT app (or a test asking for them) maps with them.
    private static class Written
    {
        public static readonly ExplicitMappings Mappings = CreateExplicit();
    }
}
