using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Faults;

public sealed class FaultTests : IAsyncLifetime
{
    private SandboxFixture _f = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new SandboxFixture();
        await _f.InitializeAsync();
    }

    public ValueTask DisposeAsync() => _f.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> RawGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _f.Token);
        return await _f.Http.SendAsync(request, Ct);
    }

    private string Clients => _f.Accounting("users/clients");

    [Fact]
    public async Task Latency_DelaysMatchingRequestsOnly()
    {
        _f.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(300), "/accounting");
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await _f.GetAsync(Clients)).Status);
        Assert.True(watch.ElapsedMilliseconds >= 280, $"took {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        Assert.Equal(200, (await _f.GetAsync("auth/api/v1/users/me")).Status);
        Assert.True(watch.ElapsedMilliseconds < 280, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task TooManyRequests_WithAndWithoutRetryAfter_ThenExpires()
    {
        _f.Sandbox.Faults.AddTooManyRequests(TimeSpan.FromSeconds(3), "/accounting", times: 1);
        _f.Sandbox.Faults.AddTooManyRequests(null, "/accounting", times: 1);
        using (var first = await RawGetAsync(Clients))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter!.Delta);
        }

        using (var second = await RawGetAsync(Clients))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Null(second.Headers.RetryAfter);
            Assert.Equal("""{"message":"Too Many Requests"}""", await second.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(200, (await _f.GetAsync(Clients)).Status);
    }

    [Fact]
    public async Task RateBudget_ExcessGets429WithRetryAfter()
    {
        _f.Sandbox.Faults.Add(FaultRule.RateLimit(2, "/accounting"));
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            using var r = await RawGetAsync(Clients);
            statuses.Add((int)r.StatusCode);
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(r.Headers.RetryAfter);
            }
        }

        Assert.Equal(200, statuses[0]);
        Assert.Contains(429, statuses);
        _f.Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(200, (await _f.GetAsync(Clients)).Status);
    }

    [Fact]
    public async Task ServerErrors_503IsHtml_500IsAccountingJson()
    {
        _f.Sandbox.Faults.AddServerError(503, "/accounting", times: 1);
        using (var r = await RawGetAsync(Clients))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            Assert.Equal("text/html", r.Content.Headers.ContentType!.MediaType);
        }

        _f.Sandbox.Faults.AddServerError(500, "/accounting", times: 1);
        var json = await _f.GetAsync(Clients);
        Assert.Equal(500, json.Status);
        Assert.Equal(500, json.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task MalformedBody_IsInvalidJsonWith200()
    {
        _f.Sandbox.Faults.Add(FaultRule.Malformed("/accounting", times: 1));
        using var r = await RawGetAsync(Clients);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var text = await r.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("{\"response\"", text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task TruncatedBody_ClientSeesIncompleteResponse()
    {
        _f.Sandbox.Faults.Add(FaultRule.Truncate("/accounting", times: 1));
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var r = await RawGetAsync(Clients);
            await r.Content.ReadAsStringAsync(Ct);
        });
        Assert.Equal(200, (await _f.GetAsync(Clients)).Status);
    }

    [Fact]
    public async Task DropConnection_ThrowsHttpRequestExceptionAndIsLoggedAsZero()
    {
        _f.Sandbox.Faults.Add(FaultRule.Drop("/accounting", times: 1));
        _f.Sandbox.ClearRequests();
        await Assert.ThrowsAsync<HttpRequestException>(() => RawGetAsync(Clients));
        // The server finishes its log entry just after the client sees the reset.
        for (var i = 0; i < 100 && _f.Sandbox.Requests.Count == 0; i++)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(0, Assert.Single(_f.Sandbox.Requests).StatusCode);
    }

    [Fact]
    public async Task IgnorePage_AnswersPageOneWhateverIsAsked()
    {
        var second = (await _f.GetAsync(Clients + "?page=2&per_page=3")).Body["response"]!["result"]!;
        _f.Sandbox.Faults.Add(FaultRule.IgnorePage("/accounting", times: 1));

        var ignored = (await _f.GetAsync(Clients + "?page=2&per_page=3")).Body["response"]!["result"]!;
        var first = (await _f.GetAsync(Clients + "?page=1&per_page=3")).Body["response"]!["result"]!;

        Assert.Equal(2, second["page"]!.GetValue<int>());
        Assert.Equal(1, ignored["page"]!.GetValue<int>());
        Assert.Equal(3, ignored["per_page"]!.GetValue<int>());
        Assert.Equal(first["clients"]!.ToJsonString(), ignored["clients"]!.ToJsonString());
        Assert.NotEqual(second["clients"]!.ToJsonString(), ignored["clients"]!.ToJsonString());
    }

    [Fact]
    public async Task FalseCounters_ReplaceAccountingAndMetaCountersOnly()
    {
        var truth = (await _f.GetAsync(Clients + "?per_page=3")).Body["response"]!["result"]!;
        _f.Sandbox.Faults.Add(FaultRule.FalseCounters(pages: -1, total: 1000, pathPrefix: "/accounting", times: 1));
        _f.Sandbox.Faults.Add(FaultRule.FalseCounters(pages: 1_000_000_000, pathPrefix: "/projects", times: 1));

        var lying = (await _f.GetAsync(Clients + "?per_page=3")).Body["response"]!["result"]!;
        var meta = (await _f.GetAsync($"projects/business/{_f.BusinessId}/projects")).Body["meta"]!;

        Assert.Equal(-1, lying["pages"]!.GetValue<int>());
        Assert.Equal(1000, lying["total"]!.GetValue<int>());
        Assert.Equal(truth["clients"]!.ToJsonString(), lying["clients"]!.ToJsonString());
        Assert.Equal(truth["page"]!.GetValue<int>(), lying["page"]!.GetValue<int>());
        Assert.Equal(1_000_000_000, meta["pages"]!.GetValue<int>());
        Assert.Equal(200, (await _f.GetAsync(Clients)).Status);
    }

    [Fact]
    public async Task GlobalRule_AppliesEverywhere_AndClearRemoves()
    {
        var id = _f.Sandbox.Faults.AddServerError(502);
        Assert.Equal(502, (await _f.GetAsync("auth/api/v1/users/me")).Status);
        Assert.True(_f.Sandbox.Faults.Remove(id));
        _f.Sandbox.Faults.AddServerError(504);
        _f.Sandbox.Faults.Clear();
        Assert.Equal(200, (await _f.GetAsync("auth/api/v1/users/me")).Status);
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("0", "0")]
    [InlineData("31622401", "31622401")]
    [InlineData("soon", "\"soon\"")]
    public async Task TokenLifetime_RewritesTheNextTokenAnswersExpiresInOnly(string value, string? sent)
    {
        _f.Sandbox.Faults.Add(FaultRule.Parse($"expires-in:{value}@/_sandbox/tokens#1"));

        using var faulty = await _f.Http.PostAsync("_sandbox/tokens", content: null, Ct);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await faulty.Content.ReadAsStringAsync(Ct))!.AsObject();
        using var next = await _f.Http.PostAsync("_sandbox/tokens", content: null, Ct);
        var untouched = System.Text.Json.Nodes.JsonNode.Parse(await next.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, faulty.StatusCode);
        Assert.Equal(sent, body["expires_in"]?.ToJsonString());
        Assert.False(string.IsNullOrEmpty(body["access_token"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(body["refresh_token"]!.GetValue<string>()));
        Assert.Equal(43200, untouched["expires_in"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("expires-in:none@/auth/oauth/token#1", FaultKind.TokenLifetime, "/auth/oauth/token")]
    [InlineData("latency:250ms", FaultKind.Latency, null)]
    [InlineData("429:2@/accounting", FaultKind.TooManyRequests, "/accounting")]
    [InlineData("rps:5", FaultKind.RateBudget, null)]
    [InlineData("503@/projects#2", FaultKind.ServerError, "/projects")]
    [InlineData("truncate", FaultKind.TruncatedBody, null)]
    [InlineData("malformed~0.5", FaultKind.MalformedBody, null)]
    [InlineData("drop", FaultKind.DropConnection, null)]
    [InlineData("ignore-page@/timetracking", FaultKind.IgnorePage, "/timetracking")]
    [InlineData("pages:-1@/accounting#1", FaultKind.FalseCounters, "/accounting")]
    [InlineData("total:5", FaultKind.FalseCounters, null)]
    public void Parse_CommandLineSpecs(string spec, FaultKind kind, string? prefix)
    {
        var rule = FaultRule.Parse(spec);
        Assert.Equal(kind, rule.Kind);
        Assert.Equal(prefix, rule.PathPrefix);
    }

    [Fact]
    public void Parse_Details()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), FaultRule.Parse("latency:250ms").Latency);
        Assert.Equal(TimeSpan.FromSeconds(2), FaultRule.Parse("429:2").RetryAfter);
        Assert.Equal(2, FaultRule.Parse("503#2").Times);
        Assert.Equal((-1, (int?)null), (FaultRule.Parse("pages:-1").Pages!.Value, FaultRule.Parse("pages:-1").Total));
        Assert.Equal(1_000_000_000, FaultRule.Parse("total:1000000000").Total);
        Assert.Null(FaultRule.Parse("expires-in:none").ExpiresIn);
        Assert.Equal("-1", FaultRule.Parse("expires-in:-1").ExpiresIn);
        Assert.Throws<ArgumentException>(() => FaultRule.Parse("expires-in"));
        Assert.Throws<ArgumentException>(() => FaultRule.Parse("pages:many"));
        Assert.Throws<ArgumentException>(() => FaultRule.Parse("explode"));
    }

    [Fact]
    public async Task FaultsFromOptions_ActiveAtStart()
    {
        var options = SandboxOptions.FromCommandLine(["--fault", "503@/accounting#1", "--quiet", "--seed-clients", "5"]);
        await using var sandbox = await FreshBooksSandbox.StartAsync(options, Ct);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.IssueTokens().AccessToken);
        var path = $"accounting/account/{sandbox.Data.PrimaryBusiness.AccountId}/users/clients";
        using (var first = await http.GetAsync(path, Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        }

        using var second = await http.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("\"total\":8", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
