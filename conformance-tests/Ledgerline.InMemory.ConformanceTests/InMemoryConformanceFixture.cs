using Ledgerline.ConformanceTests;
using Ledgerline.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ledgerline.InMemory.ConformanceTests;

/// <summary>The InMemory provider with every capability, on a fake clock the suite moves instantly.</summary>
public class InMemoryConformanceFixture : LedgerConformanceFixture
{
    /// <summary>The clock every in-memory ledger stamps UpdatedAt from.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));

    public override string ProviderName => "InMemory";

    public override LedgerCapabilities ExpectedCapabilities => InMemoryOptions.AllCapabilities;

    public override void AddProvider(LedgerlineBuilder builder) => builder.AddInMemory();

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        base.ConfigureServices(services);
    }

    public override Task AdvanceClockAsync(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        Clock.Advance(delay);
        return Task.CompletedTask;
    }
}
