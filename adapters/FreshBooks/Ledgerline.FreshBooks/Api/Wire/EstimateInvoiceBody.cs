using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body that creates an invoice from an estimate: <c>{"invoice": {…, "estimateid": …}}</c>.</summary>
internal sealed record EstimateInvoiceBody([property: JsonPropertyName("invoice")] EstimateInvoiceWrite Fields);
