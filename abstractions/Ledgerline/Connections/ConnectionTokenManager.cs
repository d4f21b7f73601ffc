using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Connections;

/// <summary>
/// Hands out access tokens per connection and renews them through a provider's <see cref="IConnectionTokenRefresher"/>:
/// one refresh per connection however many callers (a single-flight table in the process, <see cref="IConnectionLeaseStore"/>
/// across processes, the store's compare-and-swap write as the final fence), and the new pair persisted before any caller
/// sees it. One instance per provider, shared by every connection of it (a singleton).
/// </summary>
/// <remarks>
/// <para>
/// A refresh runs detached from every caller. Once its request is sent it is never abandoned before
/// <see cref="ConnectionTokenManagerOptions.RefreshDeadline"/>: a slow token endpoint's answer is still persisted after
/// every caller has given up, because a single-use refresh token spent without saving its successor loses the grant.
/// Callers wait at most <see cref="ConnectionTokenManagerOptions.TokenRequestTimeout"/>, then get a retryable
/// <see cref="ProviderUnavailableException"/> (or keep using an access token that has not expired yet); later callers join
/// the refresh still running rather than start another.
/// </para>
/// <para>
/// What no library can prevent: a process killed after the provider rotated the pair but before the store write. A
/// provider with single-use refresh tokens then refuses the stored one (<c>invalid_grant</c>), the connection is marked
/// <see cref="ConnectionStatus.ReauthorizationRequired"/> and the event is logged (event id 5, Warning); a provider that
/// accepts the previous refresh token for a while (Xero: 30 minutes) recovers on the next refresh. A pair that cannot be
/// written (the store is down) is logged as Critical (event id 6). Alert on both.
/// </para>
/// <para>
/// A refresh answer that holds both tokens but no readable lifetime (<see cref="RefreshedTokens.UnreadableLifetime"/>) is
/// saved all the same, due at once (its expiry is the time the request was sent), and the call then fails with
/// <see cref="InvalidProviderResponseException"/> (logged as event id 13, Warning): the provider has already rotated the
/// pair, so dropping it would lose the grant. The next use refreshes again, so a provider that keeps answering so costs
/// one refresh per use and never loops.
/// </para>
/// </remarks>
public sealed partial class ConnectionTokenManager
{
    private readonly IConnectionTokenRefresher _refresher;
    private readonly IConnectionStore _store;
    private readonly Func<ConnectionTokenManagerOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IConnectionLeaseStore? _leaseStore;
    private readonly ConcurrentDictionary<string, Lazy<Task<ConnectionTokens>>> _flights = new(StringComparer.Ordinal);

    /// <summary>Creates the manager for one provider.</summary>
    /// <param name="refresher">The provider's refresh-token grant.</param>
    /// <param name="store">Where connections live.</param>
    /// <param name="options">Read at each refresh, so reloaded options apply.</param>
    /// <param name="timeProvider">The clock for expiry and every timeout.</param>
    /// <param name="logger">Logs refreshes by connection id; never a token.</param>
    /// <param name="leaseStore">The store's cross-process lease, when it has one.</param>
    public ConnectionTokenManager(
        IConnectionTokenRefresher refresher,
        IConnectionStore store,
        Func<ConnectionTokenManagerOptions> options,
        TimeProvider timeProvider,
        ILogger<ConnectionTokenManager> logger,
        IConnectionLeaseStore? leaseStore = null)
    {
        ArgumentNullException.ThrowIfNull(refresher);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _refresher = refresher;
        _store = store;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _leaseStore = leaseStore;
    }

    private string Provider => _refresher.ProviderName;

    /// <summary>Returns a usable access token for the connection, refreshing it first when it is (nearly) expired.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Stops this caller waiting; never the refresh itself.</param>
    /// <exception cref="ReauthorizationRequiredException">No such connection, or its grant is dead.</exception>
    /// <exception cref="ProviderUnavailableException">The refresh did not finish in time (it goes on), or failed.</exception>
    /// <exception cref="InvalidProviderResponseException">
    /// The provider renewed the pair without a readable lifetime: the new pair was saved and is refreshed at its next use.
    /// </exception>
    /// <exception cref="LedgerlineException">The provider's token endpoint refused the refresh otherwise.</exception>
    public async Task<string> GetAccessTokenAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        var connection = await _store.GetAsync(connectionId, cancellationToken);
        var tokens = UsableTokens(connectionId, connection);
        if (!IsDue(tokens))
        {
            return tokens.AccessToken;
        }

