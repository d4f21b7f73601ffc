using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>An invoice as Xero sends it (the members Ledgerline reads).</summary>
internal sealed class InvoiceWire
{
    public string? Type { get; set; }

    public string? InvoiceID { get; set; }

    public string? InvoiceNumber { get; set; }

    public string? Reference { get; set; }

    public ContactRefWire? Contact { get; set; }

    public string? Date { get; set; }

    public string? DueDate { get; set; }

    public string? Status { get; set; }

    public string? LineAmountTypes { get; set; }

    public List<LineItemWire>? LineItems { get; set; }

    public decimal? SubTotal { get; set; }

    public decimal? TotalTax { get; set; }

    public decimal? Total { get; set; }

    public decimal? TotalDiscount { get; set; }

    public decimal? AmountDue { get; set; }

    public decimal? AmountPaid { get; set; }

    public decimal? AmountCredited { get; set; }

    public bool? SentToContact { get; set; }

    public string? CurrencyCode { get; set; }

    [JsonPropertyName("UpdatedDateUTC")]
    public string? UpdatedDateUtc { get; set; }
}

/// <summary>The contact a document names.</summary>
internal sealed class ContactRefWire
{
    public string? ContactID { get; set; }

    public string? Name { get; set; }
}

/// <summary>One line of an invoice (or another document: bill, credit note, quote) as Xero sends it.</summary>
internal sealed class LineItemWire
{
    public string? LineItemID { get; set; }

    public string? Description { get; set; }

    public string? ItemCode { get; set; }

    public decimal? Quantity { get; set; }

    public decimal? UnitAmount { get; set; }

    public string? AccountCode { get; set; }

    public string? TaxType { get; set; }

    public decimal? TaxAmount { get; set; }

    public decimal? LineAmount { get; set; }

    public decimal? DiscountRate { get; set; }

    public decimal? DiscountAmount { get; set; }
}

/// <summary>The answer of the Invoices endpoints.</summary>
internal sealed class InvoicesResult : IXeroList<InvoiceWire>
{
    public const string ListKey = "Invoices";

    public List<InvoiceWire>? Invoices { get; set; }

    [JsonPropertyName("pagination")]
    public PaginationWire? Pagination { get; set; }

    [JsonIgnore]
    public List<InvoiceWire>? Records => Invoices;
}
