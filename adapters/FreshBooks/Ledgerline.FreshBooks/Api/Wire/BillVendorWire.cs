using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// A FreshBooks bill vendor (<c>bill_vendors/bill_vendors</c>). Keyed by <c>vendorid</c> alone (no <c>id</c>);
/// <c>created_at</c>/<c>updated_at</c> are UTC. The balances and tax defaults are not part of the canonical model.
/// </summary>
internal sealed record BillVendorWire
{
    [JsonPropertyName("vendorid")]
    public long? VendorId { get; set; }

    [JsonPropertyName("vendor_name")]
    public string? VendorName { get; set; }

    [JsonPropertyName("primary_contact_first_name")]
    public string? FirstName { get; set; }

    [JsonPropertyName("primary_contact_last_name")]
    public string? LastName { get; set; }

    [JsonPropertyName("primary_contact_email")]
    public string? Email { get; set; }

    [JsonPropertyName("phone")]
    public string? Phone { get; set; }

    [JsonPropertyName("website")]
    public string? Website { get; set; }

    [JsonPropertyName("account_number")]
    public string? AccountNumber { get; set; }

    [JsonPropertyName("street")]
    public string? Street { get; set; }

    [JsonPropertyName("street2")]
    public string? Street2 { get; set; }

    [JsonPropertyName("city")]
    public string? City { get; set; }

    [JsonPropertyName("province")]
    public string? Province { get; set; }

    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; set; }

    [JsonPropertyName("note")]
    public string? Note { get; set; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; set; }

    /// <summary>UTC <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    [JsonPropertyName("updated_at")]
    public string? UpdatedAt { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }
}
