using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ledgerline.Connections;
using Ledgerline.Xero.Auth;
using Ledgerline.Xero.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.Connections;

/// <summary>
/// Connects Xero organisations: builds the consent URL (with <c>state</c> and a PKCE S256 challenge), exchanges the code
/// Xero returns, lists the organisations the grant reaches (<c>GET /connections</c>), stores a Ledgerline connection
/// pinned to the one the app picks, and disconnects it again (<c>DELETE /connections/{id}</c>).
/// </summary>
/// <example>
/// <code>
/// var request = connector.CreateAuthorizationRequest();           // keep it; redirect the user to request.AuthorizationUrl
/// // … on the redirect back, with ?code=…&amp;state=…:
/// var grant = await connector.ExchangeCodeAsync(request, code, state);
/// var connection = await connector.ConnectAsync("customer-42", grant, grant.Organisations[0]);
/// </code>
/// </example>
public sealed class XeroConnector
{
    /// <summary>The scopes requested when <see cref="XeroOptions.Scopes"/> is empty: a refresh token and what the stores use.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes =
        ["offline_access", "accounting.contacts", "accounting.transactions", "accounting.settings"];

    private const string AuthorizePath = "identity/connect/authorize";

    private readonly IOptionsMonitor<XeroOptions> _options;
    private readonly XeroTokenClient _tokenClient;
    private readonly XeroConnectionsClient _connectionsClient;
    private readonly IConnectionStore _store;
    private readonly ConnectionTokenManager _tokens;

    internal XeroConnector(
        IOptionsMonitor<XeroOptions> options,
        XeroTokenClient tokenClient,
        XeroConnectionsClient connectionsClient,
        IConnectionStore store,
        [FromKeyedServices(XeroRequest.ProviderName)] ConnectionTokenManager tokens)
    {
        _options = options;
        _tokenClient = tokenClient;
        _connectionsClient = connectionsClient;
        _store = store;
        _tokens = tokens;
    }

    /// <summary>Builds the URL of Xero's consent page with a fresh random <c>state</c> and PKCE code verifier.</summary>
    /// <param name="scopes">The scopes to request; <see langword="null"/> uses <see cref="XeroOptions.Scopes"/>, else <see cref="DefaultScopes"/>.</param>
    /// <exception cref="LedgerlineException"><see cref="XeroOptions.RedirectUri"/> or the client id is not set.</exception>
    public XeroAuthorizationRequest CreateAuthorizationRequest(IEnumerable<string>? scopes = null)
    {
        var settings = _options.CurrentValue;
        var redirectUri = RedirectUri(settings);
        var requested = (scopes ?? (settings.Scopes.Count > 0 ? settings.Scopes : DefaultScopes))
            .Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToArray();
        var state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = new StringBuilder()
            .Append("response_type=code")
            .Append("&client_id=").Append(Uri.EscapeDataString(settings.ClientId))
            .Append("&redirect_uri=").Append(Uri.EscapeDataString(redirectUri.AbsoluteUri))
            .Append("&scope=").Append(Uri.EscapeDataString(string.Join(' ', requested)))
            .Append("&state=").Append(Uri.EscapeDataString(state))
            .Append("&code_challenge=").Append(challenge)
            .Append("&code_challenge_method=S256");
        var url = new UriBuilder(new Uri(settings.LoginBaseUrl, AuthorizePath)) { Query = query.ToString() }.Uri;
        return new XeroAuthorizationRequest(url, state, verifier, requested);
    }

    /// <summary>
    /// Checks the returned <paramref name="state"/>, exchanges the <paramref name="code"/> (with the request's code
    /// verifier) and lists the organisations the new grant reaches.
    /// </summary>
    /// <exception cref="LedgerValidationException">The state is not the request's (nothing is sent).</exception>
    /// <exception cref="ReauthorizationRequiredException">Xero refused the code (<c>invalid_grant</c>: used, expired or wrong).</exception>
    public async Task<XeroGrant> ExchangeCodeAsync(XeroAuthorizationRequest request, string code, string? state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (!request.IsExpectedState(state))
        {
            throw new LedgerValidationException([new FieldError("state", "The state Xero returned is not the one this authorization request sent.", "StateMismatch")])
            {
                Provider = XeroRequest.ProviderName,
            };
        }

        XeroTokenResponse tokens;
        try
        {
            tokens = await _tokenClient.ExchangeCodeAsync(code, RedirectUri(_options.CurrentValue), request.CodeVerifier, cancellationToken);
        }
        catch (XeroTokenEndpointException refused)
        {
            throw refused.ToLedgerline(string.Empty);
        }
        catch (XeroTokenTransportException lost)
        {
            throw new ProviderUnavailableException("No answer was read from Xero's token endpoint for the code exchange; start the authorization again.", lost.InnerException)
            {
                Provider = XeroRequest.ProviderName,
            };
        }

        var organisations = await _connectionsClient.ListAsync(tokens.AccessToken, cancellationToken);
        return new XeroGrant(
            new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt),
            tokens.Scopes ?? new HashSet<string>(request.Scopes, StringComparer.Ordinal),
            organisations);
    }

    /// <summary>
    /// Stores a connection pinned to <paramref name="organisation"/> (one of <see cref="XeroGrant.Organisations"/>), replacing
    /// any connection with the same id. Several connections may share one grant's tokens only if they refresh through one
    /// store entry each; connect each organisation with its own authorization when the app keeps several.
    /// </summary>
    public async Task<LedgerConnection> ConnectAsync(string connectionId, XeroGrant grant, XeroOrganisation organisation, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(organisation);
        if (!grant.Organisations.Contains(organisation))
        {
            throw new LedgerValidationException([new FieldError(nameof(organisation), $"The grant does not reach organisation {organisation.TenantId}.", "UnknownOrganisation")])
            {
                Provider = XeroRequest.ProviderName,
            };
        }

        return await _store.SaveAsync(new LedgerConnection
        {
            Id = connectionId,
            Provider = XeroRequest.ProviderName,
            Tokens = grant.Tokens,
            Scopes = grant.Scopes,
            Properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [XeroConnectionProperties.TenantId] = organisation.TenantId.ToString("D"),
                [XeroConnectionProperties.TenantName] = organisation.Name,
                [XeroConnectionProperties.XeroConnectionId] = organisation.XeroConnectionId.ToString("D"),
            },
        }, cancellationToken);
    }

    /// <summary>
    /// Disconnects the connection's organisation at Xero (<c>DELETE /connections/{id}</c>) and removes the stored
    /// connection. <see langword="false"/> when no such connection was stored.
    /// </summary>
    public async Task<bool> DisconnectAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        var connection = await _store.GetAsync(connectionId, cancellationToken);
        if (connection is null)
        {
            return false;
        }

        if (connection.Properties.TryGetValue(XeroConnectionProperties.XeroConnectionId, out var id) && Guid.TryParse(id, out var xeroConnectionId))
        {
            var accessToken = await _tokens.GetAccessTokenAsync(connectionId, cancellationToken);
            await _connectionsClient.DeleteAsync(accessToken, xeroConnectionId, cancellationToken);
        }

        return await _store.DeleteAsync(connectionId, cancellationToken);
    }

    private static Uri RedirectUri(XeroOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.ClientId) || settings.RedirectUri is not { } redirectUri)
        {
            throw new LedgerlineException($"{nameof(XeroOptions)}.{nameof(XeroOptions.ClientId)} and {nameof(XeroOptions.RedirectUri)} must be set to connect Xero.")
            {
                Provider = XeroRequest.ProviderName,
            };
        }

        return redirectUri;
    }
}
