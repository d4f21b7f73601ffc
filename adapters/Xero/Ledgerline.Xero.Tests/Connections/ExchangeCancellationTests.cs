using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Ledgerline.Xero.Tests.Connections.XeroConnectorTests;

namespace Ledgerline.Xero.Tests.Connections;

/// <summary>
/// No token is lost when the caller cancels: once the code was sent, the exchange and <c>GET /connections</c> run to their
/// end and the tokens reach the caller; a cancellation before the code is sent leaves the code unspent. Over loopback
/// against the sandbox, whose <c>/connections</c> is made slow with a latency fault so the cancellation lands mid-listing.
/// </summary>
public sealed class ExchangeCancellationTests
{
    private static readonly Uri Callback = new("http://127.0.0.1/callback");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExchangeCodeAsync_CancelledWhileTheOrganisationsAreListed_ReturnsTheGrantWhichConnects()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        fixture.Sandbox.Faults.AddLatency(TimeSpan.FromSeconds(2), "/connections");
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var exchange = connector.ExchangeCodeAsync(request, code, state, caller.Token);
        var stillRunning = await CancelOnceExchangedAsync(fixture, exchange, caller);
        var grant = await exchange;
        await connector.ConnectAsync("tenant-1", grant, grant.Organisations[0], Cancellation);
        var contact = await fixture.Services.GetRequiredService<ILedgerFactory>().Open("tenant-1")
            .Contacts.CreateAsync(new NewContact { Organization = "Connected despite the cancellation" }, Cancellation);

        Assert.True(stillRunning, "The cancellation should land while /connections is being read.");
        Assert.Equal(fixture.Sandbox.PrimaryTenant.TenantId, Assert.Single(grant.Organisations).TenantId);
        Assert.False(string.IsNullOrEmpty(contact.Id));
        Assert.Single(fixture.Sandbox.Requests, r => r.Path == "/connect/token");
    }

    [Fact]
    public async Task ExchangeCodeAsync_CancelledWhileTheListingFails_ThrowsTheTypedExceptionWithAUsableGrant()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => { o.RedirectUri = Callback; o.MaxRetries = 0; });
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        fixture.Sandbox.Faults.AddLatency(TimeSpan.FromSeconds(2), "/connections");
        fixture.Sandbox.Faults.AddServerError(500, "/connections");
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var exchange = connector.ExchangeCodeAsync(request, code, state, caller.Token);
        var stillRunning = await CancelOnceExchangedAsync(fixture, exchange, caller);
        var failed = await Assert.ThrowsAsync<XeroOrganisationsUnavailableException>(() => exchange);
        fixture.Sandbox.Faults.Clear();
        var grant = await connector.ListOrganisationsAsync(failed.Grant, Cancellation);

        Assert.True(stillRunning, "The cancellation should land while /connections is being read.");
        Assert.IsType<ProviderUnavailableException>(failed.InnerException);
        Assert.Equal(fixture.Sandbox.PrimaryTenant.TenantId, Assert.Single(grant.Organisations).TenantId);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CancelledBeforeTheExchange_ThrowsOperationCanceledAndTheCodeStillExchanges()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connector.ExchangeCodeAsync(request, code, state, caller.Token));
        var sentBefore = fixture.Sandbox.Requests.Count(r => r.Path == "/connect/token");
        var grant = await connector.ExchangeCodeAsync(request, code, state, Cancellation);

        Assert.Equal(0, sentBefore);
        Assert.Single(grant.Organisations);
    }

    [Fact]
    public async Task ExchangeCodeAsync_TokenEndpointSilentPastTokenRequestTimeout_ProviderUnavailableNotAHang()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => { o.RedirectUri = Callback; o.TokenRequestTimeout = TimeSpan.FromMilliseconds(300); });
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        fixture.Sandbox.Faults.AddLatency(TimeSpan.FromMinutes(2), "/connect/token");

        // The caller's token never fires here: only the exchange's own deadline can end the call.
        var unavailable = await Assert.ThrowsAsync<ProviderUnavailableException>(() => connector.ExchangeCodeAsync(request, code, state, Cancellation));

        Assert.IsType<TimeoutException>(unavailable.InnerException);
        Assert.DoesNotContain(code, unavailable.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Waits until the sandbox has answered the token request, then cancels; whether the call was still running.</summary>
    private static async Task<bool> CancelOnceExchangedAsync(XeroLedgerFixture fixture, Task exchange, CancellationTokenSource caller)
    {
        for (var polls = 0; !fixture.Sandbox.Requests.Any(r => r.Path == "/connect/token") && !exchange.IsCompleted && polls < 2000; polls++)
        {
            await Task.Delay(5, Cancellation);
        }

        var running = !exchange.IsCompleted;
        await caller.CancelAsync();
        return running;
    }
}
