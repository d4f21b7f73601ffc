using System.Net;
using Ledgerline.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Ledgerline.Xero.Http;

/// <summary>
/// The resilience pipeline of the adapter's HTTP clients: retries (outer) around a per-attempt timeout
/// (<see cref="XeroOptions.RequestTimeout"/>).
/// </summary>
/// <remarks>
/// Only GET, HEAD and OPTIONS are retried (on 408, 429, 5xx and transport errors), waiting what <c>Retry-After</c> asks
/// (Xero sends it with its minute and day limits). Every write (PUT, POST, DELETE) is sent once: a write repeated after a
/// lost answer could be applied twice, so it surfaces as "outcome unknown" instead. A 429 whose <c>Retry-After</c> exceeds
/// <see cref="XeroOptions.MaxRetryAfter"/> (Xero's day limit asks for hours) is returned at once, so the caller gets
/// <see cref="RateLimitedException"/> with the wait and the limit instead of a sleeping thread.
/// <para>
/// Logging: each pipeline is named after its client (<c>Ledgerline.Xero.Accounting-retry</c>, …), and its routine events
/// — every attempt and every retry — are logged at Debug.
/// </para>
/// </remarks>
internal static class XeroResilience
{
    /// <summary>The pipeline's name within each client; Polly reports it as <c>{client name}-retry</c>.</summary>
    public const string PipelineName = "retry";

    /// <summary>The first backoff delay when the server gives no <c>Retry-After</c>; doubles per attempt, with jitter.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff between attempts when the server gives no <c>Retry-After</c>.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var timeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<XeroOptions>>();
        var settings = options.CurrentValue;
        builder.TimeProvider = timeProvider;

        // Routine attempts and retries log at Debug; a failed call is thrown to the caller, not logged as a warning.
        builder.ConfigureTelemetry(ResilienceTelemetry.Quiet(context.ServiceProvider));
        if (settings.MaxRetries > 0)
        {
            AddRetry(builder, options, timeProvider);
        }

        // Inside the retry, so each attempt gets the whole timeout; a timed-out attempt is a TimeoutRejectedException,
        // which the retry treats as transient for safe methods and the error table as a lost answer.
        builder.AddTimeout(settings.RequestTimeout);
    }

    private static void AddRetry(ResiliencePipelineBuilder<HttpResponseMessage> builder, IOptionsMonitor<XeroOptions> options, TimeProvider timeProvider) =>
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.CurrentValue.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = BaseDelay,
            MaxDelay = MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(
                ShouldRetry(args.Context.GetRequestMessage(), args.Outcome, options.CurrentValue.MaxRetryAfter, timeProvider.GetUtcNow())),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? RetryAfterHeader.Wait(response.Headers, timeProvider.GetUtcNow()) : null),
        });

    /// <summary>Whether an attempt's outcome should be retried.</summary>
    public static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, DateTimeOffset now)
    {
        var method = request?.Method ?? outcome.Result?.RequestMessage?.Method;
        if (method is null || (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options))
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return RetryAfterHeader.Wait(response.Headers, now) is not { } wait || wait <= maxRetryAfter;
        }

        return response.StatusCode is HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
    }
}
