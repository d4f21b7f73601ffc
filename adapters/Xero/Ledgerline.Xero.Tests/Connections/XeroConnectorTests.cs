using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Ledgerline.Connections;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.Tests.Connections;

/// <summary>The connector over loopback HTTP against the sandbox's consent page, token endpoint and connections.</summary>
public sealed class XeroConnectorTests
{
    private static readonly Uri Callback = new("http://127.0.0.1/callback");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAuthorizationRequest_HasStateScopesAndAnS256Challenge()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();

        var request = connector.CreateAuthorizationRequest();
        var query = HttpUtility.ParseQueryString(request.AuthorizationUrl.Query);

        Assert.Equal("/identity/connect/authorize", request.AuthorizationUrl.AbsolutePath);
        Assert.Equal(("code", request.State, Callback.AbsoluteUri, "S256"), (query["response_type"], query["state"], query["redirect_uri"], query["code_challenge_method"]));
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(request.CodeVerifier))), query["code_challenge"]);
        Assert.Equal(string.Join(' ', XeroConnector.DefaultScopes), query["scope"]);
        Assert.DoesNotContain(request.CodeVerifier, request.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(request.State, connector.CreateAuthorizationRequest().State);
    }

    [Fact]
    public async Task ConsentExchangeConnectDisconnect_PinsTheChosenOrganisationAndRemovesItAtXero()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.SecondaryTenant.TenantId, fixture.Sandbox.PrimaryTenant.TenantId);

        var grant = await connector.ExchangeCodeAsync(request, code, state, Cancellation);
        var secondary = Assert.Single(grant.Organisations, o => o.TenantId == fixture.Sandbox.SecondaryTenant.TenantId);
        var connection = await connector.ConnectAsync("customer-42", grant, secondary, Cancellation);
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open("customer-42");
        await ledger.Contacts.CreateAsync(new NewContact { Organization = "In the AU books" }, Cancellation);
        var disconnected = await connector.DisconnectAsync("customer-42", Cancellation);

        Assert.Equal(2, grant.Organisations.Count);
        Assert.Equal(secondary.TenantId.ToString(), connection.Properties[XeroConnectionProperties.TenantId]);
        Assert.Equal(fixture.Sandbox.SecondaryTenant.TenantId.ToString(), fixture.AccountingRequests()[^1].TenantId);
        Assert.True(disconnected);
        Assert.Null(await fixture.Services.GetRequiredService<IConnectionStore>().GetAsync("customer-42", Cancellation));
        Assert.Contains(fixture.Sandbox.Requests, r => r.Method == "DELETE" && r.Path == "/connections/" + secondary.XeroConnectionId && r.StatusCode == 204);
    }

    [Fact]
    public async Task ExchangeCodeAsync_WrongState_IsRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => connector.ExchangeCodeAsync(request, "code", "forged", Cancellation));

        Assert.Equal("state", Assert.Single(refused.Errors).Field);
        Assert.DoesNotContain(fixture.Sandbox.Requests, r => r.Path == "/connect/token");
    }

    [Fact]
    public async Task ExchangeCodeAsync_UsedCode_IsAuthorizationCodeRefusedSayingWhatToDo()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        await connector.ExchangeCodeAsync(request, code, state, Cancellation);

        var refused = await Assert.ThrowsAsync<AuthorizationCodeRefusedException>(() => connector.ExchangeCodeAsync(request, code, state, Cancellation));

        Assert.Equal(("invalid_grant", "Xero"), (refused.ProviderCode, refused.Provider));
        Assert.Contains("authorization code", refused.Message, StringComparison.Ordinal);
        Assert.Contains("consent page again", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh token", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("''", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_TokenAnswerLivingTenYears_IsInvalidProviderResponseNotAnExpiryFarAway_TheTokensKeptDue()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = Callback, s => s.AccessTokenLifetime = TimeSpan.FromDays(3650));
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(fixture, request, fixture.Sandbox.PrimaryTenant.TenantId);
        var before = fixture.Sandbox.Clock.GetUtcNow();

        var kept = await Assert.ThrowsAsync<XeroOrganisationsUnavailableException>(() => connector.ExchangeCodeAsync(request, code, state, Cancellation));

        var refused = Assert.IsType<InvalidProviderResponseException>(kept.InnerException);
        Assert.Equal(("Xero", 200), (refused.Provider, refused.StatusCode));
        Assert.Contains("expires_in", refused.Message, StringComparison.Ordinal);
        Assert.Null(refused.BodyExcerpt);
        Assert.InRange(kept.Grant.ExpiresAt, before, fixture.Sandbox.Clock.GetUtcNow());
    }

    /// <summary>Plays the user on the sandbox's consent page: ticks <paramref name="tenants"/> and allows.</summary>
    internal static async Task<(string Code, string State)> ConsentAsync(XeroLedgerFixture fixture, XeroAuthorizationRequest request, params Guid[] tenants)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var page = await http.GetAsync(request.AuthorizationUrl, Cancellation);
        page.EnsureSuccessStatusCode();
        var query = HttpUtility.ParseQueryString(request.AuthorizationUrl.Query);
        var fields = query.AllKeys.Select(k => new KeyValuePair<string, string>(k!, query[k]!)).ToList();
        fields.AddRange(tenants.Select(t => new KeyValuePair<string, string>("tenant", t.ToString())));
        fields.Add(new("decision", "allow"));
        using var form = new FormUrlEncodedContent(fields);
        using var answer = await http.PostAsync(new Uri(fixture.Sandbox.BaseAddress, "identity/connect/authorize"), form, Cancellation);
        var location = answer.Headers.Location ?? throw new InvalidOperationException($"The consent page answered {(int)answer.StatusCode} without a redirect.");
        var back = HttpUtility.ParseQueryString(location.Query);
        return (back["code"]!, back["state"]!);
    }
}
