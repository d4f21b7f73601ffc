using System.Net;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Connections;
using Ledgerline.FreshBooks.Sandbox;
using static Ledgerline.FreshBooks.Tests.Connections.FreshBooksConnectorTests;

namespace Ledgerline.FreshBooks.Tests.Connections;

/// <summary>
/// No token is lost when the caller cancels: once the code was sent, the exchange and the identity lookup run to their
/// end and the tokens reach the caller; a cancellation before the code is sent leaves the code unspent. Over loopback
/// against the sandbox, whose <c>/users/me</c> is made slow with a latency fault so the cancellation lands mid-lookup.
/// </summary>
public sealed class ExchangeCancellationTests : IAsyncLifetime
{
    private const string MePath = "/auth/api/v1/users/me";

    private FreshBooksSandbox _sandbox = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: Cancellation);

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task ExchangeCodeAsync_CancelledWhileTheIdentityIsRead_ReturnsTheGrantWhichConnects()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var code = await CodeAsync(stack);
        _sandbox.Faults.AddLatency(TimeSpan.FromSeconds(2), MePath);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var exchange = stack.Connector.ExchangeCodeAsync(code, caller.Token);
        var stillRunning = await CancelOnceExchangedAsync(exchange, caller);
        var grant = await exchange;
        await stack.Connector.ConnectAsync("tenant-1", grant, grant.Businesses[0], Cancellation);
        using var me = await stack.GetMeAsync("tenant-1", cancellationToken: Cancellation);

        Assert.True(stillRunning, "The cancellation should land while /users/me is being read.");
        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(1, _sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CancelledWhileTheIdentityFails_ThrowsTheTypedExceptionWithAUsableGrant()
    {
        await using var stack = new ConnectionsStack(_sandbox, configure: o => o.MaxRetries = 0);
        var code = await CodeAsync(stack);
        _sandbox.Faults.AddLatency(TimeSpan.FromSeconds(2), MePath);
        _sandbox.Faults.AddServerError(503, MePath);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var exchange = stack.Connector.ExchangeCodeAsync(code, caller.Token);
        var stillRunning = await CancelOnceExchangedAsync(exchange, caller);
        var failed = await Assert.ThrowsAsync<FreshBooksIdentityUnavailableException>(() => exchange);
        _sandbox.Faults.Clear();
        var grant = await stack.Connector.ListBusinessesAsync(failed.Grant, Cancellation);

        Assert.True(stillRunning, "The cancellation should land while /users/me is being read.");
        Assert.IsType<ProviderUnavailableException>(failed.InnerException);
        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CancelledBeforeTheExchange_ThrowsOperationCanceledAndTheCodeStillExchanges()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var code = await CodeAsync(stack);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stack.Connector.ExchangeCodeAsync(code, caller.Token));
        var sentBefore = _sandbox.TokenRequestCount;
        var grant = await stack.Connector.ExchangeCodeAsync(code, Cancellation);

        Assert.Equal(0, sentBefore);
        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
    }

    [Fact]
    public async Task ConnectAsync_SaveCancelled_TheSameGrantConnectsTheSameIdButNoOther()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var grant = await GrantAsync(stack);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stack.Connector.ConnectAsync("tenant-2", grant, grant.Businesses[0], caller.Token));
        var other = await Assert.ThrowsAsync<LedgerValidationException>(() => stack.Connector.ConnectAsync("tenant-3", grant, grant.Businesses[0], Cancellation));
        await stack.Connector.ConnectAsync("tenant-2", grant, grant.Businesses[0], Cancellation);
        var again = await Assert.ThrowsAsync<LedgerValidationException>(() => stack.Connector.ConnectAsync("tenant-2", grant, grant.Businesses[0], Cancellation));
        using var me = await stack.GetMeAsync("tenant-2", cancellationToken: Cancellation);

        Assert.Equal(("grant", "GrantUsed"), (Assert.Single(other.Errors).Field, other.Errors[0].Code));
        Assert.Contains("another connection", other.Message, StringComparison.Ordinal);
        Assert.Equal("GrantUsed", Assert.Single(again.Errors).Code);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Null(await stack.Store.GetAsync("tenant-3", Cancellation));
    }

    private static async Task<string> CodeAsync(ConnectionsStack stack)
    {
        var request = stack.Connector.CreateAuthorizationRequest();
        return ParseQuery(await ConsentAsync(request.AuthorizationUrl))["code"];
    }

    /// <summary>Waits until the sandbox has answered the token request, then cancels; whether the call was still running.</summary>
    private async Task<bool> CancelOnceExchangedAsync(Task exchange, CancellationTokenSource caller)
    {
        for (var polls = 0; _sandbox.TokenRequestCount == 0 && !exchange.IsCompleted && polls < 2000; polls++)
        {
            await Task.Delay(5, Cancellation);
        }

        var running = !exchange.IsCompleted;
        await caller.CancelAsync();
        return running;
    }
}
