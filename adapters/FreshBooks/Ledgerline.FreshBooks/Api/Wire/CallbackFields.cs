using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

internal sealed record CallbackFields
{
    [JsonPropertyName("event")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Event { get; init; }

    [JsonPropertyName("uri")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Uri { get; init; }

    [JsonPropertyName("verifier")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Verifier { get; init; }

    [JsonPropertyName("resend")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Resend { get; init; }

    /// <summary>Describes the fields without the verifier.</summary>
    public override string ToString() =>
        $"CallbackFields {{ Event = {Event}, Uri = {Uri}, Verifier = {(Verifier is null ? "(none)" : "***")}, Resend = {Resend} }}";
}
