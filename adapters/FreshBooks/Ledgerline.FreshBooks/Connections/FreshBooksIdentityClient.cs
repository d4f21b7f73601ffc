using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Connections;

/// <summary>
/// Reads <c>/users/me</c> with an explicit bearer, before any connection exists (so it cannot go through the auth handler,
/// which looks tokens up by connection id). Its refusals and failures go through <see cref="FreshBooksErrorTable"/> like
/// every other call: a 429 keeps its <c>Retry-After</c>, a 401 or 403 keeps FreshBooks' code and message, and the body
/// read is bounded.
/// </summary>
internal sealed class FreshBooksIdentityClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<FreshBooksOptions> options, TimeProvider timeProvider)
{
    /// <summary>The named <see cref="HttpClient"/> for identity calls (resilience, no auth handler).</summary>
    public const string HttpClientName = "Ledgerline.FreshBooks.Identity";

    private const string MePath = "auth/api/v1/users/me";

    public async Task<FreshBooksIdentity> GetMeAsync(string accessToken, CancellationToken cancellationToken)
    {
        var call = FreshBooksCall.About(FreshBooksCall.Identity, "get");
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.CurrentValue.ApiBaseUrl, MePath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (response, body) = await FreshBooksPlainCall.SendAsync(client, request, call, cancellationToken, cancellationToken);
        using (response)
        {
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? Parse(Encoding.UTF8.GetString(body.Span), status)
                : throw FreshBooksErrorTable.FromResponse(call, status, response.Headers, body, timeProvider.GetUtcNow());
        }
    }

    internal static FreshBooksIdentity Parse(string body, int statusCode = 200)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("response", out var me) || me.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(statusCode, body, null);
            }

            var identityId = ReadId(me, "identity_id") ?? ReadId(me, "id") ?? throw Invalid(statusCode, body, null);
            var businesses = new List<FreshBooksBusiness>();
            if (me.TryGetProperty("business_memberships", out var memberships) && memberships.ValueKind == JsonValueKind.Array)
            {
                foreach (var membership in memberships.EnumerateArray())
                {
                    if (membership.ValueKind != JsonValueKind.Object
                        || !membership.TryGetProperty("business", out var business) || business.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    var accountId = ReadId(business, "account_id");
                    var businessId = ReadId(business, "id");
                    if (accountId is null || businessId is null)
                    {
                        // A membership without an accounting account (e.g. a client-only business) cannot back a connection.
                        continue;
                    }

                    businesses.Add(new FreshBooksBusiness(
                        ReadString(business, "name") ?? string.Empty,
                        ReadString(membership, "role") ?? string.Empty,
                        accountId,
                        businessId,
                        ReadString(business, "business_uuid")));
                }
            }

            return new FreshBooksIdentity(identityId, ReadString(me, "email"), ReadString(me, "first_name"), ReadString(me, "last_name"), businesses);
        }
        catch (JsonException ex)
        {
            throw Invalid(statusCode, body, ex);
        }
    }

    private static InvalidProviderResponseException Invalid(int statusCode, string body, Exception? inner) =>
        new("FreshBooks' /users/me answer is not an identity.", body.Length > 200 ? body[..200] : body, inner)
        {
            Provider = FreshBooksRequest.ProviderName,
            StatusCode = statusCode,
        };

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? ReadId(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetInt64().ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
}
