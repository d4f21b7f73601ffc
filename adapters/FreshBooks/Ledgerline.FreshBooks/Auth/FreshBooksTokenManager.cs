using System.Collections.Concurrent;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Auth;

/// <summary>
/// Hands out access tokens per connection and renews them. A singleton: its single-flight table is what makes
/// "one refresh per connection however many callers" true inside a process; <see cref="IConnectionLeaseStore"/> (when
/// registered) extends it across processes, and the store's compare-and-swap write is the final fence.
/// </summary>
/// <remarks>
/// A refresh runs detached from every caller: it has its own timeout and ignores callers' cancellation, so a caller that
/// gives up can never leave the provider holding a rotated pair we did not save. Its result is persisted before any
/// caller sees it.
/// </remarks>
internal sealed partial class FreshBooksTokenManager(
    IConnectionStore store,
    FreshBooksTokenClient tokenClient,
    IOptionsMonitor<FreshBooksOptions> options,
    TimeProvider timeProvider,
    ILogger<FreshBooksTokenManager> logger,
    IConnectionLeaseStore? leaseStore = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ConnectionTokens>>> _flights = new(StringComparer.Ordinal);

    /// <summary>Returns a usable access token for the connection, refreshing it first when it is (nearly) expired.</summary>
    public async Task<string> GetAccessTokenAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        var connection = await store.GetAsync(connectionId, cancellationToken);
        var tokens = UsableTokens(connectionId, connection);
        return IsDue(tokens)
            ? (await JoinRefreshAsync(connectionId, tokens.AccessToken, cancellationToken)).AccessToken
            : tokens.AccessToken;
    }

    /// <summary>
    /// Called when FreshBooks rejected <paramref name="rejectedAccessToken"/> with 401: returns a newer token, refreshing
    /// unless someone already did.
    /// </summary>
    public async Task<string> RefreshAfterRejectionAsync(string connectionId, string rejectedAccessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(rejectedAccessToken);
        return (await JoinRefreshAsync(connectionId, rejectedAccessToken, cancellationToken)).AccessToken;
    }

    private Task<ConnectionTokens> JoinRefreshAsync(string connectionId, string staleAccessToken, CancellationToken cancellationToken)
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

        // Waiters give up on their own token; the flight itself runs to completion and persists what it got.
        return flight.Value.WaitAsync(cancellationToken);
    }

    private async Task<ConnectionTokens> RefreshOnceAsync(string connectionId, string staleAccessToken)
    {
        var settings = options.CurrentValue;
        IAsyncDisposable? lease = null;
        try
        {
            if (leaseStore is not null)
            {
                using var waitLimit = new CancellationTokenSource(settings.TokenRequestTimeout, timeProvider);

                // The lease outlives the token request (which has its own timeout), so it cannot lapse mid-refresh.
                lease = await leaseStore.AcquireLeaseAsync(connectionId, LeaseDuration(settings), waitLimit.Token);
            }

            // Re-read after acquiring the right to refresh: the refresh token read before waiting may be spent already.
            var current = await store.GetAsync(connectionId, CancellationToken.None);
            var tokens = UsableTokens(connectionId, current);
            if (!string.Equals(tokens.AccessToken, staleAccessToken, StringComparison.Ordinal) && !IsDue(tokens))
            {
                LogAlreadyRotated(logger, connectionId);
                return tokens;
            }

            return await RotateAsync(current!, tokens, rereadOnInvalidGrant: true, settings);
        }
        finally
        {
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }
        }
    }

    private async Task<ConnectionTokens> RotateAsync(LedgerConnection current, ConnectionTokens tokens, bool rereadOnInvalidGrant, FreshBooksOptions settings)
    {
        LogRefreshing(logger, current.Id, current.Version);
        TokenResponse rotated;
        using (var timeout = new CancellationTokenSource(settings.TokenRequestTimeout, timeProvider))
        {
            try
            {
                rotated = await tokenClient.RefreshAsync(tokens.RefreshToken, timeout.Token);
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
            {
                LogRefreshFailed(logger, current.Id, "timeout");
                throw new ProviderUnavailableException(
                    $"FreshBooks' token endpoint did not answer within {settings.TokenRequestTimeout.TotalSeconds:0.###} s.", ex)
                {
                    Provider = FreshBooksRequest.ProviderName,
                };
            }
            catch (TokenEndpointException ex) when (ex.IsInvalidGrant)
            {
                return await HandleInvalidGrantAsync(current, tokens, rereadOnInvalidGrant, settings, ex);
            }
            catch (LedgerlineException ex)
            {
                LogRefreshFailed(logger, current.Id, ex.ProviderCode ?? ex.GetType().Name);
                throw;
            }
        }

        var renewed = new ConnectionTokens(rotated.AccessToken, rotated.RefreshToken, rotated.ExpiresAt);
        var next = current with
        {
            Status = ConnectionStatus.Active,
            Tokens = renewed,
            Scopes = rotated.Scopes ?? current.Scopes,
        };

        LedgerConnection? stored;
        try
        {
            // No cancellation: the provider has already spent the old refresh token, so this write must be attempted.
            stored = await store.TryUpdateAsync(next, current.Version, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogPersistFailed(logger, ex, current.Id);
            throw new ReauthorizationRequiredException(
                current.Id,
                $"FreshBooks renewed the tokens of connection '{current.Id}' but they could not be saved; the grant is lost and the user must connect again.",
                ex)
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }

        if (stored is not null)
        {
            LogRefreshed(logger, current.Id, stored.Version);
            return stored.Tokens!;
        }

        // Another writer moved the version (a new authorization, or a peer that rotated despite the lease). The stored
        // record wins: ours is discarded rather than overwrite a newer grant.
        var winner = await store.GetAsync(current.Id, CancellationToken.None);
        LogLostRace(logger, current.Id);
        return UsableTokens(current.Id, winner);
    }

    private async Task<ConnectionTokens> HandleInvalidGrantAsync(
        LedgerConnection current, ConnectionTokens tokens, bool rereadOnInvalidGrant, FreshBooksOptions settings, TokenEndpointException refusal)
    {
        // Another process may have rotated between our read and our request; look once before giving up.
        var reread = await store.GetAsync(current.Id, CancellationToken.None);
        if (rereadOnInvalidGrant && reread is { Status: ConnectionStatus.Active, Tokens: { } newer }
            && !string.Equals(newer.RefreshToken, tokens.RefreshToken, StringComparison.Ordinal))
        {
            LogAlreadyRotated(logger, current.Id);
            return IsDue(newer) ? await RotateAsync(reread, newer, rereadOnInvalidGrant: false, settings) : newer;
        }

        LogGrantDead(logger, current.Id);
        await MarkReauthorizationRequiredAsync(reread ?? current);
        throw new ReauthorizationRequiredException(
            current.Id,
            $"FreshBooks refused the stored grant of connection '{current.Id}' (invalid_grant); the user must connect again.",
            refusal)
        {
            Provider = FreshBooksRequest.ProviderName,
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
            await store.TryUpdateAsync(connection with { Status = ConnectionStatus.ReauthorizationRequired }, connection.Version, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogPersistFailed(logger, ex, connection.Id);
        }
    }

    private bool IsDue(ConnectionTokens tokens) =>
        timeProvider.GetUtcNow() >= tokens.ExpiresAt - options.CurrentValue.RefreshBeforeExpiry;

    private static TimeSpan LeaseDuration(FreshBooksOptions settings) => (settings.TokenRequestTimeout * 2) + TimeSpan.FromSeconds(10);

    private static ConnectionTokens UsableTokens(string connectionId, LedgerConnection? connection)
    {
        if (connection is null)
        {
            throw new ReauthorizationRequiredException(connectionId, $"No connection '{connectionId}' is stored; connect the FreshBooks account first.")
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }

        if (connection.Status == ConnectionStatus.ReauthorizationRequired || connection.Tokens is null)
        {
            throw new ReauthorizationRequiredException(connectionId, $"Connection '{connectionId}' needs the user to connect FreshBooks again.")
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }

        return connection.Tokens;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Refreshing FreshBooks tokens for connection {ConnectionId} (version {Version}).")]
    private static partial void LogRefreshing(ILogger logger, string connectionId, long version);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Refreshed FreshBooks tokens for connection {ConnectionId}; stored as version {Version}.")]
    private static partial void LogRefreshed(ILogger logger, string connectionId, long version);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "FreshBooks tokens for connection {ConnectionId} were already renewed by another caller; using the stored pair.")]
    private static partial void LogAlreadyRotated(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Another writer updated connection {ConnectionId} during the refresh; the stored pair wins.")]
    private static partial void LogLostRace(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "FreshBooks refused the grant of connection {ConnectionId}; it is marked as needing reauthorization.")]
    private static partial void LogGrantDead(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Critical, Message = "Renewed FreshBooks tokens for connection {ConnectionId} could not be saved.")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Refreshing FreshBooks tokens for connection {ConnectionId} failed ({Reason}).")]
    private static partial void LogRefreshFailed(ILogger logger, string connectionId, string reason);
}
