using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a payment create or update: <c>{"payment": {…}}</c>.</summary>
internal sealed record PaymentBody([property: JsonPropertyName("payment")] PaymentWrite Fields);
