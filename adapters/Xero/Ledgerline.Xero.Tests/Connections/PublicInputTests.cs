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

    public static TheoryData<string, string, string> MalformedArguments => new()
    {
        { "scopes-null-element", "scopes[1]", "Required" },
        { "scopes-blank", "scopes[0]", "MalformedScope" },
        { "scopes-space-inside", "scopes[1]", "MalformedScope" },
        { "scopes-line-break", "scopes[0]", "MalformedScope" },
        { "scopes-quote", "scopes[0]", "MalformedScope" },
        { "scopes-10k", "scopes[0]", "MalformedScope" },
        { "scopes-empty", "scopes", "Required" },
        { "code-control", "code", "MalformedCode" },
        { "code-line-break", "code", "MalformedCode" },
        { "code-non-ascii", "code", "MalformedCode" },
        { "connect-id-zero-width-space", "connectionId", "MalformedId" },
        { "connect-id-line-break", "connectionId", "MalformedId" },
        { "connect-id-lone-surrogate", "connectionId", "MalformedId" },
        { "connect-id-10k", "connectionId", "IdTooLong" },
        { "disconnect-id-nul", "connectionId", "MalformedId" },
        { "open-id-byte-order-mark", "connectionId", "MalformedId" },
        { "import-scopes-blank", "scopes[1]", "MalformedScope" },
        { "import-scopes-null-element", "scopes[0]", "Required" },
        { "import-scopes-line-break", "scopes[0]", "MalformedScope" },
        { "restore-scopes-quote", "scopes[1]", "MalformedScope" },
        { "restore-scopes-blank", "scopes[0]", "MalformedScope" },
        { "restore-scopes-empty", "scopes", "Required" },
        { "import-expiry-default", "expiresAt", "Required" },
        { "import-expiry-max", "expiresAt", "ExpiryOutOfRange" },
        { "import-expiry-two-years-ahead", "expiresAt", "ExpiryOutOfRange" },
        { "import-expiry-eleven-years-ago", "expiresAt", "ExpiryOutOfRange" },
    };

    [Theory]
    [MemberData(nameof(MalformedArguments))]
    public async Task ConnectorMethod_MalformedArgument_RefusedTypedOnTheFieldBeforeAnyRequest(string call, string field, string code)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = new Uri("http://127.0.0.1/callback"));
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest(["offline_access"]);
        var organisation = new XeroOrganisation(Guid.NewGuid(), "Org", "ORGANISATION", Guid.NewGuid());
        var grant = new XeroGrant(new ConnectionTokens("access", "refresh", DateTimeOffset.UtcNow.AddMinutes(30)), new HashSet<string>(), [organisation]);
        var now = fixture.Sandbox.Clock.GetUtcNow();
        Task<XeroGrant> Import(DateTimeOffset expiresAt) => connector.ImportTokensAsync("access", "refresh", expiresAt, ["offline_access"], Ct);
        Task Authorize(IEnumerable<string> scopes) => Task.FromResult(connector.CreateAuthorizationRequest(scopes));
        Task ImportGranted(IEnumerable<string> scopes) => connector.ImportTokensAsync("access", "refresh", now.AddMinutes(30), scopes, Ct);
        Task Restore(IEnumerable<string> scopes) => Task.FromResult(XeroAuthorizationRequest.Restore(
            request.AuthorizationUrl, request.State, request.CodeVerifier, request.RedirectUri, scopes, request.CreatedAt));
        Func<Task> act = call switch
        {
            "scopes-null-element" => () => Authorize(["offline_access", null!]),
            "scopes-blank" => () => Authorize([" "]),
            "scopes-space-inside" => () => Authorize(["offline_access", "accounting.contacts accounting.settings"]),
            "scopes-line-break" => () => Authorize(["offline_access\r\naccounting.contacts"]),
            "scopes-quote" => () => Authorize(["\"offline_access\""]),
            "scopes-10k" => () => Authorize([new string('a', 10_000)]),
            "scopes-empty" => () => Authorize([]),
            "code-control" => () => connector.ExchangeCodeAsync(request, "abc\u0001def", request.State, Ct),
            "code-line-break" => () => connector.ExchangeCodeAsync(request, "abc\ndef", request.State, Ct),
            "code-non-ascii" => () => connector.ExchangeCodeAsync(request, "c\u00f6de", request.State, Ct),
            "connect-id-zero-width-space" => () => connector.ConnectAsync("tenant\u200B", grant, organisation, Ct),
            "connect-id-line-break" => () => connector.ConnectAsync("tenant\n2", grant, organisation, Ct),
            "connect-id-lone-surrogate" => () => connector.ConnectAsync("tenant\uD800", grant, organisation, Ct),
            "connect-id-10k" => () => connector.ConnectAsync(new string('t', 10_000), grant, organisation, Ct),
            "disconnect-id-nul" => () => connector.DisconnectAsync("tenant\0", Ct),
            "open-id-byte-order-mark" => () => Task.FromResult(fixture.Services.GetRequiredService<ILedgerFactory>().Open("\uFEFFtenant")),
            "import-scopes-blank" => () => ImportGranted(["offline_access", string.Empty]),
            "import-scopes-null-element" => () => ImportGranted([null!]),
            "import-scopes-line-break" => () => ImportGranted(["offline_access\naccounting.contacts"]),
            "restore-scopes-quote" => () => Restore(["offline_access", "\"accounting.contacts\""]),
            "restore-scopes-blank" => () => Restore(["  "]),
            "restore-scopes-empty" => () => Restore([]),
            "import-expiry-default" => () => Import(default),
            "import-expiry-max" => () => Import(DateTimeOffset.MaxValue),
            "import-expiry-two-years-ahead" => () => Import(now.AddYears(2)),
            "import-expiry-eleven-years-ago" => () => Import(now.AddYears(-11)),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
        };

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(act);

        Assert.Equal((field, code), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
        Assert.DoesNotContain("abc", refused.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Sandbox.Requests);
        Assert.Empty(await StoredIdsAsync(fixture));
    }

    [Fact]
    public async Task CreateAuthorizationRequest_WellFormedScopes_SentOnceEachInOrder()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RedirectUri = new Uri("http://127.0.0.1/callback"));
        var connector = fixture.Services.GetRequiredService<XeroConnector>();

        var request = connector.CreateAuthorizationRequest(["offline_access", "accounting.contacts", "offline_access", "openid"]);

        Assert.Equal(["offline_access", "accounting.contacts", "openid"], request.Scopes);
        Assert.Contains("scope=offline_access%20accounting.contacts%20openid&", request.AuthorizationUrl.Query, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> StoredIdsAsync(XeroLedgerFixture fixture)
    {
        var store = fixture.Services.GetRequiredService<IConnectionStore>();
        var ids = new List<string>();
        foreach (var id in new[] { "tenant\u200B", "tenant\n2", "tenant\uD800", new string('t', 10_000), "tenant" })
        {
            if (await store.GetAsync(id, Ct) is not null)
            {
                ids.Add(id);
            }
        }

        return ids;
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
