using Ledgerline.FreshBooks.Connections;
using Ledgerline.Xero.Connections;

namespace Ledgerline.Samples.Quickstart;

/// <summary>What a run of the story did, step by step; on failure, as far as it got and why it stopped.</summary>
internal sealed class QuickstartResult
{
    /// <summary>Whether every step completed.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The process exit code: 0 on success, 1 on failure.</summary>
    public int ExitCode => Succeeded ? 0 : 1;

    /// <summary>One line saying which step failed and why; <see langword="null"/> on success.</summary>
    public string? Error { get; set; }

    /// <summary>The step that was running when the story stopped, or the last one on success.</summary>
    public string? Step { get; set; }

    /// <summary>Whether the story ran against an embedded or given sandbox rather than real FreshBooks.</summary>
    public bool UsedSandbox { get; set; }

    /// <summary>The provider the story ran on.</summary>
    public QuickstartProvider Provider { get; set; }

    /// <summary>The Xero organisations the grant reaches (Xero only).</summary>
    public IReadOnlyList<XeroOrganisation> Organisations { get; set; } = [];

    /// <summary>The Xero organisation the connection is pinned to (Xero only).</summary>
    public XeroOrganisation? Organisation { get; set; }

    /// <summary>The typed refusals of steps the provider does not offer through Ledgerline, in order (the bill payment's is also in <see cref="BillPaymentRefusal"/>).</summary>
    public IList<OperationNotSupportedException> Refusals { get; } = [];

    /// <summary>The bill payment the story recorded, where the provider records them.</summary>
    public BillPayment? BillPayment { get; set; }

    /// <summary>The businesses the authorizing user belongs to.</summary>
    public IReadOnlyList<FreshBooksBusiness> Businesses { get; set; } = [];

    /// <summary>The business the connection is pinned to.</summary>
    public FreshBooksBusiness? Business { get; set; }

    /// <summary>The stored connection's id.</summary>
    public string? ConnectionId { get; set; }

    /// <summary>The client (contact) the story created.</summary>
    public Contact? Contact { get; set; }

    /// <summary>The invoice the story created, as last read (paid, once the story completes).</summary>
    public Invoice? Invoice { get; set; }

    /// <summary>The invoice's status after creation and after each payment, in order.</summary>
    public IList<InvoiceStatus> InvoiceStatuses { get; } = [];

    /// <summary>The payments the story recorded, in order.</summary>
    public IList<Payment> Payments { get; } = [];

    /// <summary>How many unpaid invoices each page held, in order.</summary>
    public IList<int> UnpaidPageCounts { get; } = [];

    /// <summary>How many unpaid invoices the auto-paging listing yielded.</summary>
    public int? UnpaidListedCount { get; set; }

    /// <summary>Whether the archived client was absent from the default (active-only) contact list.</summary>
    public bool? ArchivedContactHidden { get; set; }

    /// <summary>Whether the restored client was back in the default contact list.</summary>
    public bool? RestoredContactListed { get; set; }

    /// <summary>The estimate the story sent and recorded as accepted, as last read.</summary>
    public Estimate? Estimate { get; set; }

    /// <summary>The estimate's status after creation, sending and acceptance, in order.</summary>
    public IList<EstimateStatus> EstimateStatuses { get; } = [];

    /// <summary>The invoice the estimate became, as last read (after the credit note was applied).</summary>
    public Invoice? QuotedInvoice { get; set; }

    /// <summary>The credit note the story issued and partly applied, as last read.</summary>
    public CreditNote? CreditNote { get; set; }

    /// <summary>The vendor's bill the story recorded, as last read (paid, where the provider records bill payments).</summary>
    public Bill? Bill { get; set; }

    /// <summary>The typed refusal of a bill payment on a provider that records none through Ledgerline.</summary>
    public OperationNotSupportedException? BillPaymentRefusal { get; set; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; set; }
}
