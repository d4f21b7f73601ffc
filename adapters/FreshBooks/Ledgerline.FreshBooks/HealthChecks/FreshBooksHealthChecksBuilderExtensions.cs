using Ledgerline.FreshBooks;
using Ledgerline.FreshBooks.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the FreshBooks health check: <c>services.AddHealthChecks().AddLedgerlineFreshBooks()</c>.</summary>
public static class FreshBooksHealthChecksBuilderExtensions
{
    /// <summary>The default time a probe's result is kept: one minute.</summary>
    public static readonly TimeSpan DefaultProbeInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Adds a check that FreshBooks' API (<see cref="FreshBooksOptions.ApiBaseUrl"/>, or the sandbox) answers: one
    /// unauthenticated request per <paramref name="probeInterval"/> at most, however often the check runs, so it spends no
    /// connection's rate limit; each request waits at most 5 seconds. Pair it with <c>AddLedgerlineConnections()</c>,
    /// which reports connections needing reauthorization.
    /// </summary>
    /// <param name="builder">From <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name. Default <c>ledgerline-freshbooks</c>.</param>
    /// <param name="probeInterval">How long a probe's result is kept. Default <see cref="DefaultProbeInterval"/>.</param>
    /// <param name="failureStatus">Reported when FreshBooks is unreachable or answers 5xx. Default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>ready</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddLedgerlineFreshBooks(
        this IHealthChecksBuilder builder,
        string name = "ledgerline-freshbooks",
        TimeSpan? probeInterval = null,
        HealthStatus failureStatus = HealthStatus.Unhealthy,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var interval = probeInterval ?? DefaultProbeInterval;
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero, nameof(probeInterval));

        // No retry and no request logging: one probe is one request, and its result is the check's.
        builder.Services.AddHttpClient(FreshBooksReachabilityProbe.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        builder.Services.AddOptions<FreshBooksOptions>();

        // One probe (and so one cache) per registration and service provider.
        builder.Services.AddKeyedSingleton(name, (sp, _) => new FreshBooksReachabilityProbe(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptionsMonitor<FreshBooksOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            interval));
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new FreshBooksReachabilityHealthCheck(sp.GetRequiredKeyedService<FreshBooksReachabilityProbe>(name)),
            failureStatus,
            tags));
    }
}
