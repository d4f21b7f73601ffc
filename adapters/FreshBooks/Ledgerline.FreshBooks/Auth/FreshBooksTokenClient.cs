using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Auth;

/// <summary>
/// Talks to <c>POST /auth/oauth/token</c>. Deliberately outside the resilience pipeline: a token request whose body may
/// have reached the server is never sent again, because a refresh token is single-use and a repeat would kill the grant.
/// Refusals and failures go through <see cref="FreshBooksErrorTable"/> like every other call (429 with its
/// <c>Retry-After</c>, 5xx, OAuth errors by code); only <c>invalid_grant</c> stays the internal
/// <see cref="TokenEndpointException"/>, for the token manager and the connector to answer. No body is ever quoted.
/// </summary>
internal sealed class FreshBooksTokenClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<FreshBooksOptions> options, TimeProvider timeProvider)
{
    /// <summary>The named <see cref="HttpClient"/> used for the token endpoint (no retries, no auth handler).</summary>
    public const string HttpClientName = "Ledgerline.FreshBooks.Token";

    private const string TokenPath = "auth/oauth/token";
    private const string RevokePath = "auth/oauth/revoke";

    public Task<TokenResponse> ExchangeCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return RequestAsync(
            [new("grant_type", "authorization_code"), new("code", code)],
            "exchange",
            ownDeadline: true,
            cancellationToken);
    }

    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return RequestAsync(
            [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)],
            "refresh",
            ownDeadline: false,
            cancellationToken);
    }

    /// <summary>Revokes a token (and its pair) at FreshBooks; <see langword="true"/> when FreshBooks confirmed it.</summary>
    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var settings = options.CurrentValue;
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, RevokePath))
        {
            Content = JsonContent.Create(new RevokeBody(settings.ClientId, settings.ClientSecret, token), FreshBooksJson.Info<RevokeBody>()),
        };
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<TokenResponse> RequestAsync(
        List<KeyValuePair<string, string>> fields, string operation, bool ownDeadline, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        fields.Add(new("client_id", settings.ClientId));
        fields.Add(new("client_secret", settings.ClientSecret));
        if (settings.RedirectUri is { } redirectUri)
        {
            fields.Add(new("redirect_uri", redirectUri.AbsoluteUri));
        }

        var call = FreshBooksCall.About(FreshBooksCall.TokenEndpoint, operation);
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, TokenPath))
        {
            Content = new FormUrlEncodedContent(fields),
        };

        // Expiry is measured from before the request on our own clock, so a server clock that runs ahead or behind
        // never makes us keep a token past its real end.
        var requestedAt = timeProvider.GetUtcNow();

        // The client has no timeout of its own (HttpClient's is off). A code exchange that outlives TokenRequestTimeout is a
        // lost answer (ProviderUnavailableException). A refresh gets no deadline here: the token manager gives it its own
        // (TokenRefreshDeadline), because a refresh abandoned after FreshBooks rotated the pair loses the grant; that
        // deadline, like any caller's cancellation, passes through as cancellation.
        using var deadline = ownDeadline
            ? new CancellationTokenSource(settings.TokenRequestTimeout, timeProvider)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var (response, body) = await FreshBooksPlainCall.SendAsync(client, request, call, linked.Token, cancellationToken);
        using (response)
        {
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? Parse(body, requestedAt, status)
                : throw FreshBooksErrorTable.FromResponse(call, status, response.Headers, body, timeProvider.GetUtcNow());
        }
    }

    private static TokenResponse Parse(ReadOnlyMemory<byte> body, DateTimeOffset requestedAt, int statusCode)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var accessToken = ReadString(root, "access_token");
            var refreshToken = ReadString(root, "refresh_token");
            if (string.IsNullOrEmpty(accessToken) || string.IsNullOrEmpty(refreshToken))
            {
                throw Invalid(statusCode, null);
            }

            var scope = ReadString(root, "scope");
            IReadOnlySet<string>? scopes = scope is null
                ? null
                : new HashSet<string>(scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
            if (TryReadSeconds(root, out var seconds) && TokenLifetime.TryExpiry(requestedAt, seconds, out var expiresAt))
            {
                return new TokenResponse(accessToken, refreshToken, expiresAt, scopes);
            }

            // Both tokens are here, so FreshBooks has issued (on a refresh: rotated) the pair; throwing would lose it. It is
            // handed on as due at once — expiring when the request was sent, not after a made-up lifetime — with the error
            // for the caller to raise once the pair is safe.
            return new TokenResponse(accessToken, refreshToken, requestedAt, scopes)
            {
                UnreadableLifetime = Invalid(
                    statusCode, null, "it holds both tokens, but its expires_in is missing or not a whole number of seconds from 1 to 366 days"),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Invalid(statusCode, ex);
        }
    }

    private static bool TryReadSeconds(JsonElement root, out long seconds)
    {
        seconds = 0;
        return root.TryGetProperty("expires_in", out var value) && value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out seconds),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
    }

    // The body of a success holds both tokens, so no excerpt of it is ever attached.
    private static InvalidProviderResponseException Invalid(int statusCode, Exception? inner, string? reason = null) =>
        new($"FreshBooks' token endpoint answered with a body that is not a token response{(reason is null ? string.Empty : ": " + reason)}.", bodyExcerpt: null, inner)
        {
            Provider = FreshBooksRequest.ProviderName,
            StatusCode = statusCode,
        };

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
