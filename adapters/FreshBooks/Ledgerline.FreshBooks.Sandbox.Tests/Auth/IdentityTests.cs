using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Auth;

public sealed class IdentityTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Me_ReturnsIdentityWithTwoBusinessMemberships()
    {
        var r = await f.GetAsync("auth/api/v1/users/me");
        Assert.Equal(200, r.Status);
        var me = r.Body["response"]!;
        Assert.Null(r.Body["response"]!["result"]);
        Assert.Equal(f.Sandbox.Data.Identity.Id, me["id"]!.GetValue<int>());
        Assert.Equal("sandy@ledgerline.test", me["email"]!.GetValue<string>());
        var memberships = me["business_memberships"]!.AsArray();
        Assert.Equal(2, memberships.Count);
        Assert.Equal("owner", memberships[0]!["role"]!.GetValue<string>());
        Assert.Equal("business_manager", memberships[1]!["role"]!.GetValue<string>());
        Assert.Equal(f.AccountId, memberships[0]!["business"]!["account_id"]!.GetValue<string>());
        Assert.Equal(f.BusinessId, memberships[0]!["business"]!["id"]!.GetValue<int>());
        Assert.NotEqual(memberships[0]!["id"]!.GetValue<int>(), memberships[0]!["business"]!["id"]!.GetValue<int>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", me["created_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_WithoutToken_UnauthenticatedBody()
    {
        using var response = await f.Http.GetAsync("auth/api/v1/users/me", TestContext.Current.CancellationToken);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(
            """{"error":"unauthenticated","error_description":"This action requires authentication to continue."}""",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Me_WithBadToken_InvalidTokenBody()
    {
        var r = await f.GetAsync("auth/api/v1/users/me", "not-a-token");
        Assert.Equal(401, r.Status);
        Assert.Equal("invalid_token", r.Body["error"]!.GetValue<string>());
        Assert.Equal("unauthorized", r.Body["state"]!.GetValue<string>());
    }
}
