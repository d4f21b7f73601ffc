using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A payment as Xero sends it (the members Ledgerline reads).</summary>
internal sealed class PaymentWire
{
    public string? PaymentID { get; set; }

    public string? Date { get; set; }

    public decimal? Amount { get; set; }

    public string? Reference { get; set; }

    public string? Status { get; set; }

    public string? PaymentType { get; set; }

    public PaymentInvoiceWire? Invoice { get; set; }

    [JsonPropertyName("UpdatedDateUTC")]
    public string? UpdatedDateUtc { get; set; }
}

/// <summary>The document a payment pays, as Xero summarises it on the payment.</summary>
internal sealed class PaymentInvoiceWire
{
    public string? InvoiceID { get; set; }

    public string? Type { get; set; }

    public ContactRefWire? Contact { get; set; }

    public string? CurrencyCode { get; set; }
}

/// <summary>The answer of the Payments endpoints.</summary>
internal sealed class PaymentsResult : IXeroList<PaymentWire>
{
    public const string ListKey = "Payments";

    public List<PaymentWire>? Payments { get; set; }

    [JsonPropertyName("pagination")]
    public PaginationWire? Pagination { get; set; }

    [JsonIgnore]
    public List<PaymentWire>? Records => Payments;
}
