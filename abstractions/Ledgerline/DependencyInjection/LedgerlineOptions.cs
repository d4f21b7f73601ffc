namespace Ledgerline;

/// <summary>Settings for the ledger Ledgerline registers for direct injection (one connection).</summary>
public sealed class LedgerlineOptions
{
    /// <summary>
    /// The connection behind the injected <see cref="ILedger"/> and stores (<see cref="IInvoiceStore"/>, …).
    /// Default <c>default</c>. Apps that serve many tenants use <see cref="ILedgerFactory"/> instead.
    /// </summary>
    public string DefaultConnectionId { get; set; } = "default";

    /// <summary>The provider behind the injected ledger when several are registered.</summary>
    public string? DefaultProvider { get; set; }
}
