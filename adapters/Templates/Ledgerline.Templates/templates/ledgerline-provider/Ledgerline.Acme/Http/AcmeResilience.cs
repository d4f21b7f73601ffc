using System.Net;
using Ledgerline.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace Ledgerline.Acme.Http;

/// <summary>
/// The retry policy of the Acme client. Only GET, HEAD and OPTIONS are retried (on 408, 429, 5xx and transport errors),
/// waiting what <c>Retry-After</c> asks up to <see cref="AcmeOptions.MaxRetryAfter"/>. A write is sent once: repeated after
/// a lost answer it could be applied twice, so it surfaces as <see cref="OutcomeUnknownException"/> instead.
/// </summary>
internal static class AcmeResilience
{
    /// <summary>The pipeline's name within the client.</summary>
    public const string PipelineName = "Ledgerline.Acme";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var options = services.GetRequiredService<IOptionsMonitor<AcmeOptions>>();
        builder.TimeProvider = timeProvider;
        builder.ConfigureTelemetry(QuietTelemetry(services));
        if (options.CurrentValue.MaxRetries <= 0)
        {
            return;
        }

        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.CurrentValue.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(10),
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage(), args.Outcome, options.CurrentValue.MaxRetryAfter, timeProvider.GetUtcNow())),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? RetryAfterHeader.Wait(response.Headers, timeProvider.GetUtcNow()) : null),
        });
    }

    /// <summary>Whether an attempt's outcome is retried: safe methods only, and a 429 only when its wait is acceptable.</summary>
    public static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, DateTimeOffset now)
    {
        var method = request?.Method ?? outcome.Result?.RequestMessage?.Method;
        if (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return RetryAfterHeader.Wait(response.Headers, now) is not { } wait || wait <= maxRetryAfter;
        }

        return response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
    }

    /// <summary>
    /// The app's Polly telemetry with routine attempts and retries moved down to Debug: an app with default logging sees
    /// nothing per request, and a failed call is thrown to the caller rather than logged as a warning.
    /// </summary>
    private static TelemetryOptions QuietTelemetry(IServiceProvider services)
    {
        var shared = services.GetService<IOptions<TelemetryOptions>>()?.Value;
        var telemetry = shared is null ? new TelemetryOptions() : new TelemetryOptions(shared);
        if (telemetry.LoggerFactory is NullLoggerFactory && services.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            telemetry.LoggerFactory = loggerFactory;
        }

        var severity = telemetry.SeverityProvider;
        telemetry.SeverityProvider = args =>
        {
            var chosen = severity?.Invoke(args) ?? args.Event.Severity;
            return args.Event.EventName is "ExecutionAttempt" or "OnRetry" && chosen > ResilienceEventSeverity.Debug ? ResilienceEventSeverity.Debug : chosen;
        };
        return telemetry;
    }
}
