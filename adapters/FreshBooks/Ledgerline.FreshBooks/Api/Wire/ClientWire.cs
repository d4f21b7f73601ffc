using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks client as returned (<c>users/clients</c>). Only the fields Ledgerline reads are modelled.</summary>
internal sealed record ClientWire
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("userid")]
    public long? UserId { get; init; }

    [JsonPropertyName("fname")]
    public string? FirstName { get; init; }

    [JsonPropertyName("lname")]
    public string? LastName { get; init; }

    [JsonPropertyName("organization")]
    public string? Organization { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("bus_phone")]
    public string? BusinessPhone { get; init; }

    [JsonPropertyName("mob_phone")]
    public string? MobilePhone { get; init; }

    [JsonPropertyName("home_phone")]
    public string? HomePhone { get; init; }

    [JsonPropertyName("fax")]
    public string? Fax { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; init; }

    [JsonPropertyName("p_street")]
    public string? Street { get; init; }

    [JsonPropertyName("p_street2")]
    public string? Street2 { get; init; }

    [JsonPropertyName("p_city")]
    public string? City { get; init; }

    [JsonPropertyName("p_province")]
    public string? Province { get; init; }

    [JsonPropertyName("p_code")]
    public string? PostalCode { get; init; }

    [JsonPropertyName("p_country")]
    public string? Country { get; init; }

    /// <summary>UTC, unlike most accounting timestamps.</summary>
    [JsonPropertyName("signup_date")]
    public string? SignupDate { get; init; }

    /// <summary>US/Eastern wall-clock time.</summary>
    [JsonPropertyName("updated")]
    public string? Updated { get; init; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
