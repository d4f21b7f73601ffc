using Ledgerline.Connections;
using Ledgerline.FreshBooks.Connections;
using Ledgerline.FreshBooks.Tests.Support;
using Ledgerline.FreshBooks.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Connections;

/// <summary>
/// Bad input to the adapter's public entry points (connector, authorization request, webhook subscriptions, signature,
/// secret store, provider) is refused as <see cref="LedgerValidationException"/> with the parameter's name and a stable
/// code, and no request reaches the sandbox (its request log stays empty).
/// </summary>
public sealed class PublicInputTests : IAsyncLifetime
{
    private static readonly Uri Callback = new("https://app.example/webhooks/freshbooks");

    private SandboxLedgerFixture _fixture = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FreshBooksConnector Connector => _fixture.Services.GetRequiredService<FreshBooksConnector>();

    private IFreshBooksWebhookSubscriptions Subscriptions => _fixture.Services.GetRequiredService<IFreshBooksWebhookSubscriptions>();

    public async ValueTask InitializeAsync() => _fixture = await SandboxLedgerFixture.StartAsync();

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    public static TheoryData<string, string, string> ConnectorCalls => new()
    {
        { "exchange-null", "code", "Required" },
        { "exchange-blank", "code", "Required" },
        { "list-null", "grant", "Required" },
        { "import-access-empty", "accessToken", "Required" },
        { "import-refresh-null", "refreshToken", "Required" },
        { "import-scopes-null", "scopes", "Required" },
        { "connect-id-blank", "connectionId", "BlankId" },
        { "connect-grant-null", "grant", "Required" },
        { "connect-business-null", "business", "Required" },
        { "disconnect-id-null", "connectionId", "BlankId" },
        { "subscribe-id-blank", "connectionId", "BlankId" },
        { "subscribe-uri-null", "uri", "Required" },
        { "subscribe-uri-relative", "uri", "NotAbsoluteUri" },
        { "subscribe-many-topics-null", "topics", "Required" },
        { "list-callbacks-id-blank", "connectionId", "BlankId" },
        { "verify-callback-blank", "callbackId", "BlankId" },
        { "verify-verifier-blank", "verifier", "Required" },
        { "resend-callback-null", "callbackId", "BlankId" },
        { "delete-callback-blank", "callbackId", "BlankId" },
    };

