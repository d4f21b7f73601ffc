using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a payment that spends a credit note: <c>{"payment": {…, "type": "Credit", "creditid": …}}</c>.</summary>
internal sealed record CreditPaymentBody([property: JsonPropertyName("payment")] CreditPaymentWrite Fields);
