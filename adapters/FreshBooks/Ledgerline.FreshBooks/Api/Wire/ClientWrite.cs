using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable client fields; <see langword="null"/> is left out of the body, an empty string clears.</summary>
internal sealed record ClientWrite
{
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

    /// <summary>
    /// A state change (0 active, 1 deleted, 2 archived). FreshBooks discards every other field of a body that carries it,
    /// so it is sent alone.
    /// </summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
