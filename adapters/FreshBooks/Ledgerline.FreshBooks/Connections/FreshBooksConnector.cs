using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Auth;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Connections;

/// <summary>
/// Connects a FreshBooks account: builds the consent URL, exchanges the code FreshBooks returns, lists the user's
/// businesses and stores a connection pinned to the one the user picks.
/// </summary>
/// <example>
/// <code>
/// var request = connector.CreateAuthorizationRequest();            // redirect the user to request.AuthorizationUrl
/// // … on the redirect back: check request.IsExpectedState(state), then
/// var grant = await connector.ExchangeCodeAsync(code);
/// var connection = await connector.ConnectAsync("tenant-42", grant, grant.Businesses[0]);
/// </code>
/// </example>
public sealed class FreshBooksConnector
{
    private const string AuthorizePath = "oauth/authorize";

    private const string ProviderName = FreshBooksRequest.ProviderName;

    private const string UsedGrant =
        "This FreshBooks grant already backs a connection or was read again; its refresh token is single-use. Use the grant " +
        "ListBusinessesAsync returned, or authorize again to connect another business.";

    private const string GrantForAnotherConnection =
        "This FreshBooks grant is being saved as another connection (a save that failed or was cancelled can be repeated with " +
        "the same connection id only); its refresh token is single-use. Authorize again to connect another business.";

    private readonly IOptionsMonitor<FreshBooksOptions> _options;
    private readonly FreshBooksTokenClient _tokenClient;
    private readonly FreshBooksIdentityClient _identityClient;
    private readonly IConnectionStore _store;
    private readonly TimeProvider _timeProvider;

