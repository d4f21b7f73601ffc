using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a tax create or update: <c>{"tax": {…}}</c>.</summary>
internal sealed record TaxBody([property: JsonPropertyName("tax")] TaxWrite Fields);
