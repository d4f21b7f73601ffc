using Ledgerline;
using Ledgerline.Connections;
using Ledgerline.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Ledgerline's health checks: <c>services.AddHealthChecks().AddLedgerlineConnections()</c>.</summary>
public static class LedgerlineHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that the given connections are stored and usable: one needing reauthorization (the provider refused
    /// its grant) or missing reports <paramref name="failureStatus"/> (default <see cref="HealthStatus.Degraded"/>: the
    /// app runs, that tenant's calls fail until the user connects again). It reads only the connection store, never the
    /// provider.
    /// </summary>
    /// <param name="builder">From <c>services.AddHealthChecks()</c>.</param>
    /// <param name="connectionIds">
    /// The connections to watch; none watches <see cref="LedgerlineOptions.DefaultConnectionId"/> (the connection behind
    /// injected stores).
    /// </param>
    /// <param name="name">The check's name. Default <c>ledgerline-connections</c>.</param>
    /// <param name="failureStatus">Reported for a connection that cannot be used. Default <see cref="HealthStatus.Degraded"/>.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>ready</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddLedgerlineConnections(
        this IHealthChecksBuilder builder,
        IEnumerable<string>? connectionIds = null,
        string name = "ledgerline-connections",
        HealthStatus failureStatus = HealthStatus.Degraded,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var ids = connectionIds?.ToArray();
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new LedgerlineConnectionsHealthCheck(
                sp.GetRequiredService<IConnectionStore>(),
                ids is { Length: > 0 } ? ids : [sp.GetRequiredService<IOptions<LedgerlineOptions>>().Value.DefaultConnectionId]),
            failureStatus,
            tags));
    }
}
