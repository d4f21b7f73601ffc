using Ledgerline.Connections;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Tests.Support;
using Ledgerline.Xero.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.Tests.Connections;

/// <summary>
/// Bad input to the adapter's public entry points (connector, webhook signature, provider) is refused as
/// <see cref="LedgerValidationException"/> with the parameter's name and a stable code, and no request reaches the
/// sandbox (its request log stays empty).
/// </summary>
public sealed class PublicInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> ConnectorCalls => new()
    {
        { "exchange-request-null", "request", "Required" },
        { "exchange-code-blank", "code", "Required" },
        { "list-null", "grant", "Required" },
        { "import-access-null", "accessToken", "Required" },
        { "import-refresh-blank", "refreshToken", "Required" },
        { "import-scopes-null", "scopes", "Required" },
        { "connect-id-blank", "connectionId", "BlankId" },
        { "connect-grant-null", "grant", "Required" },
        { "connect-organisation-null", "organisation", "Required" },
        { "disconnect-id-empty", "connectionId", "BlankId" },
    };

    [Theory]
    [MemberData(nameof(ConnectorCalls))]
    public async Task ConnectorMethod_MissingOrBlankArgument_RefusedNamingTheParameterBeforeAnyRequest(string call, string field, string code)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = new Uri("http://127.0.0.1/callback"));
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var organisation = new XeroOrganisation(Guid.NewGuid(), "Org", "ORGANISATION", Guid.NewGuid());
        var grant = new XeroGrant(new ConnectionTokens("access", "refresh", DateTimeOffset.UtcNow.AddMinutes(30)), new HashSet<string>(), [organisation]);
        var expires = DateTimeOffset.UtcNow.AddMinutes(30);
        Func<Task> act = call switch
        {
            "exchange-request-null" => () => connector.ExchangeCodeAsync(null!, "code", request.State, Ct),
            "exchange-code-blank" => () => connector.ExchangeCodeAsync(request, " ", request.State, Ct),
            "list-null" => () => connector.ListOrganisationsAsync(null!, Ct),
            "import-access-null" => () => connector.ImportTokensAsync(null!, "refresh", expires, [], Ct),
            "import-refresh-blank" => () => connector.ImportTokensAsync("access", "  ", expires, [], Ct),
            "import-scopes-null" => () => connector.ImportTokensAsync("access", "refresh", expires, null!, Ct),
            "connect-id-blank" => () => connector.ConnectAsync(" ", grant, organisation, Ct),
            "connect-grant-null" => () => connector.ConnectAsync("tenant", null!, organisation, Ct),
            "connect-organisation-null" => () => connector.ConnectAsync("tenant", grant, null!, Ct),
            "disconnect-id-empty" => () => connector.DisconnectAsync(string.Empty, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
        };

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(act);

        Assert.Equal((field, code, "Xero"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code, refused.Provider));
        Assert.Empty(fixture.Sandbox.Requests);
        Assert.Null(await fixture.Services.GetRequiredService<IConnectionStore>().GetAsync("tenant", Ct));
    }

    [Fact]
    public void WebhookSignature_MissingKey_RefusedWithoutQuotingAKey()
    {
        var compute = Assert.Throws<LedgerValidationException>(() => XeroWebhookSignature.Compute(string.Empty, "{}"u8));
        var valid = Assert.Throws<LedgerValidationException>(() => XeroWebhookSignature.IsValid(null!, "{}"u8, "c2ln"));

        Assert.Equal(("signingKey", "Required", "Xero"), (Assert.Single(compute.Errors).Field, compute.Errors[0].Code, compute.Provider));
        Assert.Equal(("signingKey", "Required"), (Assert.Single(valid.Errors).Field, valid.Errors[0].Code));
    }

    [Fact]
    public async Task ProviderOpen_BlankConnectionId_RefusedAsTheFactoryDoes()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var provider = fixture.Services.GetServices<ILedgerProvider>().Single(p => p.Name == "Xero");

        var refused = Assert.Throws<LedgerValidationException>(() => provider.Open("\t"));

        Assert.Equal(("connectionId", "BlankId"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
    }
}
