using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a bill vendor create or update: <c>{"bill_vendor": {…}}</c>.</summary>
internal sealed record BillVendorBody([property: JsonPropertyName("bill_vendor")] BillVendorWrite Fields);
