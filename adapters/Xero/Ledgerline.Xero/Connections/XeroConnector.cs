using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ledgerline.Connections;
using Ledgerline.Xero.Auth;
using Ledgerline.Xero.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
public sealed partial class XeroConnector
{
    /// <summary>The scopes requested when <see cref="XeroOptions.Scopes"/> is empty: a refresh token and what the stores use.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes =
        ["offline_access", "accounting.contacts", "accounting.transactions", "accounting.settings"];

    private const string AuthorizePath = "identity/connect/authorize";

    private const string ProviderName = XeroRequest.ProviderName;

    private const string UsedGrant =
        "This Xero grant already backs a connection. Xero rotates the refresh token at each refresh, so a second connection " +
        "sharing it would need reauthorization after the first refresh. To connect another organisation (or the same one " +
        "under another connection id), authorize again: one authorization per connection.";

    private const string GrantForAnotherConnection =
        "This Xero grant is being saved as another connection (a save that failed or was cancelled can be repeated with the " +
        "same connection id only); two connections sharing its refresh token would lose one at the first refresh. Authorize " +
        "again to connect another organisation.";

    private readonly IOptionsMonitor<XeroOptions> _options;
    private readonly XeroTokenClient _tokenClient;
    private readonly XeroConnectionsClient _connectionsClient;
    private readonly IConnectionStore _store;
    private readonly ConnectionTokenManager _tokens;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<XeroConnector> _logger;

