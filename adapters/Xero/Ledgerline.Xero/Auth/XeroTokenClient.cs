using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ledgerline.Connections;
using Ledgerline.Xero.Http;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.Auth;

/// <summary>
/// Xero's token endpoint (<c>{IdentityBaseUrl}connect/token</c>): the authorization-code grant (with the PKCE verifier when
/// one was used) and the refresh-token grant. Client credentials go in <c>Authorization: Basic</c>; a PKCE app (no secret)
/// sends <c>client_id</c> in the body. One request per call, never retried here. Answers are read bounded; errors are
/// typed: 400 <c>invalid_grant</c> is <see cref="ReauthorizationRequiredException"/>-worthy and reported as
/// <see cref="XeroTokenEndpointException"/>, 429 <see cref="RateLimitedException"/>, 5xx and no answer
/// <see cref="ProviderUnavailableException"/>.
/// </summary>
internal sealed class XeroTokenClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<XeroOptions> options, TimeProvider timeProvider)
{
    public const string HttpClientName = "Ledgerline.Xero.Token";

    private const string TokenPath = "connect/token";

    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>A refresh gets no deadline here: the token manager gives it its own (<see cref="XeroOptions.TokenRefreshDeadline"/>).</summary>
    public Task<XeroTokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], ownDeadline: false, cancellationToken);

    /// <summary>
    /// A code exchange has its own deadline, <see cref="XeroOptions.TokenRequestTimeout"/>: an answer not read by then is
    /// <see cref="XeroTokenTransportException"/> (lost), so an exchange the caller no longer cancels still ends.
    /// </summary>

    public Task<XeroTokenResponse> ExchangeCodeAsync(string code, Uri redirectUri, string? codeVerifier, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> fields = [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirectUri.AbsoluteUri)];
        if (codeVerifier is not null)
        {
            fields.Add(new("code_verifier", codeVerifier));
        }

        return RequestAsync(fields, ownDeadline: true, cancellationToken);
    }

    private async Task<XeroTokenResponse> RequestAsync(List<KeyValuePair<string, string>> fields, bool ownDeadline, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.IdentityBaseUrl, TokenPath));
        if (string.IsNullOrEmpty(settings.ClientSecret))
        {
            fields.Add(new("client_id", settings.ClientId));
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        }

        request.Content = new FormUrlEncodedContent(fields);
        request.Headers.Accept.ParseAdd("application/json");

        // Expiry is measured from before the request on our own clock, so a server clock that runs ahead or behind never
        // makes us keep a token past its real end.
        var requestedAt = timeProvider.GetUtcNow();
        var client = httpClientFactory.CreateClient(HttpClientName);
        string body;
        int status;
        HttpResponseHeaders headers;
        using var deadline = ownDeadline ? new CancellationTokenSource(settings.TokenRequestTimeout, timeProvider) : new CancellationTokenSource();
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, sending.Token);
            await response.Content.LoadIntoBufferAsync(MaxBodyBytes, sending.Token);
            body = await response.Content.ReadAsStringAsync(sending.Token);
            status = (int)response.StatusCode;
            headers = response.Headers;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // The message of a transport error names the host only; the inner exception never carries the body.
            throw new XeroTokenTransportException(exception);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new XeroTokenTransportException(new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"Xero's token endpoint did not answer within {settings.TokenRequestTimeout.TotalSeconds:0.###} s."), exception));
        }

        if (status is >= 200 and < 300)
        {
            return Parse(body, requestedAt, status);
        }

        var (error, description) = ReadError(body);
        if (status == 429)
        {
            throw new RateLimitedException(headers.RetryAfter?.Delta) { Provider = XeroRequest.ProviderName, StatusCode = status, ProviderCode = error };
        }

        if (status >= 500)
        {
            throw new ProviderUnavailableException($"Xero's token endpoint failed with HTTP {status}.")
            {
                Provider = XeroRequest.ProviderName, StatusCode = status, ProviderCode = error, ProviderMessage = description,
            };
        }

        throw new XeroTokenEndpointException(status, error, description);
    }

    private static XeroTokenResponse Parse(string body, DateTimeOffset requestedAt, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var access = Text(root, "access_token");
            var refresh = Text(root, "refresh_token");
            if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh))
            {
                throw Invalid(status, "Xero's token answer lacks access_token or refresh_token (offline_access is needed for a refresh token)");
            }

            IReadOnlySet<string>? scopes = Text(root, "scope") is { } scope
                ? new HashSet<string>(scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal)
                : null;
            // TryGetInt64 throws on anything but a number (a quoted "1800" too), so the kind is checked first.
            if (root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number &&
                expires.TryGetInt64(out var seconds) && TokenLifetime.TryExpiry(requestedAt, seconds, out var expiresAt))
            {
                return new XeroTokenResponse(access, refresh, expiresAt, scopes);
            }

            // Both tokens are here, so Xero has issued (on a refresh: rotated) the pair; throwing would lose it. It is handed
            // on as due at once — expiring when the request was sent, not after a made-up lifetime — with the error for the
            // caller to raise once the pair is safe.
            return new XeroTokenResponse(access, refresh, requestedAt, scopes)
            {
                UnreadableLifetime = Invalid(status,
                    "Xero's token answer holds both tokens, but its expires_in is missing or not a whole number of seconds from 1 to 366 days (Xero issues 1,800)"),
            };
        }
        catch (JsonException exception)
        {
            throw Invalid(status, "Xero's token answer is not JSON", exception);
        }
    }

    // A token answer holds secrets, so no excerpt of it is ever kept.
    private static InvalidProviderResponseException Invalid(int status, string reason, Exception? inner = null) =>
        new($"{reason} (HTTP {status}).", null, inner) { Provider = XeroRequest.ProviderName, StatusCode = status };

    private static (string? Error, string? Description) ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return (Text(document.RootElement, "error"), Text(document.RootElement, "error_description"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
