using Ledgerline.Connections;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledgerline.HealthChecks;

/// <summary>
/// Reports whether the watched connections can be used: each is read from the <see cref="IConnectionStore"/> (nothing is
/// sent to a provider, so no rate limit is spent). A connection marked <see cref="ConnectionStatus.ReauthorizationRequired"/>
/// or not stored reports the registration's failure status, naming the connection; a store that cannot be read is
/// <see cref="HealthStatus.Unhealthy"/>.
/// </summary>
internal sealed class LedgerlineConnectionsHealthCheck(IConnectionStore store, IReadOnlyList<string> connectionIds) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var id in connectionIds)
        {
            LedgerConnection? connection;
            try
            {
                connection = await store.GetAsync(id, cancellationToken);
            }
            catch (ConnectionStoreException ex)
            {
                return HealthCheckResult.Unhealthy($"The connection store could not be read ({ex.Failure}).", ex);
            }

            var state = connection switch
            {
                null => "not stored",
                { Status: ConnectionStatus.ReauthorizationRequired } => "needs reauthorization",
                _ => "active",
            };
            data[id] = state;
            if (connection is not { Status: ConnectionStatus.Active })
            {
                problems.Add($"'{id}' {state}");
            }
        }

        return problems.Count == 0
            ? HealthCheckResult.Healthy($"{connectionIds.Count} connection(s) active.", data)
            : new HealthCheckResult(context.Registration.FailureStatus,
                $"Connection(s) {string.Join(", ", problems)}: the user must connect the account again.", data: data);
    }
}
