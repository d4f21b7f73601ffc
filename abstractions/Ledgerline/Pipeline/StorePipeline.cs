using Ledgerline.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ledgerline.Pipeline;

/// <summary>
/// The store pipeline, composed once per service provider, outermost first: logging/tracing/metrics, the guards
/// (capabilities and validation), cursor binding, then application middleware in registration order.
/// </summary>
internal sealed class StorePipeline
{
    public StorePipeline(IServiceProvider services, IEnumerable<StoreMiddlewareRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(registrations);

        // Traces and metrics cost next to nothing until something listens. Logs go to category Ledgerline when the
        // application registered logging; levels are checked per call, so filters changed at run time apply at once.
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LedgerLog.Category) ?? NullLogger.Instance;
        var validators = LedgerEntities.All.ToDictionary(e => e.Kind, e => e.ResolveValidators(services));
        Middleware =
        [
            new TelemetryMiddleware(logger, LedgerTelemetry.For(services)),
            new GuardMiddleware(validators),
            new CursorMiddleware(),
            .. registrations.Select(r => r.Create(services)),
        ];
    }

    public IReadOnlyList<StoreMiddleware> Middleware { get; }

    /// <summary>Puts <paramref name="ledger"/>'s stores behind the pipeline.</summary>
    public ILedger Wrap(ILedger ledger) => new PipelineLedger(ledger, Middleware);
}
