using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a invoice create or update: <c>{"invoice": {…}}</c>.</summary>
internal sealed record InvoiceBody([property: JsonPropertyName("invoice")] InvoiceWrite Fields);
