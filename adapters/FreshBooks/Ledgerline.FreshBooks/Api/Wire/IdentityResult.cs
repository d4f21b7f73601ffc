using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// FreshBooks' <c>/auth/api/v1/users/me</c> answer, <c>{"response": {…identity…}}</c> with no <c>result</c>, read only as
/// far as the connected business: the memberships and what each business says about itself.
/// </summary>
internal sealed record IdentityResult
{
    [JsonPropertyName("response")]
    public IdentityWire? Response { get; set; }
}

/// <summary>The identity: the businesses the user belongs to.</summary>
internal sealed record IdentityWire
{
    [JsonPropertyName("business_memberships")]
    public IReadOnlyList<BusinessMembershipWire?>? BusinessMemberships { get; set; }
}

/// <summary>One membership: the user's role in a business, and the business.</summary>
internal sealed record BusinessMembershipWire
{
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    [JsonPropertyName("business")]
    public BusinessWire? Business { get; set; }
}

/// <summary>A business as the identity service describes it (<c>business.id</c> is the business id, <c>account_id</c> the accounting id).</summary>
internal sealed record BusinessWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("account_id")]
    public string? AccountId { get; set; }

    /// <summary>An IANA zone such as <c>America/New_York</c>; not always present.</summary>
    [JsonPropertyName("timezone")]
    public string? Timezone { get; set; }

    [JsonPropertyName("address")]
    public BusinessAddressWire? Address { get; set; }
}

/// <summary>A business's address; <c>country</c> is a name (<c>Canada</c>), not a code.</summary>
internal sealed record BusinessAddressWire
{
    [JsonPropertyName("street")]
    public string? Street { get; set; }

    [JsonPropertyName("city")]
    public string? City { get; set; }

    [JsonPropertyName("province")]
    public string? Province { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }

    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; set; }
}
