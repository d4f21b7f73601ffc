using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// <c>response</c> of an accounting body. FreshBooks can answer 200 with an <c>errors</c> list (old error shape); such a
/// body is an error whatever its <c>result</c> holds.
/// </summary>
/// <typeparam name="TResult">The entity's result object.</typeparam>
internal sealed record AccountingResponse<TResult>
{
    [JsonPropertyName("result")]
    public TResult? Result { get; set; }

    /// <summary>Kept unread: the error table reads error bodies itself.</summary>
    [JsonPropertyName("errors")]
    public JsonElement? Errors { get; set; }

    /// <summary>Whether FreshBooks listed errors.</summary>
    [JsonIgnore]
    public bool HasErrors => Errors is { ValueKind: JsonValueKind.Array } errors && errors.GetArrayLength() > 0;
}
