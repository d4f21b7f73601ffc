using Ledgerline.Connections;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Tests.Connections;
using Ledgerline.Xero.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.Tests.Auth;

/// <summary>
/// A token answer that holds both tokens but an <c>expires_in</c> that cannot be taken (the sandbox's
/// <see cref="FaultKind.TokenLifetime"/> fault) never loses the tokens: a refreshed pair is saved as due for refresh before
/// the call fails typed, and the tokens of a code exchange travel in the typed error. Over loopback HTTP.
/// </summary>
public sealed class UnreadableTokenLifetimeTests
{
    private const string TokenPath = "/connect/token";
    private static readonly Uri Callback = new("http://127.0.0.1/callback");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>What the answer's <c>expires_in</c> is; <c>none</c> leaves it out (as the sandbox's <c>expires-in:none</c> does).</summary>
    public static TheoryData<string> UnreadableLifetimes => new()
    {
        "none",
        "1800 seconds",             // not a number
        "0",
        "-1800",
        "31622401",                 // 366 days and one second
    };

    [Theory]
    [MemberData(nameof(UnreadableLifetimes))]
    public async Task RefreshAnswerWithoutReadableLifetime_SavesTheNewPairThenFailsTyped_AndTheNextCallRefreshesWithIt(string expiresIn)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var id = await fixture.ConnectAsync();
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open(id);
        var store = fixture.Services.GetRequiredService<IConnectionStore>();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Before" }, Cancellation);
        var seeded = (await store.GetAsync(id, Cancellation))!.Tokens!;
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));
        fixture.Sandbox.Faults.Add(FaultRule.Parse($"expires-in:{expiresIn}@{TokenPath}#1"));
        var before = fixture.Sandbox.Clock.GetUtcNow();
        fixture.Sandbox.ClearRequests();

        var error = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Contacts.GetAsync(contact.Id, Cancellation));
        var after = fixture.Sandbox.Clock.GetUtcNow();
        var kept = (await store.GetAsync(id, Cancellation))!;
        var accountingAfterFirst = fixture.AccountingRequests().Count;

        // Past Xero's 30-minute reuse grace of the spent refresh token: only the kept one can still be refreshed.
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));
        var again = await ledger.Contacts.GetAsync(contact.Id, Cancellation);
        var renewed = (await store.GetAsync(id, Cancellation))!;

        Assert.Equal(("Xero", 200), (error.Provider, error.StatusCode));
        Assert.Null(error.BodyExcerpt);
        Assert.IsType<InvalidProviderResponseException>(error.InnerException);
        Assert.Contains("expires_in", error.Message, StringComparison.Ordinal);
        Assert.Contains("kept", error.Message, StringComparison.Ordinal);
        Assert.Contains("refreshed at their next use", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(kept.Tokens!.AccessToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(kept.Tokens.RefreshToken, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, accountingAfterFirst);

        Assert.Equal(ConnectionStatus.Active, kept.Status);
        Assert.NotEqual(seeded.RefreshToken, kept.Tokens.RefreshToken);
        Assert.InRange(kept.Tokens.ExpiresAt, before, after);

        Assert.Equal(contact.Id, again.Id);
        Assert.Equal([200, 200], fixture.Sandbox.Requests.Where(r => r.Path == TokenPath).Select(r => r.StatusCode));
        Assert.NotEqual(kept.Tokens.RefreshToken, renewed.Tokens!.RefreshToken);
        Assert.True(renewed.Tokens.ExpiresAt > fixture.Sandbox.Clock.GetUtcNow());
    }

    [Fact]
    public async Task EveryRefreshAnswerUnreadable_OneRefreshPerCallNeverALoop_EachWithTheLatestRefreshToken()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open(await fixture.ConnectAsync());
        fixture.Sandbox.Faults.Add(FaultRule.BadTokenLifetime(null, TokenPath));

        for (var i = 0; i < 3; i++)
        {
            // Each time past the reuse grace of the refresh token spent before: only the one saved last is still good.
            fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));
            await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Contacts.GetAsync(Guid.NewGuid().ToString(), Cancellation));
        }

        Assert.Equal([200, 200, 200], fixture.Sandbox.Requests.Where(r => r.Path == TokenPath).Select(r => r.StatusCode));
        Assert.Empty(fixture.AccountingRequests());
        fixture.Sandbox.Faults.Clear();
        await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Contacts.GetAsync(Guid.NewGuid().ToString(), Cancellation));
    }

    [Fact]
    public async Task ExchangeCodeAsync_AnswerWithoutExpiresIn_KeepsTheTokensInTheTypedError_AndTheyConnectAndRefresh()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await XeroConnectorTests.ConsentAsync(fixture, request, fixture.TenantId);
        fixture.Sandbox.Faults.Add(FaultRule.BadTokenLifetime(null, TokenPath, times: 1));
        var before = fixture.Sandbox.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<XeroOrganisationsUnavailableException>(() => connector.ExchangeCodeAsync(request, code, state, Cancellation));
        var after = fixture.Sandbox.Clock.GetUtcNow();
        var listings = fixture.Sandbox.Requests.Count(r => r.Method == "GET" && r.Path == "/connections");
        var grant = await connector.ListOrganisationsAsync(error.Grant, Cancellation);
        await connector.ConnectAsync("customer-1", grant, grant.Organisations[0], Cancellation);
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open("customer-1");
        var created = await ledger.Contacts.CreateAsync(new NewContact { Organization = "After a lifetime-less exchange" }, Cancellation);

        var unreadable = Assert.IsType<InvalidProviderResponseException>(error.InnerException);
        Assert.Equal(("Xero", 200), (error.Provider, error.StatusCode));
        Assert.Null(unreadable.BodyExcerpt);
        Assert.Contains("expires_in", error.Message, StringComparison.Ordinal);
        Assert.Contains("kept", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Grant.Tokens.AccessToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(error.Grant.Tokens.RefreshToken, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, listings);
        Assert.InRange(error.Grant.ExpiresAt, before, after);
        Assert.Equal(fixture.TenantId, Assert.Single(grant.Organisations).TenantId);

        // Connected with the kept tokens; being due, they are refreshed before the first call, which goes through.
        Assert.Equal("After a lifetime-less exchange", created.Organization);
        Assert.Equal([200, 200], fixture.Sandbox.Requests.Where(r => r.Path == TokenPath).Select(r => r.StatusCode));
        var stored = (await fixture.Services.GetRequiredService<IConnectionStore>().GetAsync("customer-1", Cancellation))!;
        Assert.NotEqual(error.Grant.Tokens.RefreshToken, stored.Tokens!.RefreshToken);
        Assert.True(stored.Tokens.ExpiresAt > fixture.Sandbox.Clock.GetUtcNow());
    }
}