    internal XeroConnector(
        IOptionsMonitor<XeroOptions> options,
        XeroTokenClient tokenClient,
        XeroConnectionsClient connectionsClient,
        IConnectionStore store,
        [FromKeyedServices(XeroRequest.ProviderName)] ConnectionTokenManager tokens,
        TimeProvider timeProvider,
        ILogger<XeroConnector> logger)
    {
        _options = options;
        _tokenClient = tokenClient;
        _connectionsClient = connectionsClient;
        _store = store;
        _tokens = tokens;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Builds the URL of Xero's consent page with a fresh random <c>state</c> and PKCE code verifier.</summary>
    /// <param name="scopes">
    /// The scopes to request, each its own element (duplicates are dropped); <see langword="null"/> uses
    /// <see cref="XeroOptions.Scopes"/>, else <see cref="DefaultScopes"/>. Include <c>offline_access</c>, or Xero issues no
    /// refresh token.
    /// </param>
    /// <exception cref="LedgerValidationException">
    /// Before anything is built: the list is empty (code <c>Required</c> on <c>scopes</c>: Xero needs at least one scope);
    /// an element is null (code <c>Required</c>) or not one RFC 6749 scope-token — blank, holding a space, line break,
    /// <c>"</c>, <c>\</c> or a character outside printable ASCII, or longer than 128 characters (code <c>MalformedScope</c>),
    /// on <c>scopes[i]</c>. (<see cref="XeroOptions.Scopes"/> is checked by the same rule on start.)
    /// </exception>
    /// <exception cref="LedgerlineException"><see cref="XeroOptions.RedirectUri"/> or the client id is not set.</exception>
    public XeroAuthorizationRequest CreateAuthorizationRequest(IEnumerable<string>? scopes = null)
    {
        var settings = _options.CurrentValue;
        var requested = PublicInput.Scopes(nameof(scopes), scopes ?? (settings.Scopes.Count > 0 ? settings.Scopes : DefaultScopes), ProviderName);
        if (requested.Length == 0)
        {
            // Xero answers an empty scope on its consent page, after the user was sent there.
            throw PublicInput.Invalid(nameof(scopes), "Xero needs at least one scope (and offline_access for a refresh token); pass null for the defaults.", "Required", ProviderName);
        }

        var redirectUri = RedirectUri(settings);
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
        return new XeroAuthorizationRequest(url, state, verifier, redirectUri, requested, _timeProvider.GetUtcNow());
    }

    /// <summary>
    /// Checks the returned <paramref name="state"/>, exchanges the <paramref name="code"/> (with the request's code
    /// verifier and redirect URI) and lists the organisations the new grant reaches.
    /// </summary>
    /// <remarks>
    /// Sending the code is the point of no return: Xero may spend the single-use code as soon as it receives it, and the
    /// tokens it issues exist nowhere else. So once the exchange is sent, neither it nor the listing is cancelled by
    /// <paramref name="cancellationToken"/>: they run to their end, bounded by <see cref="XeroOptions.TokenRequestTimeout"/>
    /// for the exchange and by <see cref="XeroOptions.RequestTimeout"/> per attempt of <c>GET /connections</c>
    /// (<see cref="XeroOptions.MaxRetries"/> retries), and the tokens reach the caller as the grant or inside
    /// <see cref="XeroOrganisationsUnavailableException"/>, even when the caller cancelled meanwhile.
    /// </remarks>
    /// <param name="request">The request the user was sent with, kept or rebuilt with <see cref="XeroAuthorizationRequest.Restore"/>.</param>
    /// <param name="code">The <c>code</c> query parameter of the redirect (valid for 5 minutes, once).</param>
    /// <param name="state">The <c>state</c> query parameter of the redirect.</param>
    /// <param name="cancellationToken">
    /// Cancels the exchange before the code is sent (<see cref="OperationCanceledException"/>, the code unspent); once it is
    /// sent, the exchange and the listing run to their end so the tokens reach you.
    /// </param>
    /// <exception cref="LedgerValidationException">
    /// Nothing is sent: <c>request</c> null or <c>code</c> null or blank (code <c>Required</c>); a code no authorization
    /// server issues — a control character, line break or non-ASCII character, or more than 4096 characters (code
    /// <c>MalformedCode</c>, the code never quoted); or the state is not the request's (code <c>StateMismatch</c> on
    /// <c>state</c>).
    /// </exception>
    /// <exception cref="LedgerlineException">The client id or <see cref="XeroOptions.RedirectUri"/> is not set.</exception>
    /// <exception cref="ProviderUnavailableException">No answer was read from Xero's token endpoint (within <see cref="XeroOptions.TokenRequestTimeout"/>).</exception>
    /// <exception cref="AuthorizationCodeRefusedException">Xero refused the code (<c>invalid_grant</c>: expired, already used, or for another redirect URI); the user must consent again.</exception>
    /// <exception cref="XeroOrganisationsUnavailableException">
    /// The code was exchanged but <c>GET /connections</c> still failed after its retries, or Xero's token answer held both
    /// tokens without a readable <c>expires_in</c> (inner <see cref="InvalidProviderResponseException"/>; the grant's tokens
    /// are then due for refresh, expiring when the exchange was sent); the exception's
    /// <see cref="XeroOrganisationsUnavailableException.Grant"/> keeps the tokens for <see cref="ListOrganisationsAsync"/>.
    /// </exception>
    /// <exception cref="InvalidProviderResponseException">
    /// Xero's token answer is not JSON or lacks a token (no refresh token without <c>offline_access</c>); no body excerpt.
    /// </exception>
    public async Task<XeroGrant> ExchangeCodeAsync(XeroAuthorizationRequest request, string code, string? state, CancellationToken cancellationToken = default)
    {
        PublicInput.Required(nameof(request), request, ProviderName);
        PublicInput.AuthorizationCode(nameof(code), code, ProviderName);
        if (!request.IsExpectedState(state))
        {
            throw new LedgerValidationException([new FieldError("state", "The state Xero returned is not the one this authorization request sent.", "StateMismatch")])
            {
                Provider = XeroRequest.ProviderName,
            };
        }

        // The code was issued for the request's redirect URI, which Xero checks again here (it may differ from today's options).
        RedirectUri(_options.CurrentValue);
        cancellationToken.ThrowIfCancellationRequested();
        XeroTokenResponse tokens;
        try
        {
            // The point of no return: from here on only the adapter's own deadlines end the calls (see remarks).
            tokens = await _tokenClient.ExchangeCodeAsync(code, request.RedirectUri, request.CodeVerifier, CancellationToken.None);
        }
        catch (XeroTokenEndpointException refused)
        {
            throw refused.ToCodeRefusal();
        }
        catch (XeroTokenTransportException lost)
        {
            throw new ProviderUnavailableException("No answer was read from Xero's token endpoint for the code exchange; start the authorization again.", lost.InnerException)
            {
                Provider = XeroRequest.ProviderName,
            };
        }

        var grant = new XeroGrant(
            new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt),
            tokens.Scopes ?? new HashSet<string>(request.Scopes, StringComparer.Ordinal),
            []);
        if (tokens.UnreadableLifetime is { } unreadable)
        {
            // The answer is malformed, so this call fails typed, but the tokens go with it (due for refresh). The listing is
            // left to ListOrganisationsAsync, the recovery this exception already has, so one failure is reported, not two.
            throw XeroOrganisationsUnavailableException.UnreadableLifetime(grant, unreadable);
        }

        try
        {
            // Whether or not the caller has cancelled meanwhile: bounded by RequestTimeout per attempt and MaxRetries.
            return await ReadOrganisationsAsync(grant, CancellationToken.None);
        }
        catch (LedgerlineException failure)
        {
            throw new XeroOrganisationsUnavailableException(grant, failure);
        }
    }