    internal FreshBooksConnector(
        IOptionsMonitor<FreshBooksOptions> options,
        FreshBooksTokenClient tokenClient,
        FreshBooksIdentityClient identityClient,
        IConnectionStore store,
        TimeProvider timeProvider)
    {
        _options = options;
        _tokenClient = tokenClient;
        _identityClient = identityClient;
        _store = store;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Builds the URL of FreshBooks' consent page with a fresh random <c>state</c>.
    /// </summary>
    /// <param name="scopes">
    /// The scopes to request, each its own element (duplicates are dropped); <see langword="null"/> uses
    /// <see cref="FreshBooksOptions.Scopes"/>. None (an empty list) sends no <c>scope</c>, and FreshBooks grants the scopes
    /// the app is registered with.
    /// </param>
    /// <exception cref="LedgerValidationException">
    /// Before anything is built: an element is null (code <c>Required</c>) or not one RFC 6749 scope-token — blank,
    /// holding a space, line break, <c>"</c>, <c>\</c> or a character outside printable ASCII, or longer than 128
    /// characters (code <c>MalformedScope</c>), on <c>scopes[i]</c>. (<see cref="FreshBooksOptions.Scopes"/> is checked by
    /// the same rule on start.)
    /// </exception>
    /// <exception cref="LedgerlineException">
    /// <see cref="FreshBooksOptions.RedirectUri"/> or the client id is not set (the options allow an app that only imports
    /// tokens to leave the redirect URI out, so this is found here, not on start).
    /// </exception>
    public FreshBooksAuthorizationRequest CreateAuthorizationRequest(IEnumerable<string>? scopes = null)
    {
        var settings = _options.CurrentValue;
        var requested = PublicInput.Scopes(nameof(scopes), scopes ?? settings.Scopes, ProviderName);
        if (string.IsNullOrWhiteSpace(settings.ClientId) || settings.RedirectUri is not { } redirectUri)
        {
            throw new LedgerlineException(
                $"{nameof(FreshBooksOptions)}.{nameof(FreshBooksOptions.ClientId)} and {nameof(FreshBooksOptions.RedirectUri)} must be set to connect FreshBooks: " +
                "FreshBooks needs the redirect URI to send the user back.")
            {
                Provider = ProviderName,
            };
        }

        var state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

        var query = new StringBuilder()
            .Append("client_id=").Append(Uri.EscapeDataString(settings.ClientId))
            .Append("&response_type=code")
            .Append("&redirect_uri=").Append(Uri.EscapeDataString(redirectUri.AbsoluteUri));
        if (requested.Length > 0)
        {
            query.Append("&scope=").Append(Uri.EscapeDataString(string.Join(' ', requested)));
        }

        query.Append("&state=").Append(state);
        var url = new UriBuilder(new Uri(settings.AuthBaseUrl, AuthorizePath)) { Query = query.ToString() }.Uri;
        return new FreshBooksAuthorizationRequest(url, state, requested);
    }

    /// <summary>
    /// Exchanges the authorization code from the redirect for tokens and reads who authorized and which businesses they
    /// can connect. Nothing is stored yet. Check the redirect's <c>state</c> first.
    /// </summary>
    /// <remarks>
    /// Sending the code is the point of no return: FreshBooks may spend the single-use code as soon as it receives it, and
    /// the tokens it issues exist nowhere else. So once the exchange is sent, neither it nor the identity lookup is
    /// cancelled by <paramref name="cancellationToken"/>: they run to their end, bounded by
    /// <see cref="FreshBooksOptions.TokenRequestTimeout"/> for the exchange and by <see cref="FreshBooksOptions.RequestTimeout"/>
    /// per attempt of <c>/users/me</c> (<see cref="FreshBooksOptions.MaxRetries"/> retries), and the tokens reach the caller
    /// as the grant or inside <see cref="FreshBooksIdentityUnavailableException"/>, even when the caller cancelled meanwhile.
    /// </remarks>
    /// <param name="code">The <c>code</c> query parameter of the redirect (valid for 5 minutes, once).</param>
    /// <param name="cancellationToken">
    /// Cancels the exchange before the code is sent (<see cref="OperationCanceledException"/>, the code unspent); once it is
    /// sent, the exchange and the lookup run to their end so the tokens reach you.
    /// </param>
    /// <exception cref="LedgerValidationException">
    /// On <c>code</c>, before any request, the code never quoted: null or blank (code <c>Required</c>), or one no
    /// authorization server issues — a control character, line break or non-ASCII character, or more than 4096
    /// characters (code <c>MalformedCode</c>).
    /// </exception>
    /// <exception cref="AuthorizationCodeRefusedException">FreshBooks refused the code (<c>invalid_grant</c>): the user must consent again.</exception>
    /// <exception cref="ProviderUnavailableException">No answer was read from the token endpoint within <see cref="FreshBooksOptions.TokenRequestTimeout"/>.</exception>
    /// <exception cref="FreshBooksIdentityUnavailableException">
    /// The code was exchanged but <c>/users/me</c> still failed after its retries, or FreshBooks' token answer held both
    /// tokens without a readable <c>expires_in</c> (inner <see cref="InvalidProviderResponseException"/>; the grant's tokens
    /// are then due for refresh, expiring when the exchange was sent); the exception's
    /// <see cref="FreshBooksIdentityUnavailableException.Grant"/> keeps the tokens for <see cref="ListBusinessesAsync"/>.
    /// </exception>
    /// <exception cref="InvalidProviderResponseException">FreshBooks' token answer could not be read or lacks a token (no body excerpt).</exception>
    public async Task<FreshBooksGrant> ExchangeCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        PublicInput.AuthorizationCode(nameof(code), code, ProviderName);
        cancellationToken.ThrowIfCancellationRequested();
        TokenResponse tokens;
        try
        {
            // The point of no return: from here on only the adapter's own deadlines end the calls (see remarks).
            tokens = await _tokenClient.ExchangeCodeAsync(code, CancellationToken.None);
        }
        catch (TokenEndpointException ex) when (ex.IsInvalidGrant)
        {
            throw new AuthorizationCodeRefusedException(
                "FreshBooks refused the authorization code (invalid_grant): it has expired (codes live 5 minutes), was already exchanged, " +
                "or was issued for another redirect URI or client. Nothing was stored; send the user to FreshBooks' consent page again and exchange the new code once.", ex)
            {
                Provider = FreshBooksRequest.ProviderName,
                ProviderCode = ex.ProviderCode,
                ProviderMessage = ex.ProviderMessage,
                StatusCode = ex.StatusCode,
            };
        }
        catch (TokenEndpointException ex)
        {
            throw new LedgerlineException($"FreshBooks refused the authorization code ({ex.ProviderCode ?? "HTTP " + ex.StatusCode}); start the connection again.", ex)
            {
                Provider = FreshBooksRequest.ProviderName,
                ProviderCode = ex.ProviderCode,
                ProviderMessage = ex.ProviderMessage,
                StatusCode = ex.StatusCode,
            };
        }

        // The code is spent: from here on the tokens must reach the caller, whatever the lookup does and whether or not
        // the caller has cancelled meanwhile (the lookup is bounded by RequestTimeout per attempt and MaxRetries).
        var pending = FreshBooksGrant.WithoutIdentity(
            tokens.Scopes ?? new HashSet<string>(StringComparer.Ordinal),
            new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt));
        if (tokens.UnreadableLifetime is { } unreadable)
        {
            // The answer is malformed, so this call fails typed, but the tokens go with it (due for refresh). The lookup is
            // left to ListBusinessesAsync, the recovery this exception already has, so one failure is reported, not two.
            throw FreshBooksIdentityUnavailableException.UnreadableLifetime(pending, unreadable);
        }

