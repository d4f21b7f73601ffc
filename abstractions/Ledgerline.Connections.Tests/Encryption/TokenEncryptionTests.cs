using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ledgerline.Connections.Tests.Encryption;

/// <summary>
/// Tokens at rest, for every durable store: sealed with Data Protection when configured, readable across a key roll,
/// refused typed (and kept) when read with another key ring, and a warning when a store runs unencrypted outside
/// Development. Derived once per store.
/// </summary>
public abstract class TokenEncryptionTests : IAsyncDisposable
{
    private const string AccessToken = "access-7f3c9b1e5d2a4c6e8f0a1b2c3d4e5f60";
    private const string RefreshToken = "refresh-0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";

    private readonly string _directory = Directory.CreateTempSubdirectory("ledgerline-keys-").FullName;
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>The cancellation token of the running test.</summary>
    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Registers the store under test; every call in one test must reach the same data.</summary>
    protected abstract void AddStore(IServiceCollection services);

    /// <summary>Every stored row of the connections table, each as one piece of text (all columns).</summary>
    protected abstract Task<IReadOnlyList<string>> ReadRawRowsAsync();

    [Fact]
    public async Task SaveAsync_Encrypted_RawTableHoldsNeitherToken()
    {
        var store = Store(KeyRing("ring-a"));

        await store.SaveAsync(Sample("c1"), Cancellation);
        var rows = await ReadRawRowsAsync();

        var row = Assert.Single(rows);
        Assert.Contains("c1", row, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, row, StringComparison.Ordinal);
        Assert.DoesNotContain(RefreshToken, row, StringComparison.Ordinal);
        Assert.DoesNotContain(RefreshToken[8..24], row, StringComparison.Ordinal);
        Assert.Contains("ll-dp1:", row, StringComparison.Ordinal);
        Assert.Equal(RefreshToken, (await store.GetAsync("c1", Cancellation))!.Tokens!.RefreshToken);
    }

    [Fact]
    public async Task TryUpdateAsync_Encrypted_RotatedTokensAreSealedToo()
    {
        var store = Store(KeyRing("ring-a"));
        var saved = await store.SaveAsync(Sample("c1"), Cancellation);

        await store.TryUpdateAsync(saved with { Tokens = new ConnectionTokens("access-rotated-123456", "refresh-rotated-654321", DateTimeOffset.UnixEpoch) }, saved.Version, Cancellation);
        var row = Assert.Single(await ReadRawRowsAsync());

        Assert.DoesNotContain("rotated", row, StringComparison.Ordinal);
        Assert.Equal("refresh-rotated-654321", (await store.GetAsync("c1", Cancellation))!.Tokens!.RefreshToken);
    }

    [Fact]
    public async Task GetAsync_AfterAKeyRoll_ReadsRowsSealedWithTheOldKeyAndTheNewOne()
    {
        var keys = Path.Combine(_directory, "ring-a");
        var before = Provider(KeyRing(keys));
        await before.GetRequiredService<IConnectionStore>().SaveAsync(Sample("old"), Cancellation);
        var rolled = before.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        var after = Provider(KeyRing(keys)).GetRequiredService<IConnectionStore>();
        await after.SaveAsync(Sample("new"), Cancellation);

        Assert.Equal(RefreshToken, (await after.GetAsync("old", Cancellation))!.Tokens!.RefreshToken);
        Assert.Equal(RefreshToken, (await after.GetAsync("new", Cancellation))!.Tokens!.RefreshToken);
        var sealedWith = (await ReadRawRowsAsync()).Select(KeyIdOf).Distinct().ToArray();
        Assert.Equal(2, sealedWith.Length);
        Assert.Contains(rolled.KeyId, sealedWith);
    }

    [Fact]
    public async Task GetAsync_RowSealedByAnotherKeyRing_ThrowsSecretsUnreadableAndKeepsTheRow()
    {
        var owner = Store(KeyRing("ring-a"));
        await owner.SaveAsync(Sample("c1"), Cancellation);

        var stranger = Store(KeyRing("ring-b"));
        var refused = await Assert.ThrowsAsync<ConnectionStoreException>(() => stranger.GetAsync("c1", Cancellation));

        Assert.Equal(ConnectionStoreFailure.SecretsUnreadable, refused.Failure);
        Assert.Contains("key ring", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RefreshToken, (await owner.GetAsync("c1", Cancellation))!.Tokens!.RefreshToken);
    }

