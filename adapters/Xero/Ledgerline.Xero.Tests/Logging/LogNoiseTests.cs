using Ledgerline.Xero.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ledgerline.Xero.Tests.Logging;

/// <summary>Routine HTTP work is Debug: a listing that works logs nothing at Information or above.</summary>
public sealed class LogNoiseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_WorkingCalls_LogNothingAtInformationOrAbove()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(services: s =>
            s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)).AddFakeLogging());
        var ledger = await fixture.OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await ledger.Contacts.CreateAsync(new NewContact { Organization = $"Quiet {i}" }, Ct);
        }

        var listed = await ledger.Contacts.ListAsync(new ContactQuery(), Ct).ToListAsync(Ct);

        Assert.Equal(3, listed.Count);
        var logs = fixture.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Category != null && r.Category.StartsWith("Polly", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, r => r.Level >= LogLevel.Information);
    }

    [Fact]
    public async Task ResiliencePipelines_LogUnderTheClientsShortName()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(services: s =>
            s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)).AddFakeLogging());
        var ledger = await fixture.OpenAsync();

        await ledger.Contacts.ListPageAsync(null, null, Ct);
        await ledger.TaxRates.ListPageAsync(null, null, Ct);

        var attempts = fixture.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Category == "Polly" && r.Message.StartsWith("Execution attempt", StringComparison.Ordinal)).ToArray();
        Assert.Contains(attempts, r => r.Message.Contains("'Ledgerline.Xero.Accounting-retry/", StringComparison.Ordinal));
        Assert.Contains(attempts, r => r.Message.Contains("'Ledgerline.Xero.Settings-retry/", StringComparison.Ordinal));
        Assert.DoesNotContain(attempts, r => r.Message.Contains("Refit.Implementation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenRefresh_IsRoutine_LoggedAtDebug()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(services: s =>
            s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)).AddFakeLogging());
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(31));

        await ledger.Contacts.ListPageAsync(null, null, Ct);

        var logs = fixture.Services.GetFakeLogCollector().GetSnapshot();
        var refreshed = Assert.Single(logs, r => r.Message.StartsWith("Refreshed Xero tokens", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, refreshed.Level);
        Assert.DoesNotContain(logs, r => r.Level >= LogLevel.Information);
    }
}
