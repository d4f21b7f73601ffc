using System.Net;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Auth;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Tests.Connections;
using Ledgerline.FreshBooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Auth;

/// <summary>
/// FreshBooks refresh tokens are single-use: a refresh that FreshBooks answered must be saved even when every caller has
/// stopped waiting, and a call that never got to send anything must say so (not "outcome unknown").
/// </summary>
public sealed class RefreshNeverAbandonedTests : IAsyncLifetime
{
    private const string TokenPath = "/auth/oauth/token";
    private FreshBooksSandbox _sandbox = null!;
    private readonly string _directory = Directory.CreateTempSubdirectory("ledgerline-fb-refresh-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: Cancellation);

    public async ValueTask DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS.
        }
    }

    [Fact]
    public async Task Send_FreshBooksRotatesButAnswersAfterTheCallerGaveUp_TheNewPairIsSavedAndTheGrantSurvives()
    {
        // The token endpoint rotates the pair at once but its answer takes 1.5 s to arrive, past the caller's 200 ms wait.
        await using var stack = new ConnectionsStack(
            _sandbox,
            configure: o => o.TokenRequestTimeout = TimeSpan.FromMilliseconds(200),
            services: s => s.AddHttpClient(FreshBooksTokenClient.HttpClientName).AddHttpMessageHandler(() => new LateAnswerHandler(TimeSpan.FromMilliseconds(1500))));
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", DateTimeOffset.UtcNow.AddMinutes(-1));

        await Assert.ThrowsAsync<ProviderUnavailableException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation));
        var saved = await WaitForAsync(async () =>
            await stack.Store.GetAsync("tenant-a", Cancellation) is { } c && c.Tokens!.RefreshToken != seeded.Tokens!.RefreshToken ? c : null);
        using var next = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(ConnectionStatus.Active, saved.Status);
        Assert.Equal(1, _sandbox.Requests.Count(r => r.Path == TokenPath));
        Assert.DoesNotContain(_sandbox.Requests, r => r.Path == TokenPath && r.StatusCode != 200);
    }

    [Fact]
    public async Task Create_AnotherProcessCrashedHoldingTheRefreshLease_ProviderUnavailableAndNothingIsSent()
    {
        var path = Path.Combine(_directory, "leased.db");
        await using var fixture = await SandboxLedgerFixture.StartAsync(
            configure: o =>
            {
                o.TokenRequestTimeout = TimeSpan.FromMilliseconds(300);
                o.TokenRefreshDeadline = TimeSpan.FromMilliseconds(600);
            },
            services: s => s.AddLedgerlineSqliteConnections(path));
        var id = await fixture.ConnectAsync();
        var store = fixture.Services.GetRequiredService<IConnectionStore>();
        var connection = (await store.GetAsync(id, Cancellation))!;
        await store.TryUpdateAsync(
            connection with { Tokens = connection.Tokens! with { ExpiresAt = fixture.Sandbox.Clock.GetUtcNow().AddMinutes(-1) } },
            connection.Version,
            Cancellation);

        // The other process took the lease and died: nobody releases it for ten minutes.
        _ = await fixture.Services.GetRequiredService<IConnectionLeaseStore>().AcquireLeaseAsync(id, TimeSpan.FromMinutes(10), Cancellation);
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open(id);

        var write = await Assert.ThrowsAsync<ProviderUnavailableException>(() =>
            ledger.Contacts.CreateAsync(new NewContact { Organization = "Never sent Ltd" }, Cancellation));
        await Task.Delay(400, Cancellation);
        var read = await Assert.ThrowsAsync<ProviderUnavailableException>(() => ledger.Contacts.GetAsync("1", Cancellation));

        Assert.Equal("FreshBooks", write.Provider);
        Assert.Contains("nothing was sent", write.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nothing was sent", read.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(fixture.RequestsTo("/accounting"));
        Assert.Empty(fixture.RequestsTo(TokenPath));
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(25, Cancellation);
        }

        throw new TimeoutException("The condition was not met within 10 s.");
    }

    /// <summary>Lets the request reach the server at once, then holds its answer back: a slow network on the way back.</summary>
    private sealed class LateAnswerHandler(TimeSpan delay) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, CancellationToken.None);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            await Task.Delay(delay, cancellationToken);
            return response;
        }
    }
}
