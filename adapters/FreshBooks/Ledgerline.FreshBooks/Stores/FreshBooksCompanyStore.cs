using System.Text;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// The connected business, from <c>/auth/api/v1/users/me</c>: the membership whose <c>business.account_id</c> is the
/// connection's account. FreshBooks' identity answer names the business, its time zone and address, but no currency the
/// books are kept in, so <see cref="Company.BaseCurrency"/> stays <see langword="null"/> rather than be guessed.
/// </summary>
internal sealed class FreshBooksCompanyStore(FreshBooksLedgerContext context) : ICompanyStore
{
    private const string Scope = "user:profile:read";
    private static readonly RecordPath Path = new(["response"], "business", "business_memberships");

    public async Task<Company> GetAsync(CancellationToken cancellationToken = default)
    {
        var call = new FreshBooksCall(EntityKind.Company, "get", context.ConnectionId);
        var account = await context.Connection.AccountIdAsync(call, Scope, cancellationToken);
        var answer = await context.Http.SendAsync(call, t => context.Identity.GetMeAsync(context.ConnectionId, t), cancellationToken);
        var identity = FreshBooksEnvelope.Result(answer, Path);
        var response = answer.Response;
        var memberships = identity.Response?.BusinessMemberships
            ?? throw FreshBooksErrorTable.Invalid(call, response.Status, response.Body, "FreshBooks' /users/me answer has no response.business_memberships");

        var index = -1;
        for (var i = 0; i < memberships.Count; i++)
        {
            if (string.Equals(memberships[i]?.Business?.AccountId, account, StringComparison.Ordinal))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            throw new RecordNotFoundException(EntityKind.Company, account)
            {
                Provider = FreshBooksRequest.ProviderName,
                StatusCode = response.Status,
                ProviderMessage = $"The connected user no longer belongs to the FreshBooks business with account id '{account}'.",
            };
        }

        var business = memberships[index]!.Business!;
        var raw = Membership(response.Body, index);
        if (string.IsNullOrWhiteSpace(business.Name))
        {
            throw FreshBooksErrorTable.Invalid(call, response.Status, Bytes(raw, response.Body), "FreshBooks' business has no name");
        }

        var zone = business.Timezone;
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw FreshBooksErrorTable.Invalid(call, response.Status, Bytes(raw, response.Body), "FreshBooks' business has a time zone that is not an IANA zone");
        }

        var address = business.Address;
        return new Company
        {
            Id = account,
            Name = business.Name,
            TimeZone = string.IsNullOrWhiteSpace(zone) ? null : zone,

            // FreshBooks sends the country's name ("Canada"); only a two-letter value is an ISO 3166 code.
            CountryCode = address?.Country is { Length: 2 } code && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null,
            Address = address is null ? null : new PostalAddress
            {
                Street = Blank(address.Street),
                City = Blank(address.City),
                Region = Blank(address.Province),
                PostalCode = Blank(address.PostalCode),
                Country = Blank(address.Country),
            },
            RawRepresentation = context.Options.KeepRawRepresentation && raw is { } membership ? new RawJson(Bytes(membership, response.Body)) : null,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The raw JSON of the membership, to keep and to quote.</summary>
    private static JsonElement? Membership(ReadOnlyMemory<byte> body, int index)
    {
        using var document = JsonDocument.Parse(body, FreshBooksJson.DocumentOptions);
        var list = Path.Find(document.RootElement, list: true);
        return list.ValueKind == JsonValueKind.Array && index < list.GetArrayLength() ? list[index].Clone() : null;
    }

    private static ReadOnlyMemory<byte> Bytes(JsonElement? element, ReadOnlyMemory<byte> body) =>
        element is { } e ? Encoding.UTF8.GetBytes(e.GetRawText()) : body;
}
