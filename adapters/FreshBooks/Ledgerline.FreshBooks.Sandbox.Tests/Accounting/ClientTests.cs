using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

public sealed class ClientTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private string Clients => f.Accounting("users/clients");

    private async Task<JsonNode> CreateAsync(params (string Key, JsonNode? Value)[] fields)
    {
        var r = await f.PostAsync(Clients, J.Wrap("client", fields));
        Assert.Equal(200, r.Status);
        return r.Result["client"]!;
    }

    [Fact]
    public async Task Create_OnlyEmail_OrganizationIsEmailAndIdsMatch()
    {
        var c = await CreateAsync(("email", "solo@example.test"));
        Assert.Equal("solo@example.test", c["organization"]!.GetValue<string>());
        Assert.Equal(c["id"]!.GetValue<int>(), c["userid"]!.GetValue<int>());
        Assert.Equal(0, c["vis_state"]!.GetValue<int>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", c["updated"]!.GetValue<string>());
    }

    [Fact]
    public async Task Timestamps_SignupUtc_UpdatedEastern()
    {
        f.Sandbox.Clock.SetUtcNow(new DateTimeOffset(2025, 7, 1, 16, 0, 0, TimeSpan.Zero));
        var c = await CreateAsync(("organization", "Summer Co"));
        Assert.Equal("2025-07-01 16:00:00", c["signup_date"]!.GetValue<string>()[..19]);
        Assert.Equal("2025-07-01 12:00:00", c["updated"]!.GetValue<string>());
        f.Sandbox.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 1, 16, 0, 0, TimeSpan.Zero));
        var updated = await f.PutAsync($"{Clients}/{c["id"]}", J.Wrap("client", ("note", "winter")));
        Assert.Equal("2025-12-01 11:00:00", updated.Result["client"]!["updated"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_NoNameOrgOrEmail_Errno1001()
    {
        var r = await f.PostAsync(Clients, J.Wrap("client", ("bus_phone", "555")));
        Assert.Equal(422, r.Status);
        Assert.Equal(1001, r.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("client", r.FirstError["object"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_UnknownField_Errno1006()
    {
        var r = await f.PostAsync(Clients, J.Wrap("client", ("organization", "X"), ("favourite_colour", "teal")));
        Assert.Equal(422, r.Status);
        Assert.Equal(1006, r.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("favourite_colour", r.FirstError["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WrongTypes_MappingErrnos()
    {
        var r = await f.PostAsync(Clients, J.Wrap("client", ("organization", 12), ("allow_late_fees", "maybe")));
        Assert.Equal(422, r.Status);
        var errnos = r.Body["response"]!["errors"]!.AsArray().Select(e => e!["errno"]!.GetValue<int>()).ToArray();
        Assert.Equal([1004, 1031], errnos);
    }

    [Fact]
    public async Task Create_MalformedJson_Errno1005NotServerError()
    {
        var before = f.Sandbox.Data.Count(f.AccountId, "clients");
        var r = await f.PostAsync(Clients, "{\"client\": {\"organization\": ");
        Assert.Equal(400, r.Status);
        Assert.Equal(1005, r.FirstError["errno"]!.GetValue<int>());
        Assert.Equal(before, f.Sandbox.Data.Count(f.AccountId, "clients"));
    }

    [Fact]
    public async Task Create_WrongEnvelope_Errno1001OnEnvelopeKey()
    {
        var r = await f.PostAsync(Clients, J.Wrap("clients", ("organization", "X")));
        Assert.Equal(422, r.Status);
        Assert.Equal(1001, r.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("client", r.FirstError["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_InvalidField_LeavesRecordUntouched()
    {
        var c = await CreateAsync(("organization", "Stable"), ("email", "stable@example.test"));
        var r = await f.PutAsync($"{Clients}/{c["id"]}", J.Wrap("client", ("organization", "Changed"), ("email", "not-an-email")));
        Assert.Equal(422, r.Status);
        var get = await f.GetAsync($"{Clients}/{c["id"]}");
        Assert.Equal("Stable", get.Result["client"]!["organization"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Unknown_Errno1012OldFormat()
    {
        var r = await f.GetAsync($"{Clients}/12345");
        Assert.Equal(404, r.Status);
        Assert.Equal(
            """{"response":{"errors":[{"errno":1012,"field":"userid","message":"Client not found.","object":"client","value":"12345"}]}}""",
            r.Raw);
    }

    [Theory]
    [InlineData("X-API-VERSION")]
    [InlineData("Api-Version")]
    public async Task Get_Unknown_NewFormatWithRecentApiVersion(string header)
    {
        var r = await f.GetAsync($"{Clients}/12345", null, (header, "2023-02-20"));
        Assert.Equal(404, r.Status);
        Assert.Equal(5, r.Body["code"]!.GetValue<int>());
        Assert.Equal("Request failed with status_code: 404", r.Body["message"]!.GetValue<string>());
        var detail = r.Body["details"]![0]!;
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", detail["@type"]!.GetValue<string>());
        Assert.Equal("1012", detail["reason"]!.GetValue<string>());
        Assert.Equal("Client not found.", detail["metadata"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_OldApiVersionOrAlpha_OldFormat()
    {
        Assert.NotNull((await f.GetAsync($"{Clients}/1", null, ("X-API-VERSION", "2022-10-30"))).Body["response"]);
        Assert.NotNull((await f.GetAsync($"{Clients}/1", null, ("Api-Version", "alpha"))).Body["response"]);
    }

    [Fact]
    public async Task Unauthorized_NewFormat_Code16Reason1003()
    {
        var r = await f.GetAsync(Clients, "bad-token", ("X-API-VERSION", "2023-02-20"));
        Assert.Equal(401, r.Status);
        Assert.Equal(16, r.Body["code"]!.GetValue<int>());
        Assert.Equal("1003", r.Body["details"]![0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutVisState_AppliesOnlyVisStateAndDropsOtherFields()
    {
        var c = await CreateAsync(("organization", "Keep Me"));
        var r = await f.PutAsync($"{Clients}/{c["id"]}", J.Wrap("client", ("vis_state", 2), ("organization", "Dropped")));
        Assert.Equal(200, r.Status);
        Assert.Equal(2, r.Result["client"]!["vis_state"]!.GetValue<int>());
        Assert.Equal("Keep Me", r.Result["client"]!["organization"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleted_StillFetchable_ButWritesFail1011_AndRestorable()
    {
        var c = await CreateAsync(("organization", "Doomed"));
        var path = $"{Clients}/{c["id"]}";
        Assert.Equal(1, (await f.PutAsync(path, J.Wrap("client", ("vis_state", 1)))).Result["client"]!["vis_state"]!.GetValue<int>());
        Assert.Equal(1, (await f.GetAsync(path)).Result["client"]!["vis_state"]!.GetValue<int>());
        var write = await f.PutAsync(path, J.Wrap("client", ("organization", "Zombie")));
        Assert.Equal(422, write.Status);
        Assert.Equal(1011, write.FirstError["errno"]!.GetValue<int>());
        Assert.Equal(0, (await f.PutAsync(path, J.Wrap("client", ("vis_state", 0)))).Result["client"]!["vis_state"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_ExcludesDeletedIncludesArchived_UnlessAsked()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var active = await CreateAsync(("organization", "vis-" + tag + "-a"));
        var archived = await CreateAsync(("organization", "vis-" + tag + "-b"));
        var deleted = await CreateAsync(("organization", "vis-" + tag + "-c"));
        await f.PutAsync($"{Clients}/{archived["id"]}", J.Wrap("client", ("vis_state", 2)));
        await f.PutAsync($"{Clients}/{deleted["id"]}", J.Wrap("client", ("vis_state", 1)));

        var list = await f.GetAsync($"{Clients}?search[organization_like]=vis-{tag}");
        var ids = list.Result["clients"]!.AsArray().Select(c => c!["id"]!.GetValue<int>()).ToArray();
        Assert.Equal([active["id"]!.GetValue<int>(), archived["id"]!.GetValue<int>()], ids);

        var onlyDeleted = await f.GetAsync($"{Clients}?search[organization_like]=vis-{tag}&search[vis_state]=1");
        Assert.Equal(deleted["id"]!.GetValue<int>(), Assert.Single(onlyDeleted.Result["clients"]!.AsArray())!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_EmailEqualsLikeUseridsAndUnknownKeyIgnored()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var a = await CreateAsync(("organization", "Alpha " + tag), ("email", $"alpha-{tag}@example.test"));
        var b = await CreateAsync(("organization", "Beta " + tag), ("email", $"beta-{tag}@example.test"));
        var byEmail = await f.GetAsync($"{Clients}?search[email]=alpha-{tag}@example.test&search[no_such_key]=1");
        Assert.Equal(a["id"]!.GetValue<int>(), Assert.Single(byEmail.Result["clients"]!.AsArray())!["id"]!.GetValue<int>());
        var byIds = await f.GetAsync($"{Clients}?search[userids][]={a["id"]}&search[userids][]={b["id"]}");
        Assert.Equal(2, byIds.Result["total"]!.GetValue<int>());
        var sorted = await f.GetAsync($"{Clients}?search[organization_like]={tag}&sort=organization_desc");
        Assert.Equal("Beta " + tag, sorted.Result["clients"]![0]!["organization"]!.GetValue<string>());
    }

    [Fact]
    public async Task Include_OutstandingBalance_PerCurrencyArray()
    {
        var r = await f.GetAsync($"{Clients}?search[email]=ben@birch.test&include[]=outstanding_balance");
        var balance = r.Result["clients"]![0]!["outstanding_balance"]!.AsArray();
        Assert.Equal("21.94", balance[0]!["amount"]!["amount"]!.GetValue<string>());
        Assert.Equal("CAD", balance[0]!["amount"]!["code"]!.GetValue<string>());
        var without = await f.GetAsync($"{Clients}?search[email]=ben@birch.test");
        Assert.Null(without.Result["clients"]![0]!["outstanding_balance"]);
    }

    [Fact]
    public async Task Search_HasOutstandingFlag_WithoutValue()
    {
        var r = await f.GetAsync($"{Clients}?search[has_outstanding]=&per_page=100");
        var emails = r.Result["clients"]!.AsArray().Select(c => c!["email"]!.GetValue<string>()).ToList();
        Assert.Contains("ben@birch.test", emails);
        Assert.Contains("accounts@acme.test", emails);
        Assert.DoesNotContain("zoe@cafe-muenster.test", emails);
        var draft = await f.GetAsync($"{Clients}?search[has_draft]=true");
        Assert.Equal("accounts@acme.test", Assert.Single(draft.Result["clients"]!.AsArray())!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task BusinessIdInAccountingPath_Denied1003()
    {
        var r = await f.GetAsync($"accounting/account/{f.BusinessId}/users/clients");
        Assert.Equal(401, r.Status);
        Assert.Equal(1003, r.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task SecondaryBusiness_IsEmptyAndSeparate()
    {
        var r = await f.GetAsync($"accounting/account/{f.Sandbox.Data.SecondaryBusiness.AccountId}/users/clients");
        Assert.Equal(200, r.Status);
        Assert.Equal(0, r.Result["total"]!.GetValue<int>());
    }
}
