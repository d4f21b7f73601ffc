using Ledgerline.Connections;
using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.Tests.Auth;

/// <summary>Token refresh through Ledgerline's token manager and Xero's refresh grant, over loopback HTTP against the sandbox.</summary>
public sealed class TokenRefreshTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpiredAccessToken_IsRefreshedAndTheRotatedPairStoredBeforeUse()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var id = await fixture.ConnectAsync();
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open(id);
        var store = fixture.Services.GetRequiredService<IConnectionStore>();
        var before = (await store.GetAsync(id, Cancellation))!.Tokens!;
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));

        await ledger.Contacts.CreateAsync(new NewContact { Organization = "After expiry" }, Cancellation);
        var after = (await store.GetAsync(id, Cancellation))!.Tokens!;

        Assert.NotEqual(before.AccessToken, after.AccessToken);
        Assert.NotEqual(before.RefreshToken, after.RefreshToken);
        Assert.True(after.ExpiresAt > fixture.Sandbox.Clock.GetUtcNow());
        Assert.Single(fixture.Sandbox.Requests, r => r.Path == "/connect/token");
    }

    [Fact]
    public async Task RefreshAnswerLost_SameRefreshTokenIsSentAgainWithinXerosGrace_AndTheCallSucceeds()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var id = await fixture.ConnectAsync();
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open(id);
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));
        fixture.Sandbox.Faults.Add(FaultRule.Truncate("/connect/token", times: 1));

        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Recovered" }, Cancellation);
        var stored = (await fixture.Services.GetRequiredService<IConnectionStore>().GetAsync(id, Cancellation))!;
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));
        var again = await ledger.Contacts.GetAsync(contact.Id, Cancellation);

        // The first refresh rotated the pair at Xero but its answer was cut short; the resend of the same refresh token
        // got the successor, which was stored and is itself refreshable.
        Assert.Equal([0, 200, 200], fixture.Sandbox.Requests.Where(r => r.Path == "/connect/token").Select(r => r.StatusCode));
        Assert.Equal(ConnectionStatus.Active, stored.Status);
        Assert.Equal(contact.Id, again.Id);
    }

    [Fact]
    public async Task DeadRefreshToken_IsReauthorizationRequiredAndMarksTheConnection()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var store = fixture.Services.GetRequiredService<IConnectionStore>();
        await store.SaveAsync(new LedgerConnection
        {
            Id = "dead",
            Provider = "Xero",
            Tokens = new ConnectionTokens("expired", "not-a-refresh-token", fixture.Sandbox.Clock.GetUtcNow().AddMinutes(-1)),
            Properties = new Dictionary<string, string> { [XeroConnectionProperties.TenantId] = fixture.TenantId.ToString() },
        }, Cancellation);
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open("dead");

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => ledger.Contacts.GetAsync(Guid.NewGuid().ToString(), Cancellation));

        Assert.Equal(("dead", "invalid_grant", 400), (refused.ConnectionId, refused.ProviderCode, refused.StatusCode));
        Assert.Equal(ConnectionStatus.ReauthorizationRequired, (await store.GetAsync("dead", Cancellation))!.Status);
        Assert.Empty(fixture.AccountingRequests());
    }

    [Fact]
    public async Task RejectedAccessToken_IsRefreshedOnceAndTheRequestResent()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var tokens = fixture.Sandbox.IssueTokens();
        var store = fixture.Services.GetRequiredService<IConnectionStore>();
        await store.SaveAsync(new LedgerConnection
        {
            Id = "rejected",
            Provider = "Xero",
            Tokens = new ConnectionTokens("revoked-elsewhere", tokens.RefreshToken, tokens.ExpiresAt),
            Properties = new Dictionary<string, string> { [XeroConnectionProperties.TenantId] = fixture.TenantId.ToString() },
        }, Cancellation);
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open("rejected");

        var created = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Resent" }, Cancellation);

        Assert.Equal("Resent", created.Organization);
        Assert.Equal([401, 200], fixture.AccountingRequests().Select(r => r.StatusCode));
        Assert.Single(fixture.Sandbox.Requests, r => r.Path == "/connect/token");
    }
}
