using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledgerline.FreshBooks.HealthChecks;

/// <summary>The health check over the registration's one <see cref="FreshBooksReachabilityProbe"/>.</summary>
internal sealed class FreshBooksReachabilityHealthCheck(FreshBooksReachabilityProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return probe.CheckAsync(context.Registration.FailureStatus, cancellationToken);
    }
}
