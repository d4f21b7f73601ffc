using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ledgerline.Xero.Tests.Connections;

/// <summary><see cref="XeroConnector.ImportTokensAsync"/> over loopback HTTP against the sandbox, with tokens it issued without consent.</summary>
public sealed class ImportTokensTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportTokensAsync_SandboxTokens_ListsTheOrganisations_ConnectsAndWorks_NeverLoggingTheTokens()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)).AddFakeLogging());
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var tokens = fixture.Sandbox.IssueTokens(["offline_access", "accounting.contacts", "accounting.settings"], [fixture.TenantId]);
        var scopes = tokens.Scope.Split(' ');

        var grant = await connector.ImportTokensAsync(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt, scopes, Cancellation);
        var connection = await connector.ConnectAsync("imported", grant, Assert.Single(grant.Organisations), Cancellation);
        var ledger = fixture.Services.GetRequiredService<ILedgerFactory>().Open("imported");
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Imported Ltd" }, Cancellation);
        var projects = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await ledger.Projects.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));

        Assert.Equal((fixture.TenantId.ToString("D"), "Xero"), (connection.Properties[XeroConnectionProperties.TenantId], connection.Provider));
        Assert.Equal(scopes.Order(StringComparer.Ordinal), connection.Scopes.Order(StringComparer.Ordinal));
        Assert.Equal("Imported Ltd", contact.Organization);
        Assert.Equal("projects", projects.RequiredScope);
        Assert.Single(fixture.Sandbox.Requests, r => r.Path == "/connections" && r.StatusCode == 200);
        var logs = string.Join('\n', fixture.Services.GetFakeLogCollector().GetSnapshot().Select(l => l.Message + " " + l.Exception));
        foreach (var secret in new[] { tokens.AccessToken, tokens.RefreshToken })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, grant.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("abc\ndef", "accessToken")]
    [InlineData("abc\u0000def", "accessToken")]
    [InlineData("t\u00f6k\u00e9n", "accessToken")]
    [InlineData("emoji\U0001F600", "refreshToken")]
    [InlineData("lone\uD83D", "refreshToken")]
    [InlineData("long", "accessToken")]
    public async Task ImportTokensAsync_TokenNoOAuthServerIssues_IsRefusedTypedBeforeAnyRequest_NeverQuoted(string token, string field)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var bad = token == "long" ? new string('a', XeroConnector.MaxTokenLength + 1) : token;
        fixture.Sandbox.ClearRequests();

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => field == "accessToken"
            ? connector.ImportTokensAsync(bad, "refresh", DateTimeOffset.UtcNow.AddMinutes(30), [], Cancellation)
            : connector.ImportTokensAsync("access", bad, DateTimeOffset.UtcNow.AddMinutes(30), [], Cancellation));

        Assert.Equal((field, "MalformedToken"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
        Assert.DoesNotContain(bad, refused.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task ImportTokensAsync_AccessTokenAlreadyExpired_IsTaken_AndRefreshedBeforeItsFirstUse()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var tokens = fixture.Sandbox.IssueTokens();
        var grant = await connector.ImportTokensAsync(tokens.AccessToken, tokens.RefreshToken, fixture.Sandbox.Clock.GetUtcNow().AddDays(-30), tokens.Scope.Split(' '), Cancellation);
        await connector.ConnectAsync("migrated", grant, grant.Organisations.Single(o => o.TenantId == fixture.TenantId), Cancellation);

        var contact = await fixture.Services.GetRequiredService<ILedgerFactory>().Open("migrated").Contacts.CreateAsync(new NewContact { Organization = "Migrated Ltd" }, Cancellation);
        var stored = await fixture.Services.GetRequiredService<Ledgerline.Connections.IConnectionStore>().GetAsync("migrated", Cancellation);

        Assert.Equal("Migrated Ltd", contact.Organization);
        Assert.Single(fixture.Sandbox.Requests, r => r.Path == "/connect/token" && r.StatusCode == 200);
        Assert.True(stored!.Tokens!.ExpiresAt > fixture.Sandbox.Clock.GetUtcNow());
    }

    [Fact]
    public async Task ImportTokensAsync_AccessTokenExpiredAtXero_RefreshesFirst_ThenListsTheOrganisations()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var tokens = fixture.Sandbox.IssueTokens();
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));
        fixture.Sandbox.ClearRequests();

        var grant = await connector.ImportTokensAsync(
            tokens.AccessToken, tokens.RefreshToken, fixture.Sandbox.Clock.GetUtcNow().AddHours(-1), tokens.Scope.Split(' '), Cancellation);
        await connector.ConnectAsync("migrated", grant, grant.Organisations.Single(o => o.TenantId == fixture.TenantId), Cancellation);
        var contact = await fixture.Services.GetRequiredService<ILedgerFactory>().Open("migrated").Contacts.CreateAsync(new NewContact { Organization = "Late Ltd" }, Cancellation);
        var stored = await fixture.Services.GetRequiredService<Ledgerline.Connections.IConnectionStore>().GetAsync("migrated", Cancellation);

        Assert.Equal("Late Ltd", contact.Organization);
        Assert.Equal(["/connect/token", "/connections"], fixture.Sandbox.Requests.Take(2).Select(r => r.Path));
        Assert.Single(fixture.Sandbox.Requests, r => r.Path == "/connect/token");
        Assert.Equal(200, fixture.Sandbox.Requests[1].StatusCode);
        Assert.NotEqual(tokens.RefreshToken, stored!.Tokens!.RefreshToken);
        Assert.True(grant.ExpiresAt > fixture.Sandbox.Clock.GetUtcNow());
    }

    [Fact]
    public async Task ImportTokensAsync_ExpiredPairRefreshedButListingFails_NewPairInTheException_ListOrganisationsReadsIt()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.MaxRetries = 0);
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var tokens = fixture.Sandbox.IssueTokens();
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));
        fixture.Sandbox.Faults.AddServerError(503, "/connections", times: 1);

        var kept = await Assert.ThrowsAsync<XeroOrganisationsUnavailableException>(() => connector.ImportTokensAsync(
            tokens.AccessToken, tokens.RefreshToken, fixture.Sandbox.Clock.GetUtcNow().AddHours(-1), tokens.Scope.Split(' '), Cancellation));
        var grant = await connector.ListOrganisationsAsync(kept.Grant, Cancellation);

        Assert.Contains("refreshed the tokens", kept.Message, StringComparison.Ordinal);
        Assert.True(kept.Grant.ExpiresAt > fixture.Sandbox.Clock.GetUtcNow());
        Assert.Contains(grant.Organisations, o => o.TenantId == fixture.TenantId);
        Assert.Single(fixture.Sandbox.Requests, r => r.Path == "/connect/token");
    }

    [Fact]
    public async Task ListOrganisationsAsync_GrantWhoseAccessTokenExpired_RefreshesFirst_GrantPassedInUsedUp()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var tokens = fixture.Sandbox.IssueTokens();
        var imported = await connector.ImportTokensAsync(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.Scope.Split(' '), Cancellation);
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));

        var grant = await connector.ListOrganisationsAsync(imported, Cancellation);
        await connector.ConnectAsync("relisted", grant, grant.Organisations.Single(o => o.TenantId == fixture.TenantId), Cancellation);
        var contact = await fixture.Services.GetRequiredService<ILedgerFactory>().Open("relisted").Contacts.CreateAsync(new NewContact { Organization = "Relisted Ltd" }, Cancellation);

        Assert.Equal("Relisted Ltd", contact.Organization);
        Assert.True(grant.ExpiresAt > fixture.Sandbox.Clock.GetUtcNow());
        Assert.Single(fixture.Sandbox.Requests, r => r.Path == "/connect/token");
        var used = await Assert.ThrowsAsync<LedgerValidationException>(() => connector.ListOrganisationsAsync(imported, Cancellation));
        Assert.Equal("GrantUsed", Assert.Single(used.Errors).Code);
    }

    [Fact]
    public async Task ImportTokensAsync_ExpiredPairWhoseRefreshTokenXeroRefuses_IsReauthorizationRequired_WithoutTheToken()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        const string Forged = "not-a-refresh-token-the-sandbox-issued";

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => connector.ImportTokensAsync(
            "access-" + Forged, Forged, fixture.Sandbox.Clock.GetUtcNow().AddHours(-1), ["offline_access"], Cancellation));

        Assert.Equal(string.Empty, refused.ConnectionId);
        Assert.Contains("invalid_grant", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Sandbox.Requests, r => r.Path == "/connections");
    }

    [Fact]
    public async Task ImportTokensAsync_TokenXeroRefuses_IsReauthorizationRequired_WithoutTheToken()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        const string Forged = "not-a-token-the-sandbox-issued";

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() =>
            connector.ImportTokensAsync(Forged, "refresh-" + Forged, DateTimeOffset.UtcNow.AddMinutes(30), ["offline_access"], Cancellation));

        Assert.DoesNotContain(Forged, refused.ToString(), StringComparison.Ordinal);
        Assert.Contains(fixture.Sandbox.Requests, r => r.Path == "/connections" && r.StatusCode == 401);
    }

    [Fact]
    public async Task ImportTokensAsync_TwoOrganisations_PinsTheOnePicked_EmptyTokenRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        var tokens = fixture.Sandbox.IssueTokens();

        var blank = await Assert.ThrowsAsync<LedgerValidationException>(() => connector.ImportTokensAsync(" ", tokens.RefreshToken, tokens.ExpiresAt, [], Cancellation));
        Assert.Equal(("accessToken", "Required"), (Assert.Single(blank.Errors).Field, blank.Errors[0].Code));
        Assert.Empty(fixture.Sandbox.Requests);
        var grant = await connector.ImportTokensAsync(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.Scope.Split(' '), Cancellation);
        var secondary = Assert.Single(grant.Organisations, o => o.TenantId == fixture.Sandbox.SecondaryTenant.TenantId);
        var connection = await connector.ConnectAsync("secondary", grant, secondary, Cancellation);
        var company = await fixture.Services.GetRequiredService<ILedgerFactory>().Open("secondary").Company.GetAsync(Cancellation);

        Assert.Equal(2, grant.Organisations.Count);
        Assert.Equal(secondary.TenantId.ToString("D"), connection.Properties[XeroConnectionProperties.TenantId]);
        Assert.Equal(fixture.Sandbox.SecondaryTenant.Name, company.Name);
    }

    [Fact]
    public async Task ImportTokensAsync_TokensFromTheSandboxEndpoint_Connect_NarrowedScopeOrUnknownScope()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var connector = fixture.Services.GetRequiredService<XeroConnector>();
        using var http = new HttpClient { BaseAddress = fixture.Sandbox.BaseAddress };

        using var answer = await http.PostAsync("_sandbox/tokens?scope=offline_access%20accounting.contacts", null, Cancellation);
        using var body = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancellation));
        using var unknown = await http.PostAsync("_sandbox/tokens?scope=accounting.everything", null, Cancellation);
        var root = body.RootElement;
        var grant = await connector.ImportTokensAsync(
            root.GetProperty("access_token").GetString()!, root.GetProperty("refresh_token").GetString()!,
            fixture.Sandbox.Clock.GetUtcNow().AddSeconds(root.GetProperty("expires_in").GetInt64()), root.GetProperty("scope").GetString()!.Split(' '), Cancellation);
        await connector.ConnectAsync("standalone", grant, grant.Organisations.Single(o => o.TenantId == fixture.TenantId), Cancellation);
        var contact = await fixture.Services.GetRequiredService<ILedgerFactory>().Open("standalone").Contacts.CreateAsync(new NewContact { Organization = "Console Ltd" }, Cancellation);

        Assert.Equal((200, "Bearer", "offline_access accounting.contacts"), ((int)answer.StatusCode, root.GetProperty("token_type").GetString(), root.GetProperty("scope").GetString()));
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Contains("invalid_scope", await unknown.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(2, grant.Organisations.Count);
        Assert.Equal("Console Ltd", contact.Organization);
    }
}
