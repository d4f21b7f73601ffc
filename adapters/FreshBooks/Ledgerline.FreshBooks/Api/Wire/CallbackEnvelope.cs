using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The request body of the callbacks endpoints: <c>{"callback": {…}}</c> with only the fields an operation sets.</summary>
internal sealed record CallbackEnvelope([property: JsonPropertyName("callback")] CallbackFields Callback);
