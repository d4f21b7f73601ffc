using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable bill vendor fields.</summary>
internal sealed record BillVendorWrite
{
    [JsonPropertyName("vendor_name")]
    public string? VendorName { get; init; }

    [JsonPropertyName("primary_contact_first_name")]
    public string? FirstName { get; init; }

    [JsonPropertyName("primary_contact_last_name")]
    public string? LastName { get; init; }

    [JsonPropertyName("primary_contact_email")]
    public string? Email { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("website")]
    public string? Website { get; init; }

    [JsonPropertyName("account_number")]
    public string? AccountNumber { get; init; }

    [JsonPropertyName("street")]
    public string? Street { get; init; }

    [JsonPropertyName("street2")]
    public string? Street2 { get; init; }

    [JsonPropertyName("city")]
    public string? City { get; init; }

    [JsonPropertyName("province")]
    public string? Province { get; init; }

    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; init; }

    [JsonPropertyName("country")]
    public string? Country { get; init; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>A state change (0 active, 1 deleted, 2 archived), sent alone.</summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
