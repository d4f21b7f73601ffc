using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace Ledgerline.Http;

/// <summary>
/// The logging rule of every adapter's resilience pipeline: the app's Polly telemetry settings, with routine attempts and
/// retries moved down to Debug. One source file compiled into each adapter package (FreshBooks, Xero), so the rule reads
/// the same and the core package needs no Polly dependency.
/// </summary>
internal static class ResilienceTelemetry
{
    /// <summary>
    /// The app's Polly telemetry settings (enrichers, listeners, logger factory) with this pipeline's routine events moved
    /// down to Debug. Only these pipelines are affected: the app's own pipelines keep their settings.
    /// </summary>
    internal static TelemetryOptions Quiet(IServiceProvider services)
    {
        var shared = services.GetService<IOptions<TelemetryOptions>>()?.Value;
        var telemetry = shared is null ? new TelemetryOptions() : new TelemetryOptions(shared);
        if (telemetry.LoggerFactory is NullLoggerFactory && services.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            telemetry.LoggerFactory = loggerFactory;
        }

        var severity = telemetry.SeverityProvider;
        telemetry.SeverityProvider = args => Severity(args.Event, severity?.Invoke(args) ?? args.Event.Severity);
        return telemetry;
    }

    /// <summary>Attempts and retries are routine for an HTTP client: Debug at most. Anything else keeps its severity.</summary>
    internal static ResilienceEventSeverity Severity(ResilienceEvent resilienceEvent, ResilienceEventSeverity severity) =>
        resilienceEvent.EventName is "ExecutionAttempt" or "OnRetry" && severity > ResilienceEventSeverity.Debug
            ? ResilienceEventSeverity.Debug
            : severity;
}
