using Ledgerline.Connections;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Ledgerline.Tests.Connections;

/// <summary>
/// The provider-neutral refresh rules, on a fake clock with the provider's refresh grant as a seam: a refresh once sent is
/// never abandoned before its deadline, callers get typed retryable errors instead of waiting on it, and a cross-process
/// lease is kept alive while the refresh runs. (Each adapter's own tests show the same over loopback HTTP.)
/// </summary>
public sealed class ConnectionTokenManagerTests
{
    private const string Id = "tenant-a";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryConnectionStore _store;
    private readonly ScriptedRefresher _refresher = new();
    private readonly ConnectionTokenManagerOptions _options = new();

    public ConnectionTokenManagerTests() => _store = new InMemoryConnectionStore(_clock);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAccessToken_RefreshSlowerThanTheCallersWait_CallerFailsRetryableAndTheLateAnswerIsSavedForTheNext()
    {
        await SeedAsync(expiresIn: TimeSpan.FromMinutes(-1));
        var manager = Manager();

        var first = manager.GetAccessTokenAsync(Id, Cancellation);
        await _refresher.WaitForCallsAsync(1);
        _clock.Advance(_options.TokenRequestTimeout + TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<ProviderUnavailableException>(() => first);
        var second = manager.GetAccessTokenAsync(Id, Cancellation);
        _refresher.Answer(Pair("access-2", "refresh-2"));

        Assert.Equal("access-2", await second);
        Assert.Equal("Test", error.Provider);
        Assert.Equal(1, _refresher.Calls);
        var stored = await _store.GetAsync(Id, Cancellation);
        Assert.Equal("refresh-2", stored!.Tokens!.RefreshToken);
        Assert.Equal(ConnectionStatus.Active, stored.Status);
    }

    [Fact]
    public async Task GetAccessToken_RefreshNeverAnswersWithinTheDeadline_AbandonedTypedAndTheStoredPairIsKept()
    {
        var seeded = await SeedAsync(expiresIn: TimeSpan.FromMinutes(-1));
        var manager = Manager();

        var first = manager.GetAccessTokenAsync(Id, Cancellation);
        await _refresher.WaitForCallsAsync(1);
        _clock.Advance(_options.RefreshDeadline + TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ProviderUnavailableException>(() => first);
        await _refresher.WaitForCancelledAsync();
        var retry = manager.GetAccessTokenAsync(Id, Cancellation);
        await _refresher.WaitForCallsAsync(2);
        _refresher.Answer(Pair("access-2", "refresh-2"));

        Assert.Equal("access-2", await retry);
        Assert.Equal(seeded.Tokens!.RefreshToken, _refresher.RefreshTokensSent[1]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetAccessToken_StoredExpiryAtTheEndsOfTime_RefreshesOrUsesTheTokenWithoutADateOverflow(bool maxValue)
    {
        // Saved straight to the store (no connector to check it): default(DateTimeOffset) or DateTimeOffset.MaxValue.
        await _store.SaveAsync(
            new LedgerConnection { Id = Id, Provider = "Test", Tokens = new ConnectionTokens("access-1", "refresh-1", maxValue ? DateTimeOffset.MaxValue : default) },
            Cancellation);
        var manager = Manager();

        var pending = manager.GetAccessTokenAsync(Id, Cancellation);
        if (!maxValue)
        {
            await _refresher.WaitForCallsAsync(1);
            _refresher.Answer(Pair("access-2", "refresh-2"));
        }

        Assert.Equal(maxValue ? "access-1" : "access-2", await pending);
        Assert.Equal(maxValue ? 0 : 1, _refresher.Calls);
    }

    [Fact]
    public async Task GetAccessToken_EarlyRefreshFailsWhileTheTokenIsStillValid_CallerKeepsTheCurrentToken()
    {
        await SeedAsync(expiresIn: TimeSpan.FromMinutes(2));
        _refresher.FailWith(new ProviderUnavailableException("token endpoint answered 503") { Provider = "Test" });

        var token = await Manager().GetAccessTokenAsync(Id, Cancellation);

        Assert.Equal("access-1", token);
        Assert.Equal(1, _refresher.Calls);
    }

    [Fact]
    public async Task GetAccessToken_EarlyRefreshRefusedWhileTheTokenIsStillValid_TheRefusalReachesTheCaller()
    {
        await SeedAsync(expiresIn: TimeSpan.FromMinutes(2));
        _refresher.FailWith(new LedgerlineException("invalid_client") { Provider = "Test", ProviderCode = "invalid_client", StatusCode = 401 });

        var error = await Assert.ThrowsAsync<LedgerlineException>(() => Manager().GetAccessTokenAsync(Id, Cancellation));

        Assert.Equal("invalid_client", error.ProviderCode);
    }

    [Fact]
    public async Task GetAccessToken_EarlyRefreshSlowWhileTheTokenIsStillValid_CallerKeepsTheCurrentTokenAndTheRefreshFinishes()
    {
        await SeedAsync(expiresIn: TimeSpan.FromMinutes(2));
        var manager = Manager();

        var call = manager.GetAccessTokenAsync(Id, Cancellation);
        await _refresher.WaitForCallsAsync(1);
        _clock.Advance(_options.TokenRequestTimeout + TimeSpan.FromSeconds(1));
        Assert.Equal("access-1", await call);
        _refresher.Answer(Pair("access-2", "refresh-2"));

        Assert.Equal("refresh-2", (await WaitForStoredAsync(c => c.Tokens!.RefreshToken == "refresh-2")).Tokens!.RefreshToken);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)] // still valid, refreshed early: the malformed answer is not hidden behind the current token
    public async Task GetAccessToken_AnswerWithAnUnreadableLifetime_SavesThePairDueThenFailsTyped_AndTheNextCallRefreshesWithIt(int expiresInMinutes)
    {
        await SeedAsync(expiresIn: TimeSpan.FromMinutes(expiresInMinutes));
        var manager = Manager();
        var unreadable = Unreadable("access-2", "refresh-2");

        var first = manager.GetAccessTokenAsync(Id, Cancellation);
        await _refresher.WaitForCallsAsync(1);
        _refresher.Answer(unreadable);
        var error = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => first);
        var kept = (await _store.GetAsync(Id, Cancellation))!;
        _refresher.AnswerAnew();
        var second = manager.GetAccessTokenAsync(Id, Cancellation);
        await _refresher.WaitForCallsAsync(2);
        _refresher.Answer(Pair("access-3", "refresh-3"));

        Assert.Equal(("refresh-2", "access-2", _clock.GetUtcNow(), ConnectionStatus.Active), (kept.Tokens!.RefreshToken, kept.Tokens.AccessToken, kept.Tokens.ExpiresAt, kept.Status));
        Assert.Equal(("Test", 200, (string?)null), (error.Provider, error.StatusCode, error.BodyExcerpt));
        Assert.Same(unreadable.UnreadableLifetime, error.InnerException);
        Assert.Contains("kept", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("access-2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-2", error.Message, StringComparison.Ordinal);
        Assert.Equal("access-3", await second);
        Assert.Equal(["refresh-1", "refresh-2"], _refresher.RefreshTokensSent);
    }

    [Fact]
    public async Task RefreshAfterRejection_AnswerWithAnUnreadableLifetime_SavesThePairThenFailsTyped()
    {
        await SeedAsync(expiresIn: TimeSpan.FromHours(1));
        _refresher.Answer(Unreadable("access-2", "refresh-2"));

        await Assert.ThrowsAsync<InvalidProviderResponseException>(() => Manager().RefreshAfterRejectionAsync(Id, "access-1", Cancellation));

        var kept = (await _store.GetAsync(Id, Cancellation))!;
        Assert.Equal(("refresh-2", _clock.GetUtcNow()), (kept.Tokens!.RefreshToken, kept.Tokens.ExpiresAt));
        Assert.Equal(1, _refresher.Calls);
    }

    [Fact]
    public async Task GetAccessToken_ProviderRefusesTheGrant_MarksTheConnectionAndKeepsTheProvidersCode()
    {
        await SeedAsync(expiresIn: TimeSpan.FromMinutes(-1));
        _refresher.FailWith(new ReauthorizationRequiredException(Id, "refused")
        {
            Provider = "Test", ProviderCode = "invalid_grant", ProviderMessage = "The refresh token is spent.", StatusCode = 400,
        });

        var error = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => Manager().GetAccessTokenAsync(Id, Cancellation));

        Assert.Equal(("Test", "invalid_grant", 400, Id), (error.Provider, error.ProviderCode, error.StatusCode, error.ConnectionId));
        Assert.Equal(ConnectionStatus.ReauthorizationRequired, (await _store.GetAsync(Id, Cancellation))!.Status);
    }

    [Fact]
    public async Task GetAccessToken_RefresherThrowsAForeignException_SurfacesAsProviderUnavailable()
    {
        await SeedAsync(expiresIn: TimeSpan.FromMinutes(-1));
        _refresher.FailWith(new InvalidOperationException("boom"));

        var error = await Assert.ThrowsAsync<ProviderUnavailableException>(() => Manager().GetAccessTokenAsync(Id, Cancellation));

        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task GetAccessToken_AnotherProcessHoldsTheLeaseUntilTheDeadline_FailsUnavailableAndSendsNothing()
    {
        await SeedAsync(expiresIn: TimeSpan.FromMinutes(-1));
        var leases = Substitute.For<IConnectionLeaseStore>();
        leases.AcquireLeaseAsync(Id, Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, call.Arg<CancellationToken>());
                return Substitute.For<IAsyncDisposable>();
            });
        var manager = Manager(leases);

        var caller = manager.GetAccessTokenAsync(Id, Cancellation);
        await WaitUntilAsync(() => leases.ReceivedCalls().Any());
        _clock.Advance(_options.TokenRequestTimeout + TimeSpan.FromSeconds(1));
        var callerError = await Assert.ThrowsAsync<ProviderUnavailableException>(() => caller);
        var joined = manager.GetAccessTokenAsync(Id, Cancellation);
        _clock.Advance(_options.RefreshDeadline);
        var flightError = await Assert.ThrowsAsync<ProviderUnavailableException>(() => joined);

        Assert.Contains("nothing was sent", flightError.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nothing was sent", callerError.Message, StringComparison.Ordinal);
        Assert.Equal(0, _refresher.Calls);
    }

    [Fact]
    public async Task GetAccessToken_RenewableLease_IsRenewedWhileTheRefreshRunsAndReleasedAfter()
    {
        _options.TokenRequestTimeout = TimeSpan.FromMinutes(2);
        await SeedAsync(expiresIn: TimeSpan.FromMinutes(-1));
        var lease = Substitute.For<IRenewableConnectionLease>();
        lease.RenewAsync(Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(true);
        var leases = Substitute.For<IConnectionLeaseStore>();
        leases.AcquireLeaseAsync(Id, _options.LeaseDuration, Arg.Any<CancellationToken>()).Returns(Task.FromResult<IAsyncDisposable>(lease));
        var manager = Manager(leases);

        var call = manager.GetAccessTokenAsync(Id, Cancellation);
        await _refresher.WaitForCallsAsync(1);
        for (var i = 1; i <= 3; i++)
        {
            _clock.Advance(_options.LeaseDuration / 3);
            await WaitUntilAsync(() => lease.ReceivedCalls().Count(c => c.GetMethodInfo().Name == nameof(IRenewableConnectionLease.RenewAsync)) >= i);
        }

        _refresher.Answer(Pair("access-2", "refresh-2"));
        await call;
        await WaitUntilAsync(() => lease.ReceivedCalls().Any(c => c.GetMethodInfo().Name == nameof(IAsyncDisposable.DisposeAsync)));

        await lease.Received(3).RenewAsync(_options.LeaseDuration, Arg.Any<CancellationToken>());
    }

    [Fact]
    public void ToString_OfARefreshAnswer_ShowsNoToken()
    {
        var text = Pair("secret-access", "secret-refresh").ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    private ConnectionTokenManager Manager(IConnectionLeaseStore? leases = null) =>
        new(_refresher, _store, () => _options, _clock, NullLogger<ConnectionTokenManager>.Instance, leases);

    private RefreshedTokens Pair(string access, string refresh) =>
        new(new ConnectionTokens(access, refresh, _clock.GetUtcNow().AddMinutes(30)), null);

    // As the adapters hand on an answer with both tokens but no lifetime: due at once (the time the request was sent).
    private RefreshedTokens Unreadable(string access, string refresh) =>
        new(new ConnectionTokens(access, refresh, _clock.GetUtcNow()), null)
        {
            UnreadableLifetime = new InvalidProviderResponseException("The token answer has no expires_in.") { Provider = "Test", StatusCode = 200 },
        };

    private Task<LedgerConnection> SeedAsync(TimeSpan expiresIn) =>
        _store.SaveAsync(
            new LedgerConnection
            {
                Id = Id,
                Provider = "Test",
                Tokens = new ConnectionTokens("access-1", "refresh-1", _clock.GetUtcNow() + expiresIn),
            },
            Cancellation);

    private async Task<LedgerConnection> WaitForStoredAsync(Func<LedgerConnection, bool> condition)
    {
        LedgerConnection? found = null;
        await WaitUntilAsync(() => (found = _store.GetAsync(Id, Cancellation).GetAwaiter().GetResult()) is { } c && condition(c));
        return found!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10, Cancellation);
        }

        Assert.True(condition(), "The condition was not met within 10 s.");
    }

    /// <summary>A refresh grant answered by the test: pending until <see cref="Answer"/>, or failing at once.</summary>
    private sealed class ScriptedRefresher : IConnectionTokenRefresher
    {
        private readonly List<string> _sent = [];
        private TaskCompletionSource<RefreshedTokens> _answer = NewAnswer();
        private Exception? _failure;
        private int _cancelled;

        public string ProviderName => "Test";

        public int Calls { get { lock (_sent) { return _sent.Count; } } }

        public IReadOnlyList<string> RefreshTokensSent { get { lock (_sent) { return [.. _sent]; } } }

        public void Answer(RefreshedTokens tokens) => _answer.TrySetResult(tokens);

        public void FailWith(Exception failure) => _failure = failure;

        /// <summary>Leaves the next refresh pending until <see cref="Answer"/> again.</summary>
        public void AnswerAnew()
        {
            lock (_sent)
            {
                _answer = NewAnswer();
            }
        }

        public Task WaitForCallsAsync(int calls) => WaitUntilAsync(() => Calls >= calls);

        public Task WaitForCancelledAsync() => WaitUntilAsync(() => Volatile.Read(ref _cancelled) > 0);

        public async Task<RefreshedTokens> RefreshAsync(LedgerConnection connection, CancellationToken cancellationToken)
        {
            TaskCompletionSource<RefreshedTokens> answer;
            lock (_sent)
            {
                _sent.Add(connection.Tokens!.RefreshToken);
                answer = _answer;
            }

            if (_failure is { } failure)
            {
                throw failure;
            }

            try
            {
                return await answer.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                lock (_sent)
                {
                    _answer = NewAnswer();
                }

                throw;
            }
        }

        private static TaskCompletionSource<RefreshedTokens> NewAnswer() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
