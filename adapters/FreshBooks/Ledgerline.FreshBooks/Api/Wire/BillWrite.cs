using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable bill fields; the due date is sent as <c>due_offset_days</c> from the issue date.</summary>
internal sealed record BillWrite
{
    [JsonPropertyName("vendorid")]
    public long? VendorId { get; init; }

    [JsonPropertyName("bill_number")]
    public string? BillNumber { get; init; }

    [JsonPropertyName("issue_date")]
    public string? IssueDate { get; init; }

    [JsonPropertyName("due_offset_days")]
    public int? DueOffsetDays { get; init; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; init; }

    [JsonPropertyName("lines")]
    public IReadOnlyList<BillLineWrite>? Lines { get; init; }

    /// <summary>A state change (0 active, 1 deleted, 2 archived), sent alone.</summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}

/// <summary>One bill line to send; every line is sent on a write (they replace the bill's lines).</summary>
internal sealed record BillLineWrite
{
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("quantity")]
    public string? Quantity { get; init; }

    [JsonPropertyName("unit_cost")]
    public MoneyWire? UnitCost { get; init; }

    [JsonPropertyName("categoryid")]
    public long? CategoryId { get; init; }

    [JsonPropertyName("tax_name1")]
    public string? TaxName1 { get; init; }

    [JsonPropertyName("tax_percent1")]
    public string? TaxPercent1 { get; init; }

    [JsonPropertyName("tax_name2")]
    public string? TaxName2 { get; init; }

    [JsonPropertyName("tax_percent2")]
    public string? TaxPercent2 { get; init; }

    /// <summary>Whether tax 2 compounds on tax 1: the current line's flag for a line given back by its id, else omitted.</summary>
    [JsonPropertyName("compounded_tax")]
    public bool? CompoundedTax { get; init; }
}
