using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A credit note as Xero sends it (the members Ledgerline reads).</summary>
internal sealed class CreditNoteWire
{
    public string? Type { get; set; }

    public string? CreditNoteID { get; set; }

    public string? CreditNoteNumber { get; set; }

    public string? Reference { get; set; }

    public ContactRefWire? Contact { get; set; }

    public string? Date { get; set; }

    public string? Status { get; set; }

    public string? LineAmountTypes { get; set; }

    public List<LineItemWire>? LineItems { get; set; }

    public decimal? SubTotal { get; set; }

    public decimal? TotalTax { get; set; }

    public decimal? Total { get; set; }

    public decimal? RemainingCredit { get; set; }

    public List<AllocationWire>? Allocations { get; set; }

    /// <summary>Cash refunds of the credit (Xero payments against the credit note).</summary>
    public List<CreditRefundWire>? Payments { get; set; }

    public string? CurrencyCode { get; set; }

    [JsonPropertyName("UpdatedDateUTC")]
    public string? UpdatedDateUtc { get; set; }
}

/// <summary>Part of a credit note applied to an invoice.</summary>
internal sealed class AllocationWire
{
    public string? AllocationID { get; set; }

    public decimal? Amount { get; set; }

    public string? Date { get; set; }

    public AllocationInvoiceWire? Invoice { get; set; }
}

/// <summary>The invoice an allocation settles.</summary>
internal sealed class AllocationInvoiceWire
{
    public string? InvoiceID { get; set; }
}

/// <summary>A refund paid out of a credit note: it uses credit without allocating it.</summary>
internal sealed class CreditRefundWire
{
    public string? PaymentID { get; set; }

    public decimal? Amount { get; set; }
}

/// <summary>The answer of the CreditNotes endpoints.</summary>
internal sealed class CreditNotesResult : IXeroList<CreditNoteWire>
{
    public const string ListKey = "CreditNotes";

    public List<CreditNoteWire>? CreditNotes { get; set; }

    [JsonPropertyName("pagination")]
    public PaginationWire? Pagination { get; set; }

    [JsonIgnore]
    public List<CreditNoteWire>? Records => CreditNotes;
}

/// <summary>The answer of <c>PUT /CreditNotes/{id}/Allocations</c>.</summary>
internal sealed class AllocationsResult : IXeroList<AllocationWire>
{
    public const string ListKey = "Allocations";

    public List<AllocationWire>? Allocations { get; set; }

    [JsonIgnore]
    public PaginationWire? Pagination => null;

    [JsonIgnore]
    public List<AllocationWire>? Records => Allocations;
}
