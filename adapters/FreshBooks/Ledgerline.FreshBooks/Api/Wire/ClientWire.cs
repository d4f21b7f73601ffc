using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks client as returned (<c>users/clients</c>). Only the fields Ledgerline reads are modelled.</summary>
internal sealed record ClientWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("userid")]
    public long? UserId { get; set; }

    [JsonPropertyName("fname")]
    public string? FirstName { get; set; }

    [JsonPropertyName("lname")]
    public string? LastName { get; set; }

    [JsonPropertyName("organization")]
    public string? Organization { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("bus_phone")]
    public string? BusinessPhone { get; set; }

    [JsonPropertyName("mob_phone")]
    public string? MobilePhone { get; set; }

    [JsonPropertyName("home_phone")]
    public string? HomePhone { get; set; }

    [JsonPropertyName("fax")]
    public string? Fax { get; set; }

    [JsonPropertyName("note")]
    public string? Note { get; set; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; set; }

    [JsonPropertyName("p_street")]
    public string? Street { get; set; }

    [JsonPropertyName("p_street2")]
    public string? Street2 { get; set; }

    [JsonPropertyName("p_city")]
    public string? City { get; set; }

    [JsonPropertyName("p_province")]
    public string? Province { get; set; }

    [JsonPropertyName("p_code")]
    public string? PostalCode { get; set; }

    [JsonPropertyName("p_country")]
    public string? Country { get; set; }

    /// <summary>UTC, unlike most accounting timestamps.</summary>
    [JsonPropertyName("signup_date")]
    public string? SignupDate { get; set; }

    /// <summary>US/Eastern wall-clock time.</summary>
    [JsonPropertyName("updated")]
    public string? Updated { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }
}
