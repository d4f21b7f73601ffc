using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ledgerline.FreshBooks.Tests.Resilience;

/// <summary>
/// What an app with default logging (Information and above) sees from the adapter, over loopback against the sandbox:
/// routine attempts and retries stay at Debug, and a failed call surfaces once, as the exception thrown to the caller.
/// </summary>
public sealed class LogNoiseTests : IAsyncLifetime
{
    private readonly FakeLogCollector _logs = new();
    private SandboxLedgerFixture _fixture = null!;
    private ILedger _ledger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fixture = await SandboxLedgerFixture.StartAsync(
            services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs))));
        _ledger = await _fixture.OpenAsync();
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    private FakeLogRecord[] Records => [.. _logs.GetSnapshot()];

    private FakeLogRecord[] AtInformationOrAbove => [.. Records.Where(r => r.Level >= LogLevel.Information)];

    private FakeLogRecord[] PollyAttempts => [.. Records.Where(r => r.Category == "Polly" && r.Message.StartsWith("Execution attempt", StringComparison.Ordinal))];

    [Fact]
    public async Task ListAsync_ThreePagesOfInvoices_WritesNothingAtInformationOrAbove()
    {
        _fixture.Sandbox.Data.SeedInvoices(_fixture.AccountId, 250, linesPerInvoice: 1);
        _fixture.Sandbox.ClearRequests();
        _logs.Clear();

        var count = 0;
        await foreach (var _ in _ledger.Invoices.ListAsync(cancellationToken: Ct))
        {
            count++;
        }

        Assert.Equal(250, count);
        Assert.Empty(AtInformationOrAbove);

        // Polly still reports every attempt (one per page), at Debug, under the client's short name.
        Assert.Equal(_fixture.RequestsTo("/accounting").Count, PollyAttempts.Length);
        Assert.Equal(3, PollyAttempts.Length);
        Assert.All(PollyAttempts, r => Assert.Equal(LogLevel.Debug, r.Level));
        Assert.All(PollyAttempts, r => Assert.Contains("'Ledgerline.FreshBooks.Accounting-retry/", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_RateLimitedOnceThenServed_LogsTheRetryAtDebugOnly()
    {
        _fixture.Sandbox.Data.SeedInvoices(_fixture.AccountId, 5, linesPerInvoice: 1);
        _fixture.Sandbox.Faults.Add(FaultRule.TooManyRequests(TimeSpan.Zero, "/accounting", times: 1));
        _logs.Clear();

        var count = 0;
        await foreach (var _ in _ledger.Invoices.ListAsync(cancellationToken: Ct))
        {
            count++;
        }

        Assert.Equal(5, count);
        Assert.Empty(AtInformationOrAbove);
        Assert.Contains(Records, r => r.Category == "Polly" && r.Level == LogLevel.Debug && r.Message.Contains("OnRetry", StringComparison.Ordinal));
        Assert.Equal(2, PollyAttempts.Length);
    }

    [Fact]
    public async Task GetAsync_RateLimitedThroughEveryRetry_ThrowsAndLogsNoWarningOrStackTrace()
    {
        _fixture.Sandbox.Faults.Add(FaultRule.TooManyRequests(TimeSpan.Zero, "/accounting"));
        _logs.Clear();

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => _ledger.Contacts.GetAsync("1", Ct));

        Assert.Equal("FreshBooks", error.Provider);
        Assert.Empty(AtInformationOrAbove);
        Assert.DoesNotContain(Records, r => r.Exception is not null);

        // Ledgerline's own line for the call names the failure, once, at Debug.
        var failed = Assert.Single(Records, r => r.Category == "Ledgerline" && r.Message.Contains("failed (RateLimitedException)", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, failed.Level);
    }
}
