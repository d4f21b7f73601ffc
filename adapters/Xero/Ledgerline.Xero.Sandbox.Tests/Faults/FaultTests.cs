using System.Diagnostics;
using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Faults;

public sealed class FaultTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    [Fact]
    public async Task TooManyRequests_XeroHeaders_ForTheNextTimesOnly()
    {
        f.Sandbox.Faults.Clear();
        f.Sandbox.Faults.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(2), "/api.xro/2.0/Invoices", times: 2));
        var first = await f.GetAsync(Api("Invoices"));
        Assert.Equal(429, first.Status);
        Assert.Equal("minute", string.Join(",", first.Headers.GetValues("X-Rate-Limit-Problem")));
        Assert.Equal("2", string.Join(",", first.Headers.GetValues("Retry-After")));
        Assert.Equal(200, (await f.GetAsync(Api("Contacts"))).Status);
        Assert.Equal(429, (await f.GetAsync(Api("Invoices"))).Status);
        Assert.Equal(200, (await f.GetAsync(Api("Invoices"))).Status);
    }

    [Theory]
    [InlineData(500, "text/plain", "An error occurred in Xero.")]
    [InlineData(503, "text/plain", "The Xero API is currently offline for maintenance")]
    [InlineData(502, "text/html", "<html>")]
    public async Task ServerErrors_AsXeroAndGatewaysSendThem(int status, string type, string start)
    {
        f.Sandbox.Faults.Clear();
        f.Sandbox.Faults.AddServerError(status, "/api.xro", times: 1);
        var r = await f.GetAsync(Api("Contacts"));
        Assert.Equal(status, r.Status);
        Assert.Equal(type, r.ContentType);
        Assert.StartsWith(start, r.Raw, StringComparison.Ordinal);
        Assert.Equal(200, (await f.GetAsync(Api("Contacts"))).Status);
    }

    [Fact]
    public async Task Malformed_200WithHalfTheJson()
    {
        f.Sandbox.Faults.Clear();
        f.Sandbox.Faults.Add(FaultRule.Malformed("/api.xro", times: 1));
        using var request = new HttpRequestMessage(HttpMethod.Get, Api("Contacts"));
        request.Headers.Authorization = new("Bearer", f.Token);
        request.Headers.Add("xero-tenant-id", f.Tenant);
        using var response = await f.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(text));
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("truncate")]
    public async Task DropAndTruncate_FailTheClient_AndAreLoggedAsZero(string kind)
    {
        f.Sandbox.Faults.Clear();
        f.Sandbox.ClearRequests();
        f.Sandbox.Faults.Add(FaultRule.Parse($"{kind}@/api.xro#1"));
        using var request = new HttpRequestMessage(HttpMethod.Get, Api("Contacts"));
        request.Headers.Authorization = new("Bearer", f.Token);
        request.Headers.Add("xero-tenant-id", f.Tenant);
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await f.Http.SendAsync(request, TestContext.Current.CancellationToken);
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        });
        Assert.Contains(f.Sandbox.Requests, r => r.StatusCode == 0);
    }

    [Fact]
    public async Task Latency_DelaysTheAnswer()
    {
        f.Sandbox.Faults.Clear();
        f.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(300), "/api.xro/2.0/TaxRates");
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await f.GetAsync(Api("TaxRates"))).Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), watch.Elapsed.ToString());
        f.Sandbox.Faults.Clear();
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("-1", "-1")]
    [InlineData("soon", "\"soon\"")]
    public async Task TokenLifetime_RewritesTheNextTokenAnswersExpiresInOnly(string value, string? sent)
    {
        f.Sandbox.Faults.Clear();
        f.Sandbox.Faults.Add(FaultRule.Parse($"expires-in:{value}@/_sandbox/tokens#1"));
        var ct = TestContext.Current.CancellationToken;

        using var faulty = await f.Http.PostAsync("_sandbox/tokens", content: null, ct);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await faulty.Content.ReadAsStringAsync(ct))!.AsObject();
        using var next = await f.Http.PostAsync("_sandbox/tokens", content: null, ct);
        var untouched = System.Text.Json.Nodes.JsonNode.Parse(await next.Content.ReadAsStringAsync(ct))!;

        Assert.Equal(200, (int)faulty.StatusCode);
        Assert.Equal(sent, body["expires_in"]?.ToJsonString());
        Assert.False(string.IsNullOrEmpty(body["access_token"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(body["refresh_token"]!.GetValue<string>()));
        Assert.InRange(untouched["expires_in"]!.GetValue<long>(), 1, 1800);
    }

    [Fact]
    public void Parse_Specs()
    {
        var r = FaultRule.Parse("503@/api.xro#2~0.5");
        Assert.Equal((FaultKind.ServerError, 503, "/api.xro", 2, 0.5), (r.Kind, r.StatusCode, r.PathPrefix, r.Times, r.Probability));
        Assert.Equal(TimeSpan.FromMilliseconds(250), FaultRule.Parse("latency:250ms").Latency);
        var day = FaultRule.Parse("429day:3600");
        Assert.Equal(("day", TimeSpan.FromHours(1)), (day.RateLimitProblem, day.RetryAfter!.Value));
        Assert.Null(FaultRule.Parse("429").RetryAfter);
        Assert.Throws<ArgumentException>(() => FaultRule.Parse("teapot"));
        Assert.Throws<ArgumentException>(() => FaultRule.Parse("latency"));
        Assert.Throws<ArgumentException>(() => FaultRule.Parse("503#0"));
        Assert.Throws<ArgumentException>(() => FaultRule.Parse("503~2"));
        var lifetime = FaultRule.Parse("expires-in:none@/connect/token#1");
        Assert.Equal((FaultKind.TokenLifetime, (string?)null, "/connect/token", 1), (lifetime.Kind, lifetime.ExpiresIn, lifetime.PathPrefix, lifetime.Times));
        Assert.Equal("0", FaultRule.Parse("expires-in:0").ExpiresIn);
        Assert.Throws<ArgumentException>(() => FaultRule.Parse("expires-in"));
        var options = XeroSandboxOptions.FromCommandLine(["--fault", "drop@/connect#1", "--fault=latency:1s"]);
        Assert.Equal([FaultKind.DropConnection, FaultKind.Latency], options.Faults.Select(x => x.Kind));
    }
}
