using Ledgerline.Connections;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.Tests.Connections;

/// <summary>
/// One Xero grant backs one Ledgerline connection, whatever organisation it pins: Xero rotates the refresh token at each
/// refresh, so two connections sharing a grant would lose one to reauthorization. Over loopback against the sandbox's
/// consent page, token endpoint and connections.
/// </summary>
public sealed class GrantReuseTests
{
    private static readonly Uri Callback = new("http://127.0.0.1/callback");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConnectAsync_OneGrantForASecondConnectionId_RefusedAsGrantUsedWhateverTheOrganisation(bool sameOrganisation)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var grant = await ConsentedGrantAsync(fixture, connector);
        var primary = grant.Organisations.Single(o => o.TenantId == fixture.Sandbox.PrimaryTenant.TenantId);
        var secondary = grant.Organisations.Single(o => o.TenantId == fixture.Sandbox.SecondaryTenant.TenantId);
        await connector.ConnectAsync("first", grant, primary, Cancellation);
        var requests = fixture.Sandbox.Requests.Count;

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(
            () => connector.ConnectAsync("second", grant, sameOrganisation ? primary : secondary, Cancellation));

        Assert.Equal(("grant", "GrantUsed", "Xero"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code, refused.Provider));
        Assert.Contains("authorize again", refused.Message, StringComparison.Ordinal);
        Assert.Null(await fixture.Services.GetRequiredService<IConnectionStore>().GetAsync("second", Cancellation));
        Assert.Equal(requests, fixture.Sandbox.Requests.Count);
    }

    [Fact]
    public async Task ConnectAsync_GrantReadAgain_SharesTheOneConnection_AndAConnectedGrantIsNotListedAgain()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var grant = await ConsentedGrantAsync(fixture, connector);
        var again = await connector.ListOrganisationsAsync(grant, Cancellation);
        await connector.ConnectAsync("first", grant, grant.Organisations[0], Cancellation);
        var listings = fixture.Sandbox.Requests.Count(r => r.Path == "/connections");

        var viaCopy = await Assert.ThrowsAsync<LedgerValidationException>(() => connector.ConnectAsync("second", again, again.Organisations[1], Cancellation));
        var listed = await Assert.ThrowsAsync<LedgerValidationException>(() => connector.ListOrganisationsAsync(grant, Cancellation));

        Assert.Equal(("grant", "GrantUsed"), (Assert.Single(viaCopy.Errors).Field, viaCopy.Errors[0].Code));
        Assert.Equal(("grant", "GrantUsed"), (Assert.Single(listed.Errors).Field, listed.Errors[0].Code));
        Assert.Equal(listings, fixture.Sandbox.Requests.Count(r => r.Path == "/connections"));
    }

    [Fact]
    public async Task ConnectAsync_SaveCancelled_SameIdRetrySucceedsWithTheSameTokens_AnotherIdRefused()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var grant = await ConsentedGrantAsync(fixture, connector);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connector.ConnectAsync("first", grant, grant.Organisations[0], cancelled.Token));
        var other = await Assert.ThrowsAsync<LedgerValidationException>(() => connector.ConnectAsync("second", grant, grant.Organisations[1], Cancellation));
        var saved = await connector.ConnectAsync("first", grant, grant.Organisations[0], Cancellation);
        var contact = await fixture.Services.GetRequiredService<ILedgerFactory>().Open("first").Contacts.CreateAsync(new NewContact { Organization = "Kept" }, Cancellation);

        Assert.Equal(("grant", "GrantUsed"), (Assert.Single(other.Errors).Field, other.Errors[0].Code));
        Assert.Contains("same connection id", other.Message, StringComparison.Ordinal);
        Assert.Equal("first", saved.Id);
        Assert.Equal("Kept", contact.Organization);
    }

    [Fact]
    public async Task ConnectAsync_TwoOrganisationsEachFromItsOwnAuthorization_BothKeepWorkingAcrossRefreshes()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var first = await ConsentedGrantAsync(fixture, connector);
        await connector.ConnectAsync("primary", first, first.Organisations.Single(o => o.TenantId == fixture.Sandbox.PrimaryTenant.TenantId), Cancellation);
        var second = await ConsentedGrantAsync(fixture, connector);
        await connector.ConnectAsync("secondary", second, second.Organisations.Single(o => o.TenantId == fixture.Sandbox.SecondaryTenant.TenantId), Cancellation);
        var factory = fixture.Services.GetRequiredService<ILedgerFactory>();

        // Past the access tokens' 30 minutes and Xero's 30-minute reuse window, twice: each connection rotates its own pair.
        for (var round = 0; round < 2; round++)
        {
            fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(61));
            await factory.Open("primary").Company.GetAsync(Cancellation);
            await factory.Open("secondary").Company.GetAsync(Cancellation);
        }

        // Two code exchanges, then two refreshes per connection, none refused.
        Assert.Equal([200, 200, 200, 200, 200, 200], fixture.Sandbox.Requests.Where(r => r.Path == "/connect/token").Select(r => r.StatusCode));
        Assert.Equal(
            [fixture.Sandbox.PrimaryTenant.TenantId.ToString(), fixture.Sandbox.SecondaryTenant.TenantId.ToString()],
            fixture.AccountingRequests().TakeLast(2).Select(r => r.TenantId));
    }

    private static async Task<XeroGrant> ConsentedGrantAsync(XeroLedgerFixture fixture, XeroConnector connector)
    {
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await XeroConnectorTests.ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId, fixture.Sandbox.SecondaryTenant.TenantId);
        var grant = await connector.ExchangeCodeAsync(request, code, state, Cancellation);
        Assert.Equal(2, grant.Organisations.Count);
        return grant;
    }
}