        try
        {
            return await ReadIdentityAsync(pending, CancellationToken.None);
        }
        catch (LedgerlineException failure)
        {
            throw new FreshBooksIdentityUnavailableException(pending, failure);
        }
    }

    /// <summary>
    /// Reads again who a grant's tokens belong to and which businesses they can connect (<c>GET /users/me</c>, retried on
    /// 5xx, 429 and transport errors), e.g. for the <see cref="FreshBooksIdentityUnavailableException.Grant"/> of an
    /// exchange whose lookup failed. Nothing is stored. An access token past its expiry or within
    /// <see cref="FreshBooksOptions.RefreshBeforeExpiry"/> of it (<see cref="FreshBooksGrant.ExpiresAt"/>; for the grant of an
    /// exchange whose lifetime was unreadable, the time of the exchange) is refreshed first, and the grant returned holds
    /// the new pair. The grant passed in is used up (its refresh token is single-use); connect with the one returned.
    /// </summary>
    /// <param name="grant">A grant from <see cref="ExchangeCodeAsync"/>, <see cref="ImportTokensAsync"/> or the failure of an exchange, not yet connected.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>A grant with the same tokens and scopes, the identity and the businesses.</returns>
    /// <exception cref="LedgerValidationException">
    /// On <c>grant</c>, before any request: it is null (code <c>Required</c>), or it already backs a connection or was
    /// already read again (code <c>GrantUsed</c>: use the grant that call returned).
    /// </exception>
    /// <exception cref="ProviderUnavailableException">FreshBooks failed or could not be reached.</exception>
    /// <exception cref="InvalidProviderResponseException">FreshBooks' answer could not be read.</exception>
    /// <exception cref="ReauthorizationRequiredException">
    /// FreshBooks refused the access token (expired or revoked) or the refresh token (<c>invalid_grant</c>): the user must
    /// consent again. <see cref="ReauthorizationRequiredException.ConnectionId"/> is empty, since nothing was stored.
    /// </exception>
    /// <exception cref="FreshBooksIdentityUnavailableException">
    /// The tokens were due for refresh and the refresh failed otherwise (its <see cref="FreshBooksIdentityUnavailableException.Grant"/>
    /// holds the pair as given), or they were refreshed and the lookup failed (it holds the new pair): call again with it.
    /// </exception>
    public Task<FreshBooksGrant> ListBusinessesAsync(FreshBooksGrant grant, CancellationToken cancellationToken = default)
    {
        PublicInput.Required(nameof(grant), grant, ProviderName);
        if (grant.IsUsed)
        {
            throw GrantUsed(UsedGrant);
        }

        return IsDue(grant.Tokens) ? RefreshThenReadIdentityAsync(grant, cancellationToken) : ReadIdentityAsync(grant, cancellationToken);
    }

    private async Task<FreshBooksGrant> RefreshThenReadIdentityAsync(FreshBooksGrant grant, CancellationToken cancellationToken)
    {
        // The refresh spends the grant's refresh token, so the grant is spent first: it cannot be refreshed twice.
        if (!grant.TryUse())
        {
            throw GrantUsed(UsedGrant);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var refreshed = await RefreshAsync(grant.Scopes, grant.Tokens);
        return await ReadRefreshedIdentityAsync(refreshed);
    }

    /// <summary>
    /// Whether an access token is past its expiry or within <see cref="FreshBooksOptions.RefreshBeforeExpiry"/> of it, as
    /// the token manager decides before a request: such a token is refreshed before it is used.
    /// </summary>
    private bool IsDue(ConnectionTokens tokens) => tokens.ExpiresAt - _timeProvider.GetUtcNow() <= _options.CurrentValue.RefreshBeforeExpiry;

    /// <summary>
    /// Refreshes a pair due for refresh into a grant without identity. From the send on, the pair given may be spent, so
    /// only the adapter's own deadlines end the request, and every outcome but FreshBooks refusing the refresh token hands
    /// a pair back: the new one, or (the refresh failed otherwise) the one given, in
    /// <see cref="FreshBooksIdentityUnavailableException.Grant"/>.
    /// </summary>
    private async Task<FreshBooksGrant> RefreshAsync(IReadOnlySet<string> scopes, ConnectionTokens tokens)
    {
        TokenResponse rotated;
        try
        {
            rotated = await _tokenClient.RefreshAsync(tokens.RefreshToken, CancellationToken.None);
        }
        catch (TokenEndpointException ex) when (ex.IsInvalidGrant)
        {
            throw new ReauthorizationRequiredException(string.Empty,
                "FreshBooks refused the refresh token (invalid_grant): it was revoked or already used. Nothing was stored; the user must connect again.", ex)
            {
                Provider = ProviderName,
                ProviderCode = ex.ProviderCode,
                ProviderMessage = ex.ProviderMessage,
                StatusCode = ex.StatusCode,
            };
        }
        catch (LedgerlineException failure) when (failure is not ReauthorizationRequiredException)
        {
            throw FreshBooksIdentityUnavailableException.RefreshFailed(FreshBooksGrant.WithoutIdentity(scopes, tokens), failure);
        }

        var grant = FreshBooksGrant.WithoutIdentity(rotated.Scopes ?? scopes, new ConnectionTokens(rotated.AccessToken, rotated.RefreshToken, rotated.ExpiresAt));
        if (rotated.UnreadableLifetime is { } unreadable)
        {
            throw FreshBooksIdentityUnavailableException.Refreshed(grant, unreadable);
        }

        return grant;
    }

    /// <summary>Reads the identity of a grant just refreshed; the new pair reaches the caller whatever the lookup does.</summary>
    private async Task<FreshBooksGrant> ReadRefreshedIdentityAsync(FreshBooksGrant refreshed)
    {
        try
        {
            return await ReadIdentityAsync(refreshed, CancellationToken.None);
        }
        catch (LedgerlineException failure)
        {
            throw FreshBooksIdentityUnavailableException.Refreshed(refreshed, failure);
        }
    }

    private async Task<FreshBooksGrant> ReadIdentityAsync(FreshBooksGrant grant, CancellationToken cancellationToken)
    {
        var identity = await _identityClient.GetMeAsync(grant.Tokens.AccessToken, cancellationToken);

        // One single-use refresh token backs one connection: the grant read again replaces the one passed in.
        if (!grant.TryUse())
        {
            throw GrantUsed(UsedGrant);
        }

        return new FreshBooksGrant(
            identity.IdentityId, identity.Email, identity.FirstName, identity.LastName, identity.Businesses, grant.Scopes, grant.Tokens);
    }

    /// <summary>The longest token <see cref="ImportTokensAsync"/> takes.</summary>
    public const int MaxTokenLength = ImportedTokens.MaxLength;

    /// <summary>
    /// Turns a token pair obtained outside this connector — by an integration being migrated to Ledgerline, or from the
    /// sandbox's <c>POST /_sandbox/tokens</c> — into a grant: reads who the tokens belong to and which businesses they can
    /// connect. Nothing is stored yet; pass the grant to <see cref="ConnectAsync"/>. The pair must not be used elsewhere
    /// afterwards: its refresh token is single-use.
    /// </summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="refreshToken">The refresh token issued with it.</param>
    /// <param name="expiresAt">
    /// When the access token expires (UTC; FreshBooks' live 12 hours). One already past is taken (the token is refreshed
    /// before its first use), back to 3,653 days (ten years) before the clock, since FreshBooks' refresh tokens never
    /// expire; one more than 366 days ahead is refused.
    /// </param>
    /// <param name="scopes">
    /// The scopes the pair was granted (FreshBooks' token answer lists them in <c>scope</c>), each its own element
    /// (duplicates are dropped), checked by the rule of <see cref="CreateAuthorizationRequest"/>.
    /// </param>
    /// <param name="cancellationToken">
    /// Cancels the identity request (the tokens stay the caller's: nothing was issued). A pair due for refresh is no longer
    /// cancelled once the refresh is sent, since that spends it: the new pair then reaches the caller.
    /// </param>
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
    /// FreshBooks refused the access token (revoked or not FreshBooks') or, for a pair due for refresh, the refresh token
    /// (<c>invalid_grant</c>): the user must connect again. Nothing was stored
    /// (<see cref="ReauthorizationRequiredException.ConnectionId"/> is empty) and the tokens are not quoted.
    /// </exception>
    /// <exception cref="FreshBooksIdentityUnavailableException">
    /// The access token was past <paramref name="expiresAt"/> or within <see cref="FreshBooksOptions.RefreshBeforeExpiry"/>
    /// of it, so the pair was refreshed first (the refresh is not cancelled once sent: the pair given is spent by it), and
    /// then the lookup failed (<see cref="FreshBooksIdentityUnavailableException.Grant"/> holds the new pair), or the refresh
    /// failed otherwise than by a refusal (it holds the pair as given): pass the Grant to <see cref="ListBusinessesAsync"/>.
    /// </exception>
    /// <exception cref="ProviderUnavailableException">FreshBooks failed or could not be reached.</exception>
    /// <exception cref="InvalidProviderResponseException">FreshBooks' answer could not be read.</exception>
    public async Task<FreshBooksGrant> ImportTokensAsync(
        string accessToken, string refreshToken, DateTimeOffset expiresAt, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        PublicInput.RequiredText(nameof(accessToken), accessToken, ProviderName);
        PublicInput.RequiredText(nameof(refreshToken), refreshToken, ProviderName);
        PublicInput.Required(nameof(scopes), scopes, ProviderName);
        ImportedTokens.RequireShape(nameof(accessToken), accessToken, ProviderName);
        ImportedTokens.RequireShape(nameof(refreshToken), refreshToken, ProviderName);
        ImportedTokens.RequireExpiry(nameof(expiresAt), expiresAt, _timeProvider.GetUtcNow(), ProviderName);
        var granted = new HashSet<string>(PublicInput.Scopes(nameof(scopes), scopes, ProviderName), StringComparer.Ordinal);
        var tokens = new ConnectionTokens(accessToken, refreshToken, expiresAt);
        if (IsDue(tokens))
        {
            // An expired access token would be refused by /users/me: refresh first, as the connection would before its first use.
            cancellationToken.ThrowIfCancellationRequested();
            return await ReadRefreshedIdentityAsync(await RefreshAsync(granted, tokens));
        }

        var identity = await _identityClient.GetMeAsync(accessToken, cancellationToken);
        return new FreshBooksGrant(
            identity.IdentityId, identity.Email, identity.FirstName, identity.LastName, identity.Businesses, granted, tokens);
    }

    /// <summary>
    /// Stores a connection pinned to <paramref name="business"/>, replacing any connection with the same id (a fresh
    /// authorization wins; a connection marked as needing reauthorization becomes active again).
    /// </summary>
    /// <param name="connectionId">The app's id for the connection, e.g. the tenant id; later passed to <c>ILedgerFactory.Open</c>.</param>
    /// <param name="grant">The grant from <see cref="ExchangeCodeAsync"/>, <see cref="ImportTokensAsync"/> or <see cref="ListBusinessesAsync"/>; usable once.</param>
    /// <param name="business">One of <see cref="FreshBooksGrant.Businesses"/>.</param>
    /// <param name="cancellationToken">
    /// Cancels the write. A save that was cancelled or failed keeps the grant for the same <paramref name="connectionId"/>:
    /// call again with the same id and grant (the tokens are not lost).
    /// </param>
    /// <returns>The stored connection.</returns>
    /// <exception cref="LedgerValidationException">
    /// Before anything is stored: <c>connectionId</c> null or blank (code <c>BlankId</c>), longer than
    /// <see cref="ConnectionIdRule.MaxLength"/> (code <c>IdTooLong</c>) or holding a control or format character, a line
    /// separator or a lone surrogate (code <c>MalformedId</c>); <c>grant</c> or <c>business</c>
    /// null (code <c>Required</c>); the business is not one of the grant's (code <c>UnknownBusiness</c> on <c>business</c>);
    /// the grant already backs a connection, was read again, or is being saved as another connection id (code
    /// <c>GrantUsed</c> on <c>grant</c>).
    /// </exception>
    public async Task<LedgerConnection> ConnectAsync(string connectionId, FreshBooksGrant grant, FreshBooksBusiness business, CancellationToken cancellationToken = default)
    {
        PublicInput.ConnectionId(nameof(connectionId), connectionId, ProviderName);
        PublicInput.Required(nameof(grant), grant, ProviderName);
        PublicInput.Required(nameof(business), business, ProviderName);
        if (!grant.Businesses.Contains(business))
        {
            throw PublicInput.Invalid(nameof(business), "The business is not one the authorizing user belongs to; pick one of grant.Businesses.", "UnknownBusiness", ProviderName);
        }

        // Two connections sharing one single-use refresh token would kill each other at the first refresh.
        if (!grant.TryReserve(connectionId))
        {
            throw GrantUsed(grant.IsSpent ? UsedGrant : GrantForAnotherConnection);
        }

        var connection = new LedgerConnection
        {
            Id = connectionId,
            Provider = FreshBooksRequest.ProviderName,
            Status = ConnectionStatus.Active,
            Tokens = grant.Tokens,
            Scopes = new HashSet<string>(grant.Scopes, StringComparer.Ordinal),
            Properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FreshBooksRequest.AccountIdProperty] = business.AccountId,
                [FreshBooksRequest.BusinessIdProperty] = business.BusinessId,
                [FreshBooksRequest.BusinessNameProperty] = business.Name,
                [FreshBooksRequest.IdentityIdProperty] = grant.IdentityId,
            },
        };
        var saved = await _store.SaveAsync(connection, cancellationToken);
        grant.Spend();
        return saved;
    }

    /// <summary>
    /// Disconnects: revokes the connection's grant at FreshBooks (best effort: a grant FreshBooks already dropped is
    /// fine) and deletes the connection from the store.
    /// </summary>
    /// <param name="connectionId">The connection to remove.</param>
    /// <param name="cancellationToken">Cancels the revocation and the delete.</param>
    /// <returns><see langword="true"/> when a stored connection was deleted.</returns>
    /// <exception cref="LedgerValidationException">
    /// <c>connectionId</c> breaks <see cref="ConnectionIdRule"/> (codes <c>BlankId</c>, <c>IdTooLong</c>, <c>MalformedId</c>), before any request.
    /// </exception>
    public async Task<bool> DisconnectAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        PublicInput.ConnectionId(nameof(connectionId), connectionId, ProviderName);
        var connection = await _store.GetAsync(connectionId, cancellationToken);
        if (connection is null)
        {
            return false;
        }

        if (connection.Tokens is { } tokens)
        {
            await _tokenClient.RevokeAsync(tokens.RefreshToken, cancellationToken);
        }

        return await _store.DeleteAsync(connectionId, cancellationToken);
    }

    private static LedgerValidationException GrantUsed(string message) => PublicInput.Invalid("grant", message, "GrantUsed", ProviderName);
}