    /// <summary>
    /// Lists again the organisations a grant reaches (<c>GET /connections</c>, retried on 5xx, 429 and transport errors),
    /// e.g. the <see cref="XeroOrganisationsUnavailableException.Grant"/> of an exchange whose listing failed. Nothing is
    /// stored. While the access token lives (<see cref="XeroGrant.ExpiresAt"/> more than
    /// <see cref="XeroOptions.RefreshBeforeExpiry"/> ahead) the grant returned and the one passed in hold the same tokens,
    /// so together they back one connection (see <see cref="ConnectAsync"/>). A grant whose access token is due (for the
    /// grant of an exchange whose lifetime was unreadable, from the time of the exchange) is refreshed first: Xero rotates
    /// the pair, the grant returned holds the new one, and the grant passed in is used up.
    /// </summary>
    /// <param name="grant">A grant from <see cref="ExchangeCodeAsync"/>, <see cref="ImportTokensAsync"/> or the failure of an exchange, not yet connected.</param>
    /// <param name="cancellationToken">Cancels the listing (the grant passed in stays usable).</param>
    /// <returns>A grant with the same tokens and the organisations, most recently connected first.</returns>
    /// <exception cref="LedgerValidationException">
    /// On <c>grant</c>, before any request: it is null (code <c>Required</c>), or a connection was already saved with it
    /// (code <c>GrantUsed</c>: its tokens are that connection's now, and may have been refreshed).
    /// </exception>
    /// <exception cref="ProviderUnavailableException">Xero failed or could not be reached.</exception>
    /// <exception cref="InvalidProviderResponseException">Xero's answer could not be read.</exception>
    /// <exception cref="ReauthorizationRequiredException">
    /// Xero refused the access token (expired or revoked) or, for a grant due for refresh, the refresh token
    /// (<c>invalid_grant</c>): the user must consent again.
    /// </exception>
    /// <exception cref="XeroOrganisationsUnavailableException">
    /// The grant was due for refresh and no answer was read from the token endpoint (its
    /// <see cref="XeroOrganisationsUnavailableException.Grant"/> holds the pair as given), or it was refreshed and the
    /// listing failed (it holds the new pair): call again with it.
    /// </exception>
    public async Task<XeroGrant> ListOrganisationsAsync(XeroGrant grant, CancellationToken cancellationToken = default)
    {
        PublicInput.Required(nameof(grant), grant, ProviderName);
        if (grant.Claim.IsSpent)
        {
            throw GrantUsed(UsedGrant);
        }

        if (!IsDue(grant.Tokens))
        {
            return await ReadOrganisationsAsync(grant, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var refreshed = await RefreshAsync(grant);

        // Xero rotated the pair: the grant passed in holds a refresh token that lives only for Xero's reuse grace.
        grant.Claim.Spend();
        return await ReadRefreshedOrganisationsAsync(refreshed);
    }

    /// <summary>
    /// Whether an access token is past its expiry or within <see cref="XeroOptions.RefreshBeforeExpiry"/> of it, as the token
    /// manager decides before a request: such a token is refreshed before it is used.
    /// </summary>
    private bool IsDue(ConnectionTokens tokens) => tokens.ExpiresAt - _timeProvider.GetUtcNow() <= _options.CurrentValue.RefreshBeforeExpiry;

    /// <summary>
    /// Refreshes a grant due for refresh into a grant without organisations, as <see cref="XeroTokenRefresher"/> does for a
    /// connection: a refresh whose answer is lost is sent again (Xero takes the same refresh token for 30 minutes and
    /// answers with the same successor), and once sent only the adapter's own deadlines end it. Every outcome but Xero
    /// refusing the refresh token hands a pair back: the new one, or (no answer was read) the one given, in
    /// <see cref="XeroOrganisationsUnavailableException.Grant"/>.
    /// </summary>
    private async Task<XeroGrant> RefreshAsync(XeroGrant grant)
    {
        for (var attempt = 1; ; attempt++)
        {
            XeroTokenResponse rotated;
            try
            {
                rotated = await _tokenClient.RefreshAsync(grant.Tokens.RefreshToken, CancellationToken.None);
            }
            catch (XeroTokenEndpointException refused) when (refused.IsInvalidGrant)
            {
                throw new ReauthorizationRequiredException(string.Empty,
                    "Xero refused the refresh token (invalid_grant): it was revoked, already rotated, or the grant expired. Nothing was stored; the user must connect again.", refused)
                {
                    Provider = ProviderName, StatusCode = refused.Status, ProviderCode = refused.Error, ProviderMessage = refused.Description,
                };
            }
            catch (XeroTokenEndpointException refused)
            {
                throw refused.ToLedgerline(string.Empty);
            }
            catch (XeroTokenTransportException) when (attempt < XeroTokenRefresher.MaxAttempts)
            {
                continue;
            }
            catch (XeroTokenTransportException lost)
            {
                throw XeroOrganisationsUnavailableException.RefreshFailed(
                    new XeroGrant(grant.Tokens, grant.Scopes, []),
                    new ProviderUnavailableException($"No answer was read from Xero's token endpoint after {attempt} attempts.", lost.InnerException)
                    {
                        Provider = ProviderName,
                    });
            }

            var refreshed = new XeroGrant(
                new ConnectionTokens(rotated.AccessToken, rotated.RefreshToken, rotated.ExpiresAt), rotated.Scopes ?? grant.Scopes, []);
            if (rotated.UnreadableLifetime is { } unreadable)
            {
                throw XeroOrganisationsUnavailableException.Refreshed(refreshed, unreadable);
            }

            return refreshed;
        }
    }

    /// <summary>Lists the organisations of a grant just refreshed; the new pair reaches the caller whatever the listing does.</summary>
    private async Task<XeroGrant> ReadRefreshedOrganisationsAsync(XeroGrant refreshed)
    {
        try
        {
            return await ReadOrganisationsAsync(refreshed, CancellationToken.None);
        }
        catch (LedgerlineException failure)
        {
            throw XeroOrganisationsUnavailableException.Refreshed(refreshed, failure);
        }
    }

    private async Task<XeroGrant> ReadOrganisationsAsync(XeroGrant grant, CancellationToken cancellationToken)
    {
        var organisations = await _connectionsClient.ListAsync(grant.Tokens.AccessToken, cancellationToken);
        return new XeroGrant(grant.Tokens, grant.Scopes, organisations, grant.Claim);
    }

    /// <summary>
    /// Turns a token pair obtained outside this connector — by an integration being migrated to Ledgerline, or issued by
    /// the Xero sandbox without its consent page (<c>XeroSandbox.IssueTokens()</c>) — into a grant: lists the organisations
    /// the access token reaches (<c>GET /connections</c>, retried on 5xx, 429 and transport errors), which also proves the
    /// token is one Xero accepts. Nothing is stored yet; pass the grant and one of its
    /// <see cref="XeroGrant.Organisations"/> to <see cref="ConnectAsync"/>, which refuses an organisation the token does
    /// not reach. The tokens are never logged nor shown in a message or <c>ToString()</c>. Once connected, Ledgerline
    /// refreshes the pair: do not use its refresh token elsewhere (Xero rotates it at each refresh).
    /// </summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="refreshToken">The refresh token issued with it (granted with <c>offline_access</c>).</param>
    /// <param name="expiresAt">
    /// When the access token expires (UTC; Xero's live 30 minutes). One already past is taken (the token is refreshed
    /// before its first use), back to 3,653 days (ten years) before the clock; one more than 366 days ahead is refused.
    /// </param>
    /// <param name="scopes">
    /// The scopes the pair was granted (Xero's token answer lists them in <c>scope</c>), each its own element (duplicates are
    /// dropped), checked by the rule of <see cref="CreateAuthorizationRequest"/>; stored on the connection and checked
    /// before each call. Empty: not checked, Xero decides.
    /// </param>
    /// <param name="cancellationToken">
    /// Cancels the listing (the tokens stay the caller's: nothing was issued). A pair due for refresh is no longer cancelled
    /// once the refresh is sent, since Xero rotates it: the new pair then reaches the caller.
    /// </param>
    /// <returns>
    /// A grant with the tokens (refreshed first when the access token was past <paramref name="expiresAt"/> or within
    /// <see cref="XeroOptions.RefreshBeforeExpiry"/> of it), the scopes and the organisations, most recently connected first.
    /// </returns>
    /// <exception cref="LedgerValidationException">
    /// Before any request, the token never quoted: a token null or blank (code <c>Required</c>), or one that cannot be a
    /// token (a character outside printable ASCII, or longer than <see cref="MaxTokenLength"/> characters: code
    /// <c>MalformedToken</c>), on <c>accessToken</c> or <c>refreshToken</c>; <c>scopes</c> null (code <c>Required</c>), or
    /// an element null (code <c>Required</c>) or not one RFC 6749 scope-token — blank, holding a space, line break,
    /// <c>"</c>, <c>\</c> or a character outside printable ASCII, or longer than 128 characters (code
    /// <c>MalformedScope</c>), on <c>scopes[i]</c>; <c>expiresAt</c> left <see langword="default"/> (code
    /// <c>Required</c>) or more than 366 days ahead of the clock or more than 3,653 days behind it (code
    /// <c>ExpiryOutOfRange</c>).
    /// </exception>
    /// <exception cref="ReauthorizationRequiredException">
    /// Xero refused the access token (revoked or not Xero's) or, for a pair due for refresh, the refresh token
    /// (<c>invalid_grant</c>); <see cref="ReauthorizationRequiredException.ConnectionId"/> is empty, since nothing was stored.
    /// </exception>
    /// <exception cref="XeroOrganisationsUnavailableException">
    /// The pair was due for refresh and refreshed, then the listing failed (<see cref="XeroOrganisationsUnavailableException.Grant"/>
    /// holds the new pair), or no answer was read from the token endpoint (it holds the pair as given): pass the Grant to
    /// <see cref="ListOrganisationsAsync"/>.
    /// </exception>
    /// <exception cref="ProviderUnavailableException">Xero failed or could not be reached.</exception>
    /// <exception cref="InvalidProviderResponseException">Xero's answer could not be read.</exception>
    public async Task<XeroGrant> ImportTokensAsync(
        string accessToken, string refreshToken, DateTimeOffset expiresAt, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        PublicInput.RequiredText(nameof(accessToken), accessToken, ProviderName);
        PublicInput.RequiredText(nameof(refreshToken), refreshToken, ProviderName);
        PublicInput.Required(nameof(scopes), scopes, ProviderName);
        ImportedTokens.RequireShape(nameof(accessToken), accessToken, ProviderName);
        ImportedTokens.RequireShape(nameof(refreshToken), refreshToken, ProviderName);
        ImportedTokens.RequireExpiry(nameof(expiresAt), expiresAt, _timeProvider.GetUtcNow(), ProviderName);
        var grant = new XeroGrant(
            new ConnectionTokens(accessToken, refreshToken, expiresAt),
            new HashSet<string>(PublicInput.Scopes(nameof(scopes), scopes, ProviderName), StringComparer.Ordinal),
            []);
        if (IsDue(grant.Tokens))
        {
            // An expired access token would be refused by /connections: refresh first, as the connection would before its first use.
            cancellationToken.ThrowIfCancellationRequested();
            return await ReadRefreshedOrganisationsAsync(await RefreshAsync(grant));
        }

        return await ReadOrganisationsAsync(grant, cancellationToken);
    }

    /// <summary>The longest token <see cref="ImportTokensAsync"/> takes (Xero's access tokens are JWTs of a few KB).</summary>
    public const int MaxTokenLength = ImportedTokens.MaxLength;

    /// <summary>
    /// Stores a connection pinned to <paramref name="organisation"/> (one of <see cref="XeroGrant.Organisations"/>), replacing
    /// any connection with the same id. One grant backs one connection id, whichever organisation it pins: a Ledgerline
    /// connection keeps its own token pair, and Xero rotates the refresh token at each refresh (the old one is accepted for
    /// 30 minutes only), so two connections made from one grant would share a refresh token and the second would need
    /// reauthorization after the first refresh. To connect several organisations, or one organisation under several ids,
    /// authorize once for each.
    /// </summary>
    /// <param name="connectionId">The app's id for the connection, e.g. the tenant id; later passed to <c>ILedgerFactory.Open</c>.</param>
    /// <param name="grant">The grant from <see cref="ExchangeCodeAsync"/>, <see cref="ImportTokensAsync"/> or <see cref="ListOrganisationsAsync"/>; usable for one connection.</param>
    /// <param name="organisation">One of <see cref="XeroGrant.Organisations"/>.</param>
    /// <param name="cancellationToken">
    /// Cancels the write. A save that was cancelled or failed keeps the grant for the same <paramref name="connectionId"/>:
    /// call again with the same id and grant (the tokens are not lost).
    /// </param>
    /// <returns>The stored connection.</returns>
    /// <exception cref="LedgerValidationException">
    /// Before anything is stored: <c>connectionId</c> null or blank (code <c>BlankId</c>), longer than
    /// <see cref="ConnectionIdRule.MaxLength"/> (code <c>IdTooLong</c>) or holding a control or format character, a line
    /// separator or a lone surrogate (code <c>MalformedId</c>); <c>grant</c> or <c>organisation</c> null (code
    /// <c>Required</c>); an organisation the grant does not reach (code <c>UnknownOrganisation</c> on
    /// <c>organisation</c>); the grant already backs a connection or is being saved under another connection id (code
    /// <c>GrantUsed</c> on <c>grant</c>).
    /// </exception>
    public async Task<LedgerConnection> ConnectAsync(string connectionId, XeroGrant grant, XeroOrganisation organisation, CancellationToken cancellationToken = default)
    {
        PublicInput.ConnectionId(nameof(connectionId), connectionId, ProviderName);
        PublicInput.Required(nameof(grant), grant, ProviderName);
        PublicInput.Required(nameof(organisation), organisation, ProviderName);
        if (!grant.Organisations.Contains(organisation))
        {
            throw new LedgerValidationException([new FieldError(nameof(organisation), $"The grant does not reach organisation {organisation.TenantId}.", "UnknownOrganisation")])
            {
                Provider = XeroRequest.ProviderName,
            };
        }

        // Two connections sharing one rotating refresh token would lose one to reauthorization at the first refresh.
        if (!grant.Claim.TryReserve(connectionId))
        {
            throw GrantUsed(grant.Claim.IsSpent ? UsedGrant : GrantForAnotherConnection);
        }

        var saved = await _store.SaveAsync(new LedgerConnection
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
        grant.Claim.Spend();
        return saved;
    }

    /// <summary>
    /// Disconnects the connection's organisation at Xero (<c>DELETE /connections/{id}</c>) and removes the stored
    /// connection. When the grant is already gone (revoked by the user, expired, or the organisation disconnected at Xero:
    /// the token cannot be refreshed, or Xero answers 401, 403 or 404) there is nothing left to remove at Xero, so that step
    /// is skipped (logged at Debug) and the stored connection is removed all the same.
    /// </summary>
    /// <param name="connectionId">The connection to remove.</param>
    /// <param name="cancellationToken">Cancels the disconnect.</param>
    /// <returns><see langword="false"/> when no such connection was stored.</returns>
    /// <exception cref="LedgerValidationException">
    /// <c>connectionId</c> breaks <see cref="ConnectionIdRule"/> (codes <c>BlankId</c>, <c>IdTooLong</c>, <c>MalformedId</c>), before any request.
    /// </exception>
    /// <exception cref="ProviderUnavailableException">
    /// Xero could not be reached or failed (5xx): the grant may still be live at Xero, so the stored connection (and its
    /// tokens) is kept for another attempt.
    /// </exception>
    public async Task<bool> DisconnectAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        PublicInput.ConnectionId(nameof(connectionId), connectionId, ProviderName);
        var connection = await _store.GetAsync(connectionId, cancellationToken);
        if (connection is null)
        {
            return false;
        }

        if (connection.Properties.TryGetValue(XeroConnectionProperties.XeroConnectionId, out var id) && Guid.TryParse(id, out var xeroConnectionId))
        {
            try
            {
                var accessToken = await _tokens.GetAccessTokenAsync(connectionId, cancellationToken);
                if (!await _connectionsClient.DeleteAsync(accessToken, xeroConnectionId, cancellationToken))
                {
                    LogGrantGone(_logger, connectionId, "Xero no longer has the connection (404)");
                }
            }
            catch (LedgerlineException gone) when (gone is ReauthorizationRequiredException || gone.StatusCode is 401 or 403)
            {
                LogGrantGone(_logger, connectionId, gone.GetType().Name);
            }
        }

        return await _store.DeleteAsync(connectionId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Disconnecting Xero connection {ConnectionId}: the grant is already gone at Xero ({Reason}); removing the stored connection only")]
    private static partial void LogGrantGone(ILogger logger, string connectionId, string reason);

    private static LedgerValidationException GrantUsed(string message) => PublicInput.Invalid("grant", message, "GrantUsed", ProviderName);

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
