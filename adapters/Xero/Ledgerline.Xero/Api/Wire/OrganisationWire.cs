using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>The organisation as Xero sends it (the members Ledgerline reads).</summary>
internal sealed class OrganisationWire
{
    public string? OrganisationID { get; set; }

    public string? Name { get; set; }

    public string? LegalName { get; set; }

    public string? BaseCurrency { get; set; }

    public string? CountryCode { get; set; }

    public string? Timezone { get; set; }

    public List<AddressWire>? Addresses { get; set; }
}

/// <summary>The answer of <c>GET /Organisation</c>: a plural envelope with the one organisation.</summary>
internal sealed class OrganisationsResult : IXeroList<OrganisationWire>
{
    public const string ListKey = "Organisations";

    public List<OrganisationWire>? Organisations { get; set; }

    [JsonIgnore]
    public PaginationWire? Pagination => null;

    [JsonIgnore]
    public List<OrganisationWire>? Records => Organisations;
}
