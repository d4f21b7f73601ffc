using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Identity;

/// <summary>The checks in front of every API call: token (401), tenant (403), scope (401 AuthorizationUnsuccessful).</summary>
public sealed class GateTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task MissingOrUnknownToken_401AuthenticationUnsuccessful(string token)
    {
        var r = await f.GetAsync(SandboxFixture.Api("Invoices"), token);
        Assert.Equal(401, r.Status);
        Assert.Equal("AuthenticationUnsuccessful", r.Body["Detail"]!.GetValue<string>());
        Assert.True(r.Body.AsObject().ContainsKey("Type"));
        Assert.Null(r.Body["Type"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task MissingUnknownOrMalformedTenant_403(string tenant)
    {
        var r = await f.GetAsync(SandboxFixture.Api("Invoices"), tenant: tenant);
        Assert.Equal(403, r.Status);
        Assert.Equal("Forbidden", r.Body["Title"]!.GetValue<string>());
        Assert.Equal("AuthenticationUnsuccessful", r.Body["Detail"]!.GetValue<string>());
        Assert.True(Guid.TryParse(r.Body["Instance"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Connections_BelongToUserAndApp_SoEveryGrantOfTheUserReachesThem()
    {
        var tokens = f.Sandbox.IssueTokens(tenantIds: [f.Sandbox.PrimaryTenant.TenantId]);
        var fresh = f.Sandbox.IssueTokens(tenantIds: []);
        Assert.Equal(200, (await f.GetAsync(SandboxFixture.Api("Contacts"), tokens.AccessToken)).Status);
        // The connection belongs to the user and app, so other grants of the same user reach it too.
        Assert.Equal(200, (await f.GetAsync(SandboxFixture.Api("Contacts"), fresh.AccessToken)).Status);
    }

    [Fact]
    public async Task DeleteConnection_ThenTenantIs403_AndUnknownConnectionIs404()
    {
        await using var sandbox = await XeroSandbox.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var token = sandbox.IssueTokens().AccessToken;
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var connections = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("connections", TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(2, connections.Count);
        var au = connections.First(c => c!["tenantName"]!.GetValue<string>() == sandbox.SecondaryTenant.Name)!;

        using var delete = await http.DeleteAsync($"connections/{au["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(204, (int)delete.StatusCode);
        using var again = await http.DeleteAsync($"connections/{au["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(404, (int)again.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api.xro/2.0/Contacts");
        request.Headers.Add("xero-tenant-id", sandbox.SecondaryTenant.TenantId.ToString());
        using var forbidden = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(403, (int)forbidden.StatusCode);
    }

    [Fact]
    public async Task ConnectionsFilter_ByAuthEventId()
    {
        var token = f.Sandbox.IssueTokens().AccessToken;
        var all = (await f.GetAsync("connections", token, tenant: "")).Body.AsArray();
        var eventId = all[0]!["authEventId"]!.GetValue<string>();
        var filtered = (await f.GetAsync($"connections?authEventId={eventId}", token, tenant: "")).Body.AsArray();
        Assert.All(filtered, c => Assert.Equal(eventId, c!["authEventId"]!.GetValue<string>()));
        Assert.Empty((await f.GetAsync("connections?authEventId=nope", token, tenant: "")).Body.AsArray());
    }

    [Fact]
    public async Task MissingScope_401AuthorizationUnsuccessful_ReadScopeAllowsOnlyReads()
    {
        var contactsOnly = f.Sandbox.IssueTokens(["accounting.contacts.read"]).AccessToken;
        Assert.Equal(200, (await f.GetAsync(SandboxFixture.Api("Contacts"), contactsOnly)).Status);
        var invoices = await f.GetAsync(SandboxFixture.Api("Invoices"), contactsOnly);
        Assert.Equal(401, invoices.Status);
        Assert.Equal("AuthorizationUnsuccessful", invoices.Body["Detail"]!.GetValue<string>());
        var write = await f.PutAsync(SandboxFixture.Api("Contacts"), J.Batch("Contacts", J.Obj(("Name", "Scope Test"))), contactsOnly);
        Assert.Equal(401, write.Status);

        var granular = f.Sandbox.IssueTokens(["accounting.invoices.read"]).AccessToken;
        Assert.Equal(200, (await f.GetAsync(SandboxFixture.Api("Invoices"), granular)).Status);
    }
}
