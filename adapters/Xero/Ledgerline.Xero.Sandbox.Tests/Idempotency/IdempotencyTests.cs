using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Idempotency;

public sealed class IdempotencyTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private Task<ApiResponse> PutAsync(string key, object body, string path = "Contacts") =>
        f.SendAsync(HttpMethod.Put, Api(path), body, null, null, [("Idempotency-Key", key)]);

    private async Task<int> CountAsync(string name) =>
        (await f.GetAsync(Api("Contacts?where=" + Uri.EscapeDataString($"Name==\"{name}\"")))).Body["Contacts"]!.AsArray().Count;

    [Fact]
    public async Task SameKeySameRequest_ReplaysWithoutCreatingTwice()
    {
        var body = J.Batch("Contacts", J.Obj(("Name", "Idempotent Co")));
        var first = await PutAsync("key-1", body);
        var second = await PutAsync("key-1", body);
        Assert.Equal(200, second.Status);
        Assert.Equal(first.Raw, second.Raw);
        Assert.Equal(1, await CountAsync("Idempotent Co"));

        // Without the key, the same body is a new request (and here a duplicate name).
        Assert.Equal(400, (await f.PutAsync(Api("Contacts"), body)).Status);
    }

    [Fact]
    public async Task SameKeyDifferentRequest_409()
    {
        await PutAsync("key-2", J.Batch("Contacts", J.Obj(("Name", "Key Two A"))));
        var other = await PutAsync("key-2", J.Batch("Contacts", J.Obj(("Name", "Key Two B"))));
        Assert.Equal(409, other.Status);
        Assert.Equal(0, await CountAsync("Key Two B"));
    }

    [Fact]
    public async Task ValidationFailure_IsReplayedToo_KeysArePerTenant_AndExpire()
    {
        var bad = J.Batch("Contacts", J.Obj(("Name", "")));
        var first = await PutAsync("key-3", bad);
        Assert.Equal(400, first.Status);
        Assert.Equal(first.Raw, (await PutAsync("key-3", bad)).Raw);

        var body = J.Batch("Contacts", J.Obj(("Name", "Per Tenant Key")));
        Assert.Equal(200, (await PutAsync("key-4", body)).Status);
        var au = await f.SendAsync(HttpMethod.Put, Api("Contacts"), body, null, f.Sandbox.SecondaryTenant.TenantId.ToString(), [("Idempotency-Key", "key-4")]);
        Assert.Equal(200, au.Status);
        Assert.Equal(1, await CountAsync("Per Tenant Key"));

        var day = TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1);
        f.Sandbox.Clock.Advance(day);
        try
        {
            var token = f.Sandbox.IssueTokens().AccessToken;
            var late = await f.SendAsync(HttpMethod.Put, Api("Contacts"), body, token, null, [("Idempotency-Key", "key-4")]);
            Assert.Equal(400, late.Status); // ran again: the name is now taken
        }
        finally
        {
            // Back again, so the class's other tests keep their access token.
            f.Sandbox.Clock.Advance(-day);
        }
    }

    [Fact]
    public async Task KeyLongerThan128_400_GetsIgnoreTheKey()
    {
        var r = await PutAsync(new string('k', 129), J.Batch("Contacts", J.Obj(("Name", "Long Key"))));
        Assert.Equal(400, r.Status);
        Assert.Equal(0, await CountAsync("Long Key"));
        var get = await f.GetAsync(Api("Contacts"), headers: ("Idempotency-Key", "read"));
        Assert.Equal(200, get.Status);
    }
}
