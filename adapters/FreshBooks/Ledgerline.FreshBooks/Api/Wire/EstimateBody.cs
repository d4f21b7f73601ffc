using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of an estimate create, update or action: <c>{"estimate": {…}}</c>.</summary>
internal sealed record EstimateBody([property: JsonPropertyName("estimate")] EstimateWrite Fields);
