using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a bill payment create or update: <c>{"bill_payment": {…}}</c>.</summary>
internal sealed record BillPaymentBody([property: JsonPropertyName("bill_payment")] BillPaymentWrite Fields);
