using Ledgerline.Connections;
using Xunit;

namespace Ledgerline.ConformanceTests.Connections;

/// <summary>
/// The contract of <see cref="IConnectionStore"/>: derive this class, return a fresh empty store from
/// <see cref="CreateStoreAsync"/>, and the tests prove the store honours compare-and-swap writes, replacement on save,
/// exact round-trips of tokens and settings, and deletion. Token rotation is only safe on a store that passes them all.
/// </summary>
/// <example>
/// <code>
/// public sealed class MyStoreContractTests : ConnectionStoreContractTests
/// {
///     protected override ValueTask&lt;IConnectionStore&gt; CreateStoreAsync() => ValueTask.FromResult&lt;IConnectionStore&gt;(new MyStore());
/// }
/// </code>
/// </example>
public abstract class ConnectionStoreContractTests
{
    /// <summary>How many writers race in the concurrency tests.</summary>
    protected virtual int ConcurrentWriters => 16;

    /// <summary>Creates an empty store. Called once per test; a store holding earlier data makes tests fail.</summary>
    protected abstract ValueTask<IConnectionStore> CreateStoreAsync();

    /// <summary>The cancellation token of the running test.</summary>
    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public virtual async Task GetAsync_MissingId_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync("missing", Cancellation));
    }

    [Fact]
    public virtual async Task SaveAsync_NewConnection_ReturnsItWithAVersionAndGetReadsTheSame()
    {
        var store = await CreateStoreAsync();
        var connection = Sample("c1");

        var saved = await store.SaveAsync(connection, Cancellation);
        var read = await store.GetAsync("c1", Cancellation);

        Assert.NotNull(read);
        AssertSameContent(connection, saved);
        AssertSameContent(connection, read);
        Assert.Equal(saved.Version, read.Version);
        Assert.Equal(TimeSpan.Zero, read.UpdatedAt.Offset);
    }

    [Fact]
    public virtual async Task SaveAsync_ExistingConnection_ReplacesItWhateverTheVersionAndMovesTheVersion()
    {
        var store = await CreateStoreAsync();
        var first = await store.SaveAsync(Sample("c1"), Cancellation);
        var replacement = Sample("c1", accessToken: "access-2", refreshToken: "refresh-2") with { Version = 0 };

        var second = await store.SaveAsync(replacement, Cancellation);
        var read = await store.GetAsync("c1", Cancellation);

        Assert.NotEqual(first.Version, second.Version);
        Assert.NotNull(read);
        Assert.Equal(second.Version, read.Version);
        Assert.Equal("refresh-2", read.Tokens!.RefreshToken);
    }

    [Fact]
    public virtual async Task SaveAsync_ConnectionMarkedForReauthorization_ComesBackActive()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SaveAsync(Sample("c1"), Cancellation);
        await store.TryUpdateAsync(saved with { Status = ConnectionStatus.ReauthorizationRequired }, saved.Version, Cancellation);

        await store.SaveAsync(Sample("c1", refreshToken: "fresh"), Cancellation);
        var read = await store.GetAsync("c1", Cancellation);

        Assert.Equal(ConnectionStatus.Active, read!.Status);
        Assert.Equal("fresh", read.Tokens!.RefreshToken);
    }

    [Fact]
    public virtual async Task TryUpdateAsync_CurrentVersion_AppliesAndMovesTheVersion()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SaveAsync(Sample("c1"), Cancellation);
        var changed = saved with { Tokens = Tokens("access-2", "refresh-2") };

        var updated = await store.TryUpdateAsync(changed, saved.Version, Cancellation);
        var read = await store.GetAsync("c1", Cancellation);

        Assert.NotNull(updated);
        Assert.NotEqual(saved.Version, updated.Version);
        Assert.Equal(updated.Version, read!.Version);
        Assert.Equal(changed.Tokens, read.Tokens);
    }

    [Fact]
    public virtual async Task TryUpdateAsync_StaleVersion_ReturnsNullAndKeepsTheStoredRecord()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SaveAsync(Sample("c1"), Cancellation);
        var winner = await store.TryUpdateAsync(saved with { Tokens = Tokens("access-2", "refresh-2") }, saved.Version, Cancellation);

        var loser = await store.TryUpdateAsync(saved with { Tokens = Tokens("access-3", "refresh-3") }, saved.Version, Cancellation);
        var read = await store.GetAsync("c1", Cancellation);

        Assert.NotNull(winner);
        Assert.Null(loser);
        Assert.Equal("refresh-2", read!.Tokens!.RefreshToken);
        Assert.Equal(winner.Version, read.Version);
    }

    [Fact]
    public virtual async Task TryUpdateAsync_MissingId_ReturnsNullAndCreatesNothing()
    {
        var store = await CreateStoreAsync();

        var result = await store.TryUpdateAsync(Sample("ghost"), 0, Cancellation);

        Assert.Null(result);
        Assert.Null(await store.GetAsync("ghost", Cancellation));
    }

    [Fact]
    public virtual async Task TryUpdateAsync_ConcurrentWritersOnOneVersion_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SaveAsync(Sample("c1"), Cancellation);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, ConcurrentWriters).Select(i => Task.Run(
            async () =>
            {
                await start.Task.WaitAsync(Cancellation);
                return await store.TryUpdateAsync(saved with { Tokens = Tokens($"access-{i}", $"refresh-{i}") }, saved.Version, Cancellation);
            },
            Cancellation)).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r is not null).ToArray();
        var winner = Assert.Single(winners);
        var read = await store.GetAsync("c1", Cancellation);
        Assert.Equal(winner!.Version, read!.Version);
        Assert.Equal(winner.Tokens, read.Tokens);
    }

    [Fact]
    public virtual async Task TryUpdateAsync_ConcurrentRounds_OneWinnerPerVersionAndNoLostWrite()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Sample("c1") with { Properties = new Dictionary<string, string> { ["count"] = "0" } }, Cancellation);
        var rounds = 20;
        var wins = new int[ConcurrentWriters];

        // Every writer loops read-increment-CAS until it has won `rounds` times: a store that lets two writers win on
        // one version loses an increment, and the final count shows it.
        var writers = Enumerable.Range(0, ConcurrentWriters).Select(w => Task.Run(
            async () =>
            {
                while (wins[w] < rounds)
                {
                    var current = (await store.GetAsync("c1", Cancellation))!;
                    var count = int.Parse(current.Properties["count"], System.Globalization.CultureInfo.InvariantCulture);
                    var next = current with
                    {
                        Properties = new Dictionary<string, string> { ["count"] = (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    };
                    if (await store.TryUpdateAsync(next, current.Version, Cancellation) is not null)
                    {
                        wins[w]++;
                    }
                }
            },
            Cancellation)).ToArray();
        await Task.WhenAll(writers);

        var final = await store.GetAsync("c1", Cancellation);
        Assert.Equal((ConcurrentWriters * rounds).ToString(System.Globalization.CultureInfo.InvariantCulture), final!.Properties["count"]);
    }

    [Fact]
    public virtual async Task SaveAsync_TokensAndSettings_RoundTripExactly()
    {
        var store = await CreateStoreAsync();
        var expiresAt = new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero).AddTicks(1234567);
        var connection = new LedgerConnection
        {
            Id = "tenant/α-1",
            Provider = "FreshBooks",
            Tokens = new ConnectionTokens(
                "eyJhbGciOi.JIUzI1NiIs+/=_-" + new string('a', 2000), "rt-ü-é-\u2603-" + Guid.NewGuid(), expiresAt),
            Scopes = new HashSet<string> { "user:profile:read", "user:invoices:write", "user:clients:read" },
            Properties = new Dictionary<string, string>
            {
                ["freshbooks.account_id"] = "ABC123",
                ["freshbooks.business_id"] = "439000",
                ["freshbooks.business_name"] = "Müller & Söhne, \"Ltd\"",
                ["empty"] = string.Empty,
            },
        };

        await store.SaveAsync(connection, Cancellation);
        var read = await store.GetAsync(connection.Id, Cancellation);

        AssertSameContent(connection, read!);
        Assert.Equal(expiresAt.UtcTicks, read!.Tokens!.ExpiresAt.UtcTicks);
    }

    [Fact]
    public virtual async Task SaveAsync_NoTokensAndNoScopes_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var connection = new LedgerConnection { Id = "c1", Provider = "InMemory" };

        await store.SaveAsync(connection, Cancellation);
        var read = await store.GetAsync("c1", Cancellation);

        Assert.NotNull(read);
        Assert.Null(read.Tokens);
        Assert.Empty(read.Scopes);
        Assert.Empty(read.Properties);
    }

    [Fact]
    public virtual async Task TryUpdateAsync_Status_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SaveAsync(Sample("c1"), Cancellation);

        await store.TryUpdateAsync(saved with { Status = ConnectionStatus.ReauthorizationRequired }, saved.Version, Cancellation);
        var read = await store.GetAsync("c1", Cancellation);

        Assert.Equal(ConnectionStatus.ReauthorizationRequired, read!.Status);
    }

    [Fact]
    public virtual async Task SaveAsync_CallerChangesItsCollectionsAfterwards_StoredCopyUnchanged()
    {
        var store = await CreateStoreAsync();
        var scopes = new HashSet<string> { "user:profile:read" };
        var properties = new Dictionary<string, string> { ["k"] = "v" };

        await store.SaveAsync(Sample("c1") with { Scopes = scopes, Properties = properties }, Cancellation);
        scopes.Add("user:invoices:write");
        properties["k"] = "changed";
        var read = await store.GetAsync("c1", Cancellation);

        Assert.Equal(["user:profile:read"], read!.Scopes);
        Assert.Equal("v", read.Properties["k"]);
    }

    [Fact]
    public virtual async Task SaveAsync_SeveralConnections_KeepsThemApart()
    {
        var store = await CreateStoreAsync();

        await store.SaveAsync(Sample("a", refreshToken: "refresh-a"), Cancellation);
        await store.SaveAsync(Sample("b", refreshToken: "refresh-b"), Cancellation);

        Assert.Equal("refresh-a", (await store.GetAsync("a", Cancellation))!.Tokens!.RefreshToken);
        Assert.Equal("refresh-b", (await store.GetAsync("b", Cancellation))!.Tokens!.RefreshToken);
    }

    [Fact]
    public virtual async Task DeleteAsync_ExistingConnection_RemovesItAndReturnsTrue()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Sample("c1"), Cancellation);

        var deleted = await store.DeleteAsync("c1", Cancellation);

        Assert.True(deleted);
        Assert.Null(await store.GetAsync("c1", Cancellation));
        Assert.False(await store.DeleteAsync("c1", Cancellation));
    }

    [Fact]
    public virtual async Task DeleteAsync_MissingId_ReturnsFalse()
    {
        var store = await CreateStoreAsync();

        Assert.False(await store.DeleteAsync("missing", Cancellation));
    }

    [Fact]
    public virtual async Task TryUpdateAsync_AfterDeleteWithTheOldVersion_ReturnsNullAndCreatesNothing()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SaveAsync(Sample("c1"), Cancellation);
        await store.DeleteAsync("c1", Cancellation);

        var result = await store.TryUpdateAsync(saved, saved.Version, Cancellation);

        Assert.Null(result);
        Assert.Null(await store.GetAsync("c1", Cancellation));
    }

    [Fact]
    public virtual async Task SaveAsync_AfterDelete_NeverReusesAVersionAStaleWriterHolds()
    {
        var store = await CreateStoreAsync();
        var before = await store.SaveAsync(Sample("c1"), Cancellation);
        await store.DeleteAsync("c1", Cancellation);

        var again = await store.SaveAsync(Sample("c1", refreshToken: "refresh-new"), Cancellation);
        var stale = await store.TryUpdateAsync(before with { Tokens = Tokens("x", "stale") }, before.Version, Cancellation);

        Assert.Null(stale);
        Assert.Equal("refresh-new", (await store.GetAsync("c1", Cancellation))!.Tokens!.RefreshToken);
        Assert.NotEqual(before.Version, again.Version);
    }

    /// <summary>A connection with tokens, scopes and FreshBooks-like settings.</summary>
    protected static LedgerConnection Sample(string id, string accessToken = "access-1", string refreshToken = "refresh-1") => new()
    {
        Id = id,
        Provider = "FreshBooks",
        Tokens = Tokens(accessToken, refreshToken),
        Scopes = new HashSet<string>(StringComparer.Ordinal) { "user:profile:read", "user:invoices:read" },
        Properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["freshbooks.account_id"] = "ABC123" },
    };

    /// <summary>A token pair expiring at a fixed instant.</summary>
    protected static ConnectionTokens Tokens(string accessToken, string refreshToken) =>
        new(accessToken, refreshToken, new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Asserts everything but the store-assigned version and timestamp is equal.</summary>
    protected static void AssertSameContent(LedgerConnection expected, LedgerConnection actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Provider, actual.Provider);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Tokens?.AccessToken, actual.Tokens?.AccessToken);
        Assert.Equal(expected.Tokens?.RefreshToken, actual.Tokens?.RefreshToken);
        Assert.Equal(expected.Tokens?.ExpiresAt, actual.Tokens?.ExpiresAt);
        Assert.True(expected.Scopes.SetEquals(actual.Scopes), "The scopes differ.");
        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
