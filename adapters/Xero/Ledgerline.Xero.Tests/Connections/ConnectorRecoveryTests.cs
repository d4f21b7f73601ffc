using Ledgerline.Connections;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Ledgerline.Xero.Tests.Connections.XeroConnectorTests;

namespace Ledgerline.Xero.Tests.Connections;

/// <summary>
/// The connector when Xero's connections endpoint fails, when the grant is already gone, and when the authorization
/// request must survive between two instances of the app — over loopback HTTP against the sandbox.
/// </summary>
public sealed class ConnectorRecoveryTests
{
    private static readonly Uri Callback = new("http://127.0.0.1/callback");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExchangeCodeAsync_ConnectionsFailOnce_IsRetriedLikeAnyGet()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        fixture.Sandbox.Faults.AddServerError(500, "/connections", times: 1);

        var grant = await connector.ExchangeCodeAsync(request, code, state, Cancellation);

        Assert.Equal(fixture.Sandbox.PrimaryTenant.TenantId, Assert.Single(grant.Organisations).TenantId);
        Assert.Equal([500, 200], fixture.Sandbox.Requests.Where(r => r.Path == "/connections").Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData("500")]
    [InlineData("drop")]
    [InlineData("malformed")]
    public async Task ExchangeCodeAsync_ConnectionsKeepFailing_KeepsTheGrantSoTheOrganisationsCanBeListedAgainWithoutConsent(string fault)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => { o.RedirectUri = Callback; o.MaxRetries = 1; });
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        fixture.Sandbox.Faults.Add(FaultRule.Parse(fault + "@/connections"));

        var failed = await Assert.ThrowsAsync<XeroOrganisationsUnavailableException>(() => connector.ExchangeCodeAsync(request, code, state, Cancellation));
        fixture.Sandbox.Faults.Clear();
        var grant = await connector.ListOrganisationsAsync(failed.Grant, Cancellation);
        await connector.ConnectAsync("after-retry", grant, grant.Organisations[0], Cancellation);
        var contact = await fixture.Services.GetRequiredService<ILedgerFactory>().Open("after-retry")
            .Contacts.CreateAsync(new NewContact { Organization = "Connected after all" }, Cancellation);

        Assert.Equal("Xero", failed.Provider);
        Assert.IsType(fault == "malformed" ? typeof(InvalidProviderResponseException) : typeof(ProviderUnavailableException), failed.InnerException);
        Assert.Empty(failed.Grant.Organisations);
        foreach (var secret in new[] { failed.Grant.Tokens.AccessToken, failed.Grant.Tokens.RefreshToken })
        {
            Assert.DoesNotContain(secret, failed.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, failed.Grant.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(fixture.Sandbox.PrimaryTenant.TenantId, Assert.Single(grant.Organisations).TenantId);
        Assert.False(string.IsNullOrEmpty(contact.Id));
        Assert.Single(fixture.Sandbox.Requests, r => r.Path == "/connect/token");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DisconnectAsync_GrantAlreadyRevoked_RemovesTheStoredConnection(bool accessTokenExpired)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        var grant = await connector.ExchangeCodeAsync(request, code, state, Cancellation);
        await connector.ConnectAsync("revoked", grant, grant.Organisations[0], Cancellation);
        await RevokeAsync(fixture, grant.Tokens.RefreshToken);
        if (accessTokenExpired)
        {
            fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));
        }

        var disconnected = await connector.DisconnectAsync("revoked", Cancellation);

        Assert.True(disconnected);
        Assert.Null(await fixture.Services.GetRequiredService<IConnectionStore>().GetAsync("revoked", Cancellation));
    }

    [Fact]
    public async Task DisconnectAsync_XeroUnavailable_KeepsTheStoredConnectionForAnotherAttempt()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        var grant = await connector.ExchangeCodeAsync(request, code, state, Cancellation);
        await connector.ConnectAsync("kept", grant, grant.Organisations[0], Cancellation);
        fixture.Sandbox.Faults.AddServerError(503, "/connections", times: 1);

        await Assert.ThrowsAsync<ProviderUnavailableException>(() => connector.DisconnectAsync("kept", Cancellation));
        var again = await connector.DisconnectAsync("kept", Cancellation);

        Assert.True(again);
        Assert.Contains(fixture.Sandbox.Requests, r => r.Method == "DELETE" && r.StatusCode == 204);
    }

    [Fact]
    public async Task AuthorizationRequest_RestoredFromItsStoredValues_CompletesTheExchange()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var original = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, original, fixture.Sandbox.PrimaryTenant.TenantId);

        // What an app keeps in its session store, as plain values, and reads back on another instance.
        var stored = (original.AuthorizationUrl.AbsoluteUri, original.State, original.CodeVerifier, original.RedirectUri.AbsoluteUri,
            string.Join(' ', original.Scopes), original.CreatedAt.ToString("O"));
        var restored = XeroAuthorizationRequest.Restore(new Uri(stored.Item1), stored.Item2, stored.Item3, new Uri(stored.Item4),
            stored.Item5.Split(' '), DateTimeOffset.Parse(stored.Item6, System.Globalization.CultureInfo.InvariantCulture));
        var grant = await connector.ExchangeCodeAsync(restored, code, state, Cancellation);

        Assert.Equal(
            (original.AuthorizationUrl, original.State, original.CodeVerifier, original.RedirectUri, original.CreatedAt),
            (restored.AuthorizationUrl, restored.State, restored.CodeVerifier, restored.RedirectUri, restored.CreatedAt));
        Assert.Equal(original.Scopes, restored.Scopes);
        Assert.Equal(Callback, restored.RedirectUri);
        Assert.Equal(fixture.Sandbox.Clock.GetUtcNow().Date, restored.CreatedAt.Date);
        Assert.Single(grant.Organisations);
        Assert.DoesNotContain(restored.CodeVerifier, restored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationRequest_RestoredFromValuesOfTwoRequests_IsRefusedWithoutQuotingTheVerifier()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var first = connector.CreateAuthorizationRequest();
        var second = connector.CreateAuthorizationRequest();

        var refused = Assert.Throws<LedgerValidationException>(() =>
            XeroAuthorizationRequest.Restore(first.AuthorizationUrl, first.State, second.CodeVerifier, first.RedirectUri, first.Scopes, first.CreatedAt));
        var malformed = Assert.Throws<LedgerValidationException>(() =>
            XeroAuthorizationRequest.Restore(first.AuthorizationUrl, first.State, "short", first.RedirectUri, first.Scopes, first.CreatedAt));
        var missing = Assert.Throws<LedgerValidationException>(() =>
            XeroAuthorizationRequest.Restore(first.AuthorizationUrl, first.State, null!, first.RedirectUri, first.Scopes, first.CreatedAt));

        Assert.Contains("code_challenge", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(second.CodeVerifier, refused.Message, StringComparison.Ordinal);
        Assert.Equal(("authorizationUrl", "MismatchedRequest", "Xero"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code, refused.Provider));
        Assert.Equal(("codeVerifier", "MalformedVerifier"), (Assert.Single(malformed.Errors).Field, malformed.Errors[0].Code));
        Assert.Equal(("codeVerifier", "Required"), (Assert.Single(missing.Errors).Field, missing.Errors[0].Code));
    }

    private static async Task RevokeAsync(XeroLedgerFixture fixture, string refreshToken)
    {
        using var http = new HttpClient { BaseAddress = fixture.Sandbox.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refreshToken,
            ["client_id"] = fixture.Sandbox.Options.ClientId,
            ["client_secret"] = fixture.Sandbox.Options.ClientSecret,
        });
        using var answer = await http.PostAsync("connect/revocation", form, Cancellation);
        answer.EnsureSuccessStatusCode();
    }
}
