using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The accounting family's body: <c>{"response": {"result": …, "errors": […]}}</c>.</summary>
/// <typeparam name="TResult">The entity's result object.</typeparam>
internal sealed record AccountingEnvelope<TResult>
{
    [JsonPropertyName("response")]
    public AccountingResponse<TResult>? Response { get; set; }
}
