using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable project fields.</summary>
internal sealed record ProjectWrite
{
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("due_date")]
    public string? DueDate { get; init; }

    [JsonPropertyName("client_id")]
    public long? ClientId { get; init; }

    [JsonPropertyName("project_type")]
    public string? ProjectType { get; init; }

    [JsonPropertyName("fixed_price")]
    public string? FixedPrice { get; init; }

    [JsonPropertyName("rate")]
    public string? Rate { get; init; }

    [JsonPropertyName("complete")]
    public bool? Complete { get; init; }

    /// <summary><see langword="false"/> archives the project (FreshBooks' "inactive"), <see langword="true"/> restores it.</summary>
    [JsonPropertyName("active")]
    public bool? Active { get; init; }
}