    [Fact]
    public async Task GetAsync_SealedRowReadWithoutEncryptionConfigured_ThrowsSecretsUnreadable()
    {
        await Store(KeyRing("ring-a")).SaveAsync(Sample("c1"), Cancellation);

        var refused = await Assert.ThrowsAsync<ConnectionStoreException>(() => Store(_ => { }).GetAsync("c1", Cancellation));

        Assert.Equal(ConnectionStoreFailure.SecretsUnreadable, refused.Failure);
        Assert.Contains("ProtectConnectionTokens", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SealedValueCopiedOntoAnotherConnection_DoesNotOpen()
    {
        var store = Store(KeyRing("ring-a"));
        await store.SaveAsync(Sample("victim"), Cancellation);
        var protector = Provider(KeyRing(Path.Combine(_directory, "ring-a"))).GetRequiredService<ConnectionTokenProtector>();
        var sealedForVictim = protector.Protect("victim", RefreshToken);

        var moved = Assert.Throws<ConnectionStoreException>(() => protector.Unprotect("attacker", sealedForVictim));

        Assert.Equal(ConnectionStoreFailure.SecretsUnreadable, moved.Failure);
    }

    [Fact]
    public async Task GetAsync_RowsWrittenBeforeEncryptionWasTurnedOn_StayReadableAndAreSealedOnTheNextWrite()
    {
        await Store(_ => { }).SaveAsync(Sample("c1"), Cancellation);
        var store = Store(KeyRing("ring-a"));

        var read = await store.GetAsync("c1", Cancellation);
        await store.TryUpdateAsync(read!, read!.Version, Cancellation);

        Assert.Equal(RefreshToken, read.Tokens!.RefreshToken);
        Assert.DoesNotContain(RefreshToken, Assert.Single(await ReadRawRowsAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("Staging", false, true)]
    [InlineData("Development", false, false)]
    [InlineData("Production", true, false)]
    public void Resolve_Environment_WarnsOnlyWhenUnencryptedOutsideDevelopment(string environment, bool encrypted, bool warns)
    {
        var provider = Provider(services =>
        {
            services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
            services.AddFakeLogging();
            if (encrypted)
            {
                KeyRing("ring-a")(services);
            }
        });

        _ = provider.GetRequiredService<IConnectionStore>();
        var warnings = provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Level == LogLevel.Warning && r.Message.Contains("UNENCRYPTED", StringComparison.Ordinal));

        Assert.Equal(warns, warnings.Any());
    }

    [Fact]
    public void ProtectConnectionTokens_WithoutDataProtection_FailsWithWhatToDo()
    {
        var provider = Provider(services => services.AddLedgerlineConnectionTokenProtection());

        var refused = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IConnectionStore>());

        Assert.Contains("AddDataProtection", refused.Message, StringComparison.Ordinal);
    }

    private static Guid KeyIdOf(string row)
    {
        var start = row.IndexOf("ll-dp1:", StringComparison.Ordinal) + "ll-dp1:".Length;
        var end = start;
        while (end < row.Length && (char.IsAsciiLetterOrDigit(row[end]) || row[end] is '+' or '/' or '='))
        {
            end++;
        }

        // A Data Protection payload starts with a 4-byte magic header, then the id of the key that sealed it.
        return new Guid(Convert.FromBase64String(row[start..end]).AsSpan(4, 16));
    }

    private Action<IServiceCollection> KeyRing(string name) => services =>
    {
        services.AddDataProtection()
            .SetApplicationName("ledgerline-tests")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.IsPathRooted(name) ? name : Path.Combine(_directory, name)));
        services.AddLedgerlineConnectionTokenProtection();
    };

    private IConnectionStore Store(Action<IServiceCollection> configure) => Provider(configure).GetRequiredService<IConnectionStore>();

    private ServiceProvider Provider(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(Environments.Development));
        configure(services);
        AddStore(services);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    private static LedgerConnection Sample(string id) => new()
    {
        Id = id,
        Provider = "FreshBooks",
        Tokens = new ConnectionTokens(AccessToken, RefreshToken, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    };

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