        // Refreshing early: until it expires, the current token is still good enough if the refresh is slow or fails.
        return (await JoinRefreshAsync(connectionId, tokens.AccessToken, fallback: tokens, cancellationToken)).AccessToken;
    }

    /// <summary>
    /// Called when the provider rejected <paramref name="rejectedAccessToken"/> (HTTP 401): returns a newer token,
    /// refreshing unless someone already did.
    /// </summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="rejectedAccessToken">The token the provider refused.</param>
    /// <param name="cancellationToken">Stops this caller waiting; never the refresh itself.</param>
    /// <exception cref="ReauthorizationRequiredException">No such connection, or its grant is dead.</exception>
    /// <exception cref="ProviderUnavailableException">The refresh did not finish in time (it goes on), or failed.</exception>
    /// <exception cref="InvalidProviderResponseException">
    /// The provider renewed the pair without a readable lifetime: the new pair was saved and is refreshed at its next use.
    /// </exception>
    public async Task<string> RefreshAfterRejectionAsync(string connectionId, string rejectedAccessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(rejectedAccessToken);
        return (await JoinRefreshAsync(connectionId, rejectedAccessToken, fallback: null, cancellationToken)).AccessToken;
    }

    private async Task<ConnectionTokens> JoinRefreshAsync(
        string connectionId, string staleAccessToken, ConnectionTokens? fallback, CancellationToken cancellationToken)
    {
        var mine = new Lazy<Task<ConnectionTokens>>(
            () => Task.Run(() => RefreshOnceAsync(connectionId, staleAccessToken)),
            LazyThreadSafetyMode.ExecutionAndPublication);
        var flight = _flights.GetOrAdd(connectionId, mine);
        if (ReferenceEquals(flight, mine))
        {
            _ = mine.Value.ContinueWith(
                _ => _flights.TryRemove(new KeyValuePair<string, Lazy<Task<ConnectionTokens>>>(connectionId, mine)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        var wait = _options().TokenRequestTimeout;
        try
        {
            // Waiters give up on their own token or after the wait; the flight itself runs on and persists what it gets.
            return await flight.Value.WaitAsync(wait, _timeProvider, cancellationToken);
        }
        catch (TimeoutException ex) when (!flight.Value.IsCompleted)
        {
            if (StillValid(fallback))
            {
                LogUsingCurrentToken(_logger, Provider, connectionId, "the refresh is still running");
                return fallback!;
            }

            LogCallerGaveUp(_logger, Provider, connectionId, wait.TotalSeconds);
            throw new ProviderUnavailableException(
                $"The {Provider} token refresh of connection '{connectionId}' has not finished within {wait.TotalSeconds:0.###} s. " +
                "Nothing was sent with this call; the refresh goes on and its result is saved when it arrives, so retry shortly.",
                ex)
            {
                Provider = Provider,
            };
        }
        catch (LedgerlineException ex) when (ex is ProviderUnavailableException or RateLimitedException && StillValid(fallback))
        {
            LogUsingCurrentToken(_logger, Provider, connectionId, ex.GetType().Name);
            return fallback!;
        }
    }

    private async Task<ConnectionTokens> RefreshOnceAsync(string connectionId, string staleAccessToken)
    {
        var settings = _options();
        using var deadline = new CancellationTokenSource(settings.RefreshDeadline, _timeProvider);
        IAsyncDisposable? lease = null;
        try
        {
            if (_leaseStore is not null)
            {
                lease = await AcquireLeaseAsync(_leaseStore, connectionId, settings, deadline);
            }

            // Re-read after acquiring the right to refresh: the refresh token read before waiting may be spent already.
            var current = await _store.GetAsync(connectionId, CancellationToken.None);
            var tokens = UsableTokens(connectionId, current);
            if (!string.Equals(tokens.AccessToken, staleAccessToken, StringComparison.Ordinal) && !IsDue(tokens))
            {
                LogAlreadyRotated(_logger, Provider, connectionId);
                return tokens;
            }

            await using var renewal = lease is IRenewableConnectionLease renewable
                ? new LeaseRenewal(this, renewable, connectionId, settings.LeaseDuration)
                : null;
            return await RotateAsync(current!, tokens, rereadOnInvalidGrant: true, deadline.Token);
        }
        finally
        {
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }
        }
    }

    private async Task<IAsyncDisposable> AcquireLeaseAsync(
        IConnectionLeaseStore leaseStore, string connectionId, ConnectionTokenManagerOptions settings, CancellationTokenSource deadline)
    {
        try
        {
            return await leaseStore.AcquireLeaseAsync(connectionId, settings.LeaseDuration, deadline.Token);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            // Nothing was sent: another process held the lease all along (a slow refresh, or a crash that has not lapsed).
            LogLeaseWaitTimedOut(_logger, Provider, connectionId, settings.RefreshDeadline.TotalSeconds);
            throw new ProviderUnavailableException(
                $"Another process has been refreshing the {Provider} tokens of connection '{connectionId}' for over " +
                $"{settings.RefreshDeadline.TotalSeconds:0.###} s; nothing was sent. Retry later.",
                ex)
            {
                Provider = Provider,
            };
        }
    }

    private async Task<ConnectionTokens> RotateAsync(LedgerConnection current, ConnectionTokens tokens, bool rereadOnInvalidGrant, CancellationToken deadline)
    {
        LogRefreshing(_logger, Provider, current.Id, current.Version);
        RefreshedTokens rotated;
        try
        {
            rotated = await _refresher.RefreshAsync(current, deadline);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            // The request may have reached the provider and rotated the pair; its answer never came. The stored pair is
            // left as it is: the next refresh tries it, and the provider says whether it is still good.
            LogRefreshAbandoned(_logger, Provider, current.Id, _options().RefreshDeadline.TotalSeconds);
            throw new ProviderUnavailableException(
                $"{Provider}'s token endpoint did not answer the refresh of connection '{current.Id}' in time; the next call tries again.", ex)
            {
                Provider = Provider,
            };
        }
        catch (ReauthorizationRequiredException ex)
        {
            return await HandleInvalidGrantAsync(current, tokens, rereadOnInvalidGrant, ex, deadline);
        }
        catch (LedgerlineException ex)
        {
            LogRefreshFailed(_logger, Provider, current.Id, ex.ProviderCode ?? ex.GetType().Name);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(_logger, Provider, current.Id, ex.GetType().Name);
            throw new ProviderUnavailableException(
                $"The {Provider} token refresh of connection '{current.Id}' failed ({ex.GetType().Name}).", ex)
            {
                Provider = Provider,
            };
        }

        var next = current with
        {
            Status = ConnectionStatus.Active,
            Tokens = rotated.Tokens,
            Scopes = rotated.Scopes ?? current.Scopes,
        };

        LedgerConnection? stored;
        try
        {
            // No cancellation: the provider has already spent the old refresh token, so this write must be attempted.
            stored = await _store.TryUpdateAsync(next, current.Version, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogPersistFailed(_logger, ex, Provider, current.Id);
            throw new ReauthorizationRequiredException(
                current.Id,
                $"{Provider} renewed the tokens of connection '{current.Id}' but they could not be saved; the grant may be lost and the user may have to connect again.",
                ex)
            {
                Provider = Provider,
            };
        }

        if (stored is not null)
        {
            LogRefreshed(_logger, Provider, current.Id, stored.Version);
            return rotated.UnreadableLifetime is { } unreadable ? throw KeptWithoutLifetime(current.Id, unreadable) : stored.Tokens!;
        }

        // Another writer moved the version (a new authorization, or a peer that rotated despite the lease). The stored
        // record wins: ours is discarded rather than overwrite a newer grant (and with it an unreadable lifetime, if it had
        // one: the call goes on with the stored pair).
        var winner = await _store.GetAsync(current.Id, CancellationToken.None);
        LogLostRace(_logger, Provider, current.Id);
        return UsableTokens(current.Id, winner);
    }

    // The pair is saved (due at once, so the next use refreshes again: one refresh per use while the provider keeps
    // answering so, never a loop), and only then does this call fail: the provider's data was malformed, and a made-up
    // lifetime would be a placeholder.
    private InvalidProviderResponseException KeptWithoutLifetime(string connectionId, InvalidProviderResponseException unreadable)
    {
        LogLifetimeUnreadable(_logger, Provider, connectionId);
        return new InvalidProviderResponseException(
            $"{Provider} renewed the tokens of connection '{connectionId}' without a lifetime that can be read (expires_in). " +
            "The new tokens were kept and will be refreshed at their next use; retry the call.",
            bodyExcerpt: null,
            unreadable)
        {
            Provider = Provider,
            StatusCode = unreadable.StatusCode,
            ProviderCode = unreadable.ProviderCode,
            ProviderMessage = unreadable.ProviderMessage,
        };
    }

    private async Task<ConnectionTokens> HandleInvalidGrantAsync(
        LedgerConnection current, ConnectionTokens tokens, bool rereadOnInvalidGrant, ReauthorizationRequiredException refusal, CancellationToken deadline)
    {
        // Another process may have rotated between our read and our request; look once before giving up.
        var reread = await _store.GetAsync(current.Id, CancellationToken.None);
        if (rereadOnInvalidGrant && reread is { Status: ConnectionStatus.Active, Tokens: { } newer }
            && !string.Equals(newer.RefreshToken, tokens.RefreshToken, StringComparison.Ordinal))
        {
            LogAlreadyRotated(_logger, Provider, current.Id);
            return IsDue(newer) ? await RotateAsync(reread, newer, rereadOnInvalidGrant: false, deadline) : newer;
        }

        LogGrantDead(_logger, Provider, current.Id);
        await MarkReauthorizationRequiredAsync(reread ?? current);
        throw new ReauthorizationRequiredException(
            current.Id,
            $"{Provider} refused the stored grant of connection '{current.Id}'" +
            (refusal.ProviderCode is null ? string.Empty : $" ({refusal.ProviderCode})") + "; the user must connect again.",
            refusal)
        {
            Provider = Provider,
            ProviderCode = refusal.ProviderCode,
            ProviderMessage = refusal.ProviderMessage,
            StatusCode = refusal.StatusCode,
        };
    }

    private async Task MarkReauthorizationRequiredAsync(LedgerConnection connection)
    {
        try
        {
            // If the CAS loses, someone wrote a newer record (perhaps a fresh authorization): leave it alone.
            await _store.TryUpdateAsync(connection with { Status = ConnectionStatus.ReauthorizationRequired }, connection.Version, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogPersistFailed(_logger, ex, Provider, connection.Id);
        }
    }

    // Written as a difference of two times, which always fits a TimeSpan: ExpiresAt - RefreshBeforeExpiry overflows for an
    // expiry near DateTimeOffset.MinValue (a connection saved straight to the store with a default expiry).
    private bool IsDue(ConnectionTokens tokens) => tokens.ExpiresAt - _timeProvider.GetUtcNow() <= _options().RefreshBeforeExpiry;

    private bool StillValid(ConnectionTokens? tokens) => tokens is not null && _timeProvider.GetUtcNow() < tokens.ExpiresAt;

    private ConnectionTokens UsableTokens(string connectionId, LedgerConnection? connection)
    {
        if (connection is null)
        {
            throw new ReauthorizationRequiredException(connectionId,
                $"No connection '{connectionId}' is stored. The id is the one passed to ILedgerFactory.Open, or, for the injected " +
                $"ILedger and stores, LedgerlineOptions.DefaultConnectionId (\"default\" unless set with AddLedgerline(o => …)). " +
                $"Connect the {Provider} account under that id first.")
            {
                Provider = Provider,
            };
        }

        if (connection.Status == ConnectionStatus.ReauthorizationRequired || connection.Tokens is null)
        {
            throw new ReauthorizationRequiredException(connectionId, $"Connection '{connectionId}' needs the user to connect {Provider} again.")
            {
                Provider = Provider,
            };
        }

        return connection.Tokens;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Refreshing {Provider} tokens for connection {ConnectionId} (version {Version}).")]
    private static partial void LogRefreshing(ILogger logger, string provider, string connectionId, long version);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Refreshed {Provider} tokens for connection {ConnectionId}; stored as version {Version}.")]
    private static partial void LogRefreshed(ILogger logger, string provider, string connectionId, long version);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Provider} tokens for connection {ConnectionId} were already renewed by another caller; using the stored pair.")]
    private static partial void LogAlreadyRotated(ILogger logger, string provider, string connectionId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Another writer updated {Provider} connection {ConnectionId} during the refresh; the stored pair wins.")]
    private static partial void LogLostRace(ILogger logger, string provider, string connectionId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Provider} refused the grant of connection {ConnectionId}; it is marked as needing reauthorization.")]
    private static partial void LogGrantDead(ILogger logger, string provider, string connectionId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Critical, Message = "Renewed {Provider} tokens for connection {ConnectionId} could not be saved.")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception, string provider, string connectionId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Refreshing {Provider} tokens for connection {ConnectionId} failed ({Reason}).")]
    private static partial void LogRefreshFailed(ILogger logger, string provider, string connectionId, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "{Provider} did not answer the token refresh of connection {ConnectionId} within {DeadlineSeconds} s; it was abandoned, and the refresh token it sent may have been spent.")]
    private static partial void LogRefreshAbandoned(ILogger logger, string provider, string connectionId, double deadlineSeconds);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Waited {DeadlineSeconds} s for another process's refresh lease on {Provider} connection {ConnectionId}; nothing was sent.")]
    private static partial void LogLeaseWaitTimedOut(ILogger logger, string provider, string connectionId, double deadlineSeconds);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "A caller stopped waiting after {WaitSeconds} s for the {Provider} token refresh of connection {ConnectionId}; the refresh goes on.")]
    private static partial void LogCallerGaveUp(ILogger logger, string provider, string connectionId, double waitSeconds);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Using the current {Provider} access token of connection {ConnectionId} until it expires ({Reason}).")]
    private static partial void LogUsingCurrentToken(ILogger logger, string provider, string connectionId, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "The refresh lease of {Provider} connection {ConnectionId} could not be renewed ({Reason}); the compare-and-swap write still guards the result.")]
    private static partial void LogLeaseNotRenewed(ILogger logger, string provider, string connectionId, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "{Provider} renewed the tokens of connection {ConnectionId} without a readable lifetime (expires_in); they were saved as due for refresh and the call fails.")]
    private static partial void LogLifetimeUnreadable(ILogger logger, string provider, string connectionId);

    /// <summary>Keeps a renewable lease alive while a refresh runs: renews it every third of its length until disposed.</summary>
    private sealed class LeaseRenewal : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public LeaseRenewal(ConnectionTokenManager owner, IRenewableConnectionLease lease, string connectionId, TimeSpan duration) =>
            _loop = RenewAsync(owner, lease, connectionId, duration, _stop.Token);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }

        private static async Task RenewAsync(
            ConnectionTokenManager owner, IRenewableConnectionLease lease, string connectionId, TimeSpan duration, CancellationToken stop)
        {
            var every = duration / 3;
            try
            {
                while (true)
                {
                    await Task.Delay(every, owner._timeProvider, stop);
                    if (!await lease.RenewAsync(duration, stop))
                    {
                        LogLeaseNotRenewed(owner._logger, owner.Provider, connectionId, "it had lapsed");
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The refresh is over.
            }
            catch (Exception ex)
            {
                LogLeaseNotRenewed(owner._logger, owner.Provider, connectionId, ex.GetType().Name);
            }
        }
    }
}
