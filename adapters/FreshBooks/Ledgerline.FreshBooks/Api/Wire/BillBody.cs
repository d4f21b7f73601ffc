using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a bill create or update: <c>{"bill": {…}}</c>.</summary>
internal sealed record BillBody([property: JsonPropertyName("bill")] BillWrite Fields);
