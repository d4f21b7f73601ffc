using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of an item create or update: <c>{"item": {…}}</c>.</summary>
internal sealed record ItemBody([property: JsonPropertyName("item")] ItemWrite Fields);
