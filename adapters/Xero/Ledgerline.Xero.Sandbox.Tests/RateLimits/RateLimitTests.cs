using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.RateLimits;

public sealed class RateLimitTests(RateLimitTests.Fixture f) : IClassFixture<RateLimitTests.Fixture>
{
    /// <summary>Limits on, as Xero enforces them.</summary>
    public sealed class Fixture : SandboxFixture
    {
        protected override XeroSandboxOptions CreateOptions() => new();
    }

    private static string Api(string path) => SandboxFixture.Api(path);

    private static string Header(ApiResponse r, string name) => r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : "";

    [Fact]
    public async Task EveryApiResponse_CarriesRemainingCounters()
    {
        f.Sandbox.ResetRateLimits();
        var first = await f.GetAsync(Api("Contacts"));
        Assert.Equal("4999", Header(first, "X-DayLimit-Remaining"));
        Assert.Equal("59", Header(first, "X-MinLimit-Remaining"));
        Assert.Equal("9999", Header(first, "X-AppMinLimit-Remaining"));
        var second = await f.GetAsync(Api("Invoices"));
        Assert.Equal("58", Header(second, "X-MinLimit-Remaining"));
        // Counted per tenant: the other organisation has its own windows; the app window is shared.
        var other = await f.GetAsync(Api("Invoices"), tenant: f.Sandbox.SecondaryTenant.TenantId.ToString());
        Assert.Equal("59", Header(other, "X-MinLimit-Remaining"));
        Assert.Equal("9997", Header(other, "X-AppMinLimit-Remaining"));
    }

    [Fact]
    public async Task MinuteLimit_429WithProblemAndRetryAfter_ThenResets()
    {
        f.Sandbox.ResetRateLimits();
        f.Sandbox.RateLimits.PerMinute = 3;
        try
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(200, (await f.GetAsync(Api("Contacts"))).Status);
            }

            f.Sandbox.Clock.Advance(TimeSpan.FromSeconds(20));
            var limited = await f.GetAsync(Api("Contacts"));
            Assert.Equal(429, limited.Status);
            Assert.Equal("minute", Header(limited, "X-Rate-Limit-Problem"));
            Assert.InRange(int.Parse(Header(limited, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture), 39, 41);
            Assert.Equal("0", Header(limited, "X-MinLimit-Remaining"));
            Assert.Equal("", limited.Raw);

            f.Sandbox.Clock.Advance(TimeSpan.FromSeconds(41));
            Assert.Equal(200, (await f.GetAsync(Api("Contacts"))).Status);
        }
        finally
        {
            f.Sandbox.RateLimits.PerMinute = 60;
        }
    }

    [Fact]
    public async Task DayLimit_429Day()
    {
        f.Sandbox.ResetRateLimits();
        f.Sandbox.RateLimits.PerDay = 2;
        try
        {
            await f.GetAsync(Api("Contacts"));
            await f.GetAsync(Api("Contacts"));
            var limited = await f.GetAsync(Api("Contacts"));
            Assert.Equal(429, limited.Status);
            Assert.Equal("day", Header(limited, "X-Rate-Limit-Problem"));
            Assert.True(int.Parse(Header(limited, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture) > 80_000);
            // Identity and connections are outside the tenant limits.
            Assert.Equal(200, (await f.GetAsync("connections", tenant: "")).Status);
        }
        finally
        {
            f.Sandbox.RateLimits.PerDay = 5000;
        }
    }

    [Fact]
    public async Task Disabled_NeverRefuses_ButStillCounts()
    {
        f.Sandbox.ResetRateLimits();
        f.Sandbox.RateLimits.PerMinute = 1;
        f.Sandbox.RateLimits.Enabled = false;
        try
        {
            await f.GetAsync(Api("Contacts"));
            var second = await f.GetAsync(Api("Contacts"));
            Assert.Equal(200, second.Status);
            Assert.Equal("0", Header(second, "X-MinLimit-Remaining"));
        }
        finally
        {
            f.Sandbox.RateLimits.PerMinute = 60;
            f.Sandbox.RateLimits.Enabled = true;
        }
    }

    [Fact]
    public async Task ConcurrentLimit_429ConcurrentWithoutRetryAfter()
    {
        f.Sandbox.ResetRateLimits();
        f.Sandbox.RateLimits.Concurrent = 0;
        try
        {
            var limited = await f.GetAsync(Api("Contacts"));
            Assert.Equal(429, limited.Status);
            Assert.Equal("concurrent", Header(limited, "X-Rate-Limit-Problem"));
            Assert.Equal("", Header(limited, "Retry-After"));
        }
        finally
        {
            f.Sandbox.RateLimits.Concurrent = 5;
        }
    }
}
