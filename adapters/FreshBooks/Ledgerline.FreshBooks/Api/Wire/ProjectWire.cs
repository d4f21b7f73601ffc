using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// A FreshBooks project (<c>/projects/business/{businessId}/project</c>). It has no <c>vis_state</c>: <c>active</c> false
/// is archived, and a delete removes it. Money values are bare decimal strings with no currency.
/// </summary>
internal sealed record ProjectWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("due_date")]
    public string? DueDate { get; set; }

    [JsonPropertyName("client_id")]
    public long? ClientId { get; set; }

    /// <summary><c>fixed_price</c> or <c>hourly_rate</c>.</summary>
    [JsonPropertyName("project_type")]
    public string? ProjectType { get; set; }

    /// <summary>The agreed price, a decimal string without currency.</summary>
    [JsonPropertyName("fixed_price")]
    public string? FixedPrice { get; set; }

    /// <summary>The project's hourly rate, a decimal string without currency.</summary>
    [JsonPropertyName("rate")]
    public string? Rate { get; set; }

    /// <summary>Budgeted time in a unit FreshBooks does not document; not mapped.</summary>
    [JsonPropertyName("budget")]
    public long? Budget { get; set; }

    [JsonPropertyName("active")]
    public bool? Active { get; set; }

    [JsonPropertyName("complete")]
    public bool? Complete { get; set; }

    [JsonPropertyName("internal")]
    public bool? Internal { get; set; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; set; }

    [JsonPropertyName("updated_at")]
    public string? UpdatedAt { get; set; }
}
