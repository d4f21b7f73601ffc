using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks bill (<c>bills/bills</c>), lines always included. <c>updated_at</c> is UTC.</summary>
internal sealed record BillWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("vendorid")]
    public long? VendorId { get; set; }

    [JsonPropertyName("bill_number")]
    public string? BillNumber { get; set; }

    [JsonPropertyName("issue_date")]
    public string? IssueDate { get; set; }

    [JsonPropertyName("due_date")]
    public string? DueDate { get; set; }

    [JsonPropertyName("due_offset_days")]
    public int? DueOffsetDays { get; set; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; set; }

    /// <summary>The sum of the line amounts, before tax.</summary>
    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    [JsonPropertyName("tax_amount")]
    public MoneyWire? TaxAmount { get; set; }

    [JsonPropertyName("total_amount")]
    public MoneyWire? TotalAmount { get; set; }

    [JsonPropertyName("paid")]
    public MoneyWire? Paid { get; set; }

    [JsonPropertyName("outstanding")]
    public MoneyWire? Outstanding { get; set; }

    /// <summary>unpaid, partial, paid or overdue.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; set; }

    [JsonPropertyName("updated_at")]
    public string? UpdatedAt { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }

    [JsonPropertyName("lines")]
    public IReadOnlyList<BillLineWire>? Lines { get; set; }
}

/// <summary>One bill line as read. <c>quantity</c> is a string.</summary>
internal sealed record BillLineWire
{
    /// <summary>The line's id within the bill.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>Whether tax 2 is charged on the amount plus tax 1; kept when the line is given back by its id.</summary>
    [JsonPropertyName("compounded_tax")]
    public bool? CompoundedTax { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("quantity")]
    public string? Quantity { get; set; }

    [JsonPropertyName("unit_cost")]
    public MoneyWire? UnitCost { get; set; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    [JsonPropertyName("categoryid")]
    public long? CategoryId { get; set; }

    [JsonPropertyName("tax_name1")]
    public string? TaxName1 { get; set; }

    [JsonPropertyName("tax_percent1")]
    public string? TaxPercent1 { get; set; }

    [JsonPropertyName("tax_name2")]
    public string? TaxName2 { get; set; }

    [JsonPropertyName("tax_percent2")]
    public string? TaxPercent2 { get; set; }
}
