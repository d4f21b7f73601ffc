using Ledgerline.Connections;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledgerline.FreshBooks.Tests.HealthChecks;

/// <summary>
/// <c>AddHealthChecks().AddLedgerlineFreshBooks().AddLedgerlineConnections(…)</c> over loopback against the sandbox:
/// what each reports, and what each costs FreshBooks.
/// </summary>
public sealed class HealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SandboxLedgerFixture> StartAsync(Action<FreshBooksOptions>? configure = null) =>
        SandboxLedgerFixture.StartAsync(configure, services: s => s.AddHealthChecks()
            .AddLedgerlineFreshBooks(probeInterval: TimeSpan.FromMinutes(1))
            .AddLedgerlineConnections(["tenant-a", "tenant-b"]));

    private static async Task<HealthReportEntry> CheckAsync(SandboxLedgerFixture fixture, string name)
    {
        var report = await fixture.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == name, Ct);
        return report.Entries[name];
    }

    [Fact]
    public async Task FreshBooks_Reachable_HealthyWithOneUnauthenticatedRequestPerInterval()
    {
        await using var fixture = await StartAsync();
        fixture.Sandbox.ClearRequests();

        var first = await CheckAsync(fixture, "ledgerline-freshbooks");
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CheckAsync(fixture, "ledgerline-freshbooks")));
        var probesWithinInterval = fixture.Sandbox.Requests.Count;
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await CheckAsync(fixture, "ledgerline-freshbooks");

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Equal(200, first.Data["status_code"]);
        Assert.Equal(1, probesWithinInterval);
        Assert.Equal(HealthStatus.Healthy, later.Status);
        Assert.Equal(2, fixture.Sandbox.Requests.Count);
        Assert.All(fixture.Sandbox.Requests, r => Assert.Null(r.BearerToken));
    }

    [Fact]
    public async Task FreshBooks_Answers503_Unhealthy()
    {
        await using var fixture = await StartAsync();
        fixture.Sandbox.Faults.Add(FaultRule.ServerError(503, "/"));

        var entry = await CheckAsync(fixture, "ledgerline-freshbooks");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("503", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshBooks_NothingListening_UnhealthyAndSaysSo()
    {
        await using var fixture = await StartAsync(o => o.ApiBaseUrl = new Uri("http://127.0.0.1:9/"));

        var entry = await CheckAsync(fixture, "ledgerline-freshbooks");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("could not be reached", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_OneNeedsReauthorizationOneMissing_DegradedNamingEachWithoutAnyRequest()
    {
        await using var fixture = await StartAsync();
        await fixture.ConnectAsync(connectionId: "tenant-a");
        var store = fixture.Services.GetRequiredService<IConnectionStore>();
        var stored = (await store.GetAsync("tenant-a", Ct))!;
        await store.TryUpdateAsync(stored with { Status = ConnectionStatus.ReauthorizationRequired }, stored.Version, Ct);
        fixture.Sandbox.ClearRequests();

        var entry = await CheckAsync(fixture, "ledgerline-connections");

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal("needs reauthorization", entry.Data["tenant-a"]);
        Assert.Equal("not stored", entry.Data["tenant-b"]);
        Assert.Contains("'tenant-a' needs reauthorization", entry.Description, StringComparison.Ordinal);
        Assert.Empty(fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task Connections_AllActive_Healthy()
    {
        await using var fixture = await StartAsync();
        await fixture.ConnectAsync(connectionId: "tenant-a");
        await fixture.ConnectAsync(connectionId: "tenant-b");

        var entry = await CheckAsync(fixture, "ledgerline-connections");

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("active", entry.Data["tenant-b"]);
    }
}