    [Theory]
    [MemberData(nameof(ConnectorCalls))]
    public async Task PublicMethod_MissingOrBlankArgument_RefusedNamingTheParameterBeforeAnyRequest(string call, string field, string code)
    {
        var connection = await _fixture.ConnectAsync();
        var grant = FreshBooksGrant.WithoutIdentity(new HashSet<string>(), new ConnectionTokens("access", "refresh", DateTimeOffset.UtcNow.AddHours(1)));
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        Func<Task> act = call switch
        {
            "exchange-null" => () => Connector.ExchangeCodeAsync(null!, Ct),
            "exchange-blank" => () => Connector.ExchangeCodeAsync(" ", Ct),
            "list-null" => () => Connector.ListBusinessesAsync(null!, Ct),
            "import-access-empty" => () => Connector.ImportTokensAsync(string.Empty, "refresh", expires, [], Ct),
            "import-refresh-null" => () => Connector.ImportTokensAsync("access", null!, expires, [], Ct),
            "import-scopes-null" => () => Connector.ImportTokensAsync("access", "refresh", expires, null!, Ct),
            "connect-id-blank" => () => Connector.ConnectAsync(" ", grant, new FreshBooksBusiness("B", "owner", "A", "1"), Ct),
            "connect-grant-null" => () => Connector.ConnectAsync("tenant", null!, new FreshBooksBusiness("B", "owner", "A", "1"), Ct),
            "connect-business-null" => () => Connector.ConnectAsync("tenant", grant, null!, Ct),
            "disconnect-id-null" => () => Connector.DisconnectAsync(null!, Ct),
            "subscribe-id-blank" => () => Subscriptions.SubscribeAsync("\t", new LedgerChangeTopic(EntityKind.Invoice), Callback, Ct),
            "subscribe-uri-null" => () => Subscriptions.SubscribeAsync(connection, new LedgerChangeTopic(EntityKind.Invoice), null!, Ct),
            "subscribe-uri-relative" => () => Subscriptions.SubscribeAsync(connection, new LedgerChangeTopic(EntityKind.Invoice), new Uri("/hooks", UriKind.Relative), Ct),
            "subscribe-many-topics-null" => () => Subscriptions.SubscribeAsync(connection, (IEnumerable<LedgerChangeTopic>)null!, Callback, Ct),
            "list-callbacks-id-blank" => () => Subscriptions.ListAsync(string.Empty, Ct),
            "verify-callback-blank" => () => Subscriptions.VerifyAsync(connection, " ", "verifier", Ct),
            "verify-verifier-blank" => () => Subscriptions.VerifyAsync(connection, "7", " ", Ct),
            "resend-callback-null" => () => Subscriptions.ResendVerificationAsync(connection, null!, Ct),
            "delete-callback-blank" => () => Subscriptions.DeleteAsync(connection, " ", Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
        };

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(act);

        Assert.Equal((field, code, "FreshBooks"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code, refused.Provider));
        Assert.Empty(_fixture.Sandbox.Requests);
        Assert.Equal(0, _fixture.Sandbox.TokenRequestCount);
    }

    public static TheoryData<string, string, string> MalformedArguments => new()
    {
        { "scopes-null-element", "scopes[1]", "Required" },
        { "scopes-blank", "scopes[0]", "MalformedScope" },
        { "scopes-space-inside", "scopes[1]", "MalformedScope" },
        { "scopes-line-break", "scopes[0]", "MalformedScope" },
        { "scopes-backslash", "scopes[0]", "MalformedScope" },
        { "scopes-10k", "scopes[0]", "MalformedScope" },
        { "code-control", "code", "MalformedCode" },
        { "code-line-break", "code", "MalformedCode" },
        { "code-10k", "code", "MalformedCode" },
        { "connect-id-zero-width-space", "connectionId", "MalformedId" },
        { "connect-id-line-break", "connectionId", "MalformedId" },
        { "connect-id-lone-surrogate", "connectionId", "MalformedId" },
        { "connect-id-10k", "connectionId", "IdTooLong" },
        { "disconnect-id-tab", "connectionId", "MalformedId" },
        { "subscribe-id-paragraph-separator", "connectionId", "MalformedId" },
        { "provider-open-id-soft-hyphen", "connectionId", "MalformedId" },
        { "import-scopes-blank", "scopes[1]", "MalformedScope" },
        { "import-scopes-null-element", "scopes[0]", "Required" },
        { "import-scopes-space-inside", "scopes[0]", "MalformedScope" },
        { "restore-scopes-blank", "scopes[1]", "MalformedScope" },
        { "restore-scopes-non-ascii", "scopes[0]", "MalformedScope" },
        { "restore-scopes-null-element", "scopes[0]", "Required" },
        { "import-expiry-default", "expiresAt", "Required" },
        { "import-expiry-max", "expiresAt", "ExpiryOutOfRange" },
        { "import-expiry-two-years-ahead", "expiresAt", "ExpiryOutOfRange" },
        { "import-expiry-eleven-years-ago", "expiresAt", "ExpiryOutOfRange" },
    };

    [Theory]
    [MemberData(nameof(MalformedArguments))]
    public async Task PublicMethod_MalformedArgument_RefusedTypedOnTheFieldBeforeAnyRequest(string call, string field, string code)
    {
        var tokens = _fixture.Sandbox.IssueTokens();
        var grant = await Connector.ImportTokensAsync(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt, [], Ct);
        _fixture.Sandbox.ClearRequests();
        var tokenRequests = _fixture.Sandbox.TokenRequestCount;
        var provider = _fixture.Services.GetServices<ILedgerProvider>().Single(p => p.Name == "FreshBooks");
        Task<FreshBooksGrant> Import(DateTimeOffset expiresAt) => Connector.ImportTokensAsync("access", "refresh", expiresAt, [], Ct);
        Task Authorize(IEnumerable<string> scopes) => Task.FromResult(Connector.CreateAuthorizationRequest(scopes));
        Task ImportGranted(IEnumerable<string> scopes) => Connector.ImportTokensAsync("access", "refresh", DateTimeOffset.UtcNow.AddHours(1), scopes, Ct);
        Task Restore(IEnumerable<string> scopes) =>
            Task.FromResult(FreshBooksAuthorizationRequest.Restore(new Uri("https://auth.example/oauth/authorize?state=s1"), "s1", scopes));
        Func<Task> act = call switch
        {
            "scopes-null-element" => () => Authorize(["user:profile:read", null!]),
            "scopes-blank" => () => Authorize([string.Empty]),
            "scopes-space-inside" => () => Authorize(["user:profile:read", "user:clients:read user:invoices:read"]),
            "scopes-line-break" => () => Authorize(["user:profile:read\nuser:invoices:read"]),
            "scopes-backslash" => () => Authorize(["user:profile\\read"]),
            "scopes-10k" => () => Authorize([new string('s', 10_000)]),
            "code-control" => () => Connector.ExchangeCodeAsync("abc\u0007def", Ct),
            "code-line-break" => () => Connector.ExchangeCodeAsync("abc\r\ndef", Ct),
            "code-10k" => () => Connector.ExchangeCodeAsync(new string('c', 10_000), Ct),
            "connect-id-zero-width-space" => () => Connector.ConnectAsync("\u200Btenant", grant, grant.Businesses[0], Ct),
            "connect-id-line-break" => () => Connector.ConnectAsync("tenant\n2", grant, grant.Businesses[0], Ct),
            "connect-id-lone-surrogate" => () => Connector.ConnectAsync("tenant\uDC00", grant, grant.Businesses[0], Ct),
            "connect-id-10k" => () => Connector.ConnectAsync(new string('t', 10_000), grant, grant.Businesses[0], Ct),
            "disconnect-id-tab" => () => Connector.DisconnectAsync("ten\tant", Ct),
            "subscribe-id-paragraph-separator" => () => Subscriptions.SubscribeAsync("tenant\u2029", new LedgerChangeTopic(EntityKind.Invoice), Callback, Ct),
            "provider-open-id-soft-hyphen" => () => Task.FromResult(provider.Open("ten\u00ADant")),
            "import-scopes-blank" => () => ImportGranted(["user:profile:read", " "]),
            "import-scopes-null-element" => () => ImportGranted([null!, "user:profile:read"]),
            "import-scopes-space-inside" => () => ImportGranted(["user:profile:read user:clients:read"]),
            "restore-scopes-blank" => () => Restore(["user:profile:read", string.Empty]),
            "restore-scopes-non-ascii" => () => Restore(["user:pr\u00f6file:read"]),
            "restore-scopes-null-element" => () => Restore([null!]),
            "import-expiry-default" => () => Import(default),
            "import-expiry-max" => () => Import(DateTimeOffset.MaxValue),
            "import-expiry-two-years-ahead" => () => Import(DateTimeOffset.UtcNow.AddYears(2)),
            "import-expiry-eleven-years-ago" => () => Import(DateTimeOffset.UtcNow.AddYears(-11)),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
        };

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(act);

        Assert.Equal((field, code, "FreshBooks"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code, refused.Provider));
        Assert.DoesNotContain("abc", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Sandbox.Requests);
        Assert.Equal(tokenRequests, _fixture.Sandbox.TokenRequestCount);
        Assert.Null(await _fixture.Services.GetRequiredService<IConnectionStore>().GetAsync("tenant\n2", Ct));
    }

    [Fact]
    public void CreateAuthorizationRequest_EmptyScopeList_SendsNoScopeSoFreshBooksGrantsTheAppsScopes()
    {
        var request = Connector.CreateAuthorizationRequest([]);

        Assert.Empty(request.Scopes);
        Assert.DoesNotContain("scope=", request.AuthorizationUrl.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListBusinessesAsync_GrantAlreadyConnected_RefusedAsGrantUsedBeforeAnyRequest()
    {
        var grant = FreshBooksGrant.WithoutIdentity(new HashSet<string>(), new ConnectionTokens("access", "refresh", DateTimeOffset.UtcNow.AddHours(1)));
        Assert.True(grant.TryUse());

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => Connector.ListBusinessesAsync(grant, Ct));

        Assert.Equal(("grant", "GrantUsed"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
        Assert.Contains("single-use", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh\"", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task SubscribeAsync_TopicWithoutFreshBooksEvents_NotSupportedBeforeAnyRequest()
    {
        var connection = await _fixture.ConnectAsync();

        var refused = await Assert.ThrowsAsync<OperationNotSupportedException>(
            () => Subscriptions.SubscribeAsync(connection, new LedgerChangeTopic(EntityKind.BillPayment), Callback, Ct));

        Assert.Equal((EntityKind.BillPayment, "FreshBooks"), (refused.Entity, refused.Provider));
        Assert.Empty(_fixture.Sandbox.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SubscribeAsync_ConnectionNotStoredOrNotPinned_ReauthorizationRequiredBeforeAnyRequest(bool stored)
    {
        if (stored)
        {
            var tokens = _fixture.Sandbox.IssueTokens();
            await _fixture.Services.GetRequiredService<IConnectionStore>().SaveAsync(new LedgerConnection
            {
                Id = "unpinned",
                Provider = "FreshBooks",
                Tokens = new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt),
            }, Ct);
        }

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(
            () => Subscriptions.SubscribeAsync("unpinned", new LedgerChangeTopic(EntityKind.Invoice), Callback, Ct));

        Assert.Equal(("unpinned", "FreshBooks"), (refused.ConnectionId, refused.Provider));
        Assert.Empty(_fixture.Sandbox.Requests);
    }

    [Fact]
    public void SignatureAndSecretStore_MissingVerifierOrId_RefusedWithoutQuotingASecret()
    {
        KeyValuePair<string, string>[] fields = [new("name", "invoice.create")];
        var store = new InMemoryWebhookSecretStore();

        var compute = Assert.Throws<LedgerValidationException>(() => FreshBooksWebhookSignature.Compute(null!, fields));
        var valid = Assert.Throws<LedgerValidationException>(() => FreshBooksWebhookSignature.IsValid(null!, fields, "c2ln"));
        var payload = Assert.Throws<LedgerValidationException>(() => FreshBooksWebhookSignature.CanonicalPayload(null!));
        var get = Assert.Throws<LedgerValidationException>(() => store.GetAsync(" ", Ct).GetAwaiter().GetResult());
        var byAccount = Assert.Throws<LedgerValidationException>(() => store.ListByAccountAsync(string.Empty, Ct).GetAwaiter().GetResult());
        var save = Assert.Throws<LedgerValidationException>(() => store.SaveAsync(null!, Ct).GetAwaiter().GetResult());

        Assert.Equal(("verifier", "Required"), (Assert.Single(compute.Errors).Field, compute.Errors[0].Code));
        Assert.Equal(("verifier", "Required"), (Assert.Single(valid.Errors).Field, valid.Errors[0].Code));
        Assert.Equal(("fields", "Required"), (Assert.Single(payload.Errors).Field, payload.Errors[0].Code));
        Assert.Equal(("callbackId", "BlankId"), (Assert.Single(get.Errors).Field, get.Errors[0].Code));
        Assert.Equal(("accountId", "BlankId"), (Assert.Single(byAccount.Errors).Field, byAccount.Errors[0].Code));
        Assert.Equal(("secret", "Required"), (Assert.Single(save.Errors).Field, save.Errors[0].Code));
    }

    [Fact]
    public void ProviderOpen_BlankConnectionId_RefusedAsTheFactoryDoes()
    {
        var provider = _fixture.Services.GetServices<ILedgerProvider>().Single(p => p.Name == "FreshBooks");

        var refused = Assert.Throws<LedgerValidationException>(() => provider.Open(" "));

        Assert.Equal(("connectionId", "BlankId"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
    }
}
