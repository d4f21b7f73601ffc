using System.Net;
using Ledgerline.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;
using Polly.Timeout;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// The resilience pipeline of the adapter's HTTP clients: retries (outer) around a per-attempt timeout
/// (<see cref="FreshBooksOptions.RequestTimeout"/>).
/// </summary>
/// <remarks>
/// Only GET, HEAD and OPTIONS are retried (on 408, 429, 5xx and transport errors). Every write (POST, PUT, DELETE, PATCH)
/// is sent once: FreshBooks offers no idempotency key, a POST repeated after a lost answer creates a duplicate, and a PUT
/// is not safe to assume idempotent either (a PUT that changes <c>vis_state</c>, or records a payment-driven status,
/// can race with another writer between attempts), so a failed write surfaces to the adapter as "outcome unknown"
/// rather than being repeated blindly. A 429 whose <c>Retry-After</c> exceeds <see cref="FreshBooksOptions.MaxRetryAfter"/>
/// is returned at once, so the adapter reports <see cref="RateLimitedException"/> with the wait instead of sleeping.
/// <para>
/// Logging: each pipeline is named after its client (<c>Ledgerline.FreshBooks.Accounting-retry</c>, …), and its routine
/// events — every attempt and every retry — are logged at Debug instead of Polly's Information/Warning, so a listing of
/// any size writes nothing at Information. A call that still fails is thrown to the caller as a Ledgerline exception,
/// which is the one place it surfaces; metrics and traces keep every event.
/// </para>
/// </remarks>
internal static class FreshBooksResilience
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
        var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<FreshBooksOptions>>();
        var settings = options.CurrentValue;
        builder.TimeProvider = timeProvider;
        builder.ConfigureTelemetry(ResilienceTelemetry.Quiet(context.ServiceProvider));
        if (settings.MaxRetries > 0)
        {
            AddRetry(builder, settings, options, timeProvider);
        }

        // Inside the retry, so each attempt gets the whole timeout; a timed-out attempt is a TimeoutRejectedException,
        // which the retry treats as transient for safe methods and the error table as a lost answer.
        builder.AddTimeout(settings.RequestTimeout);
    }

    private static void AddRetry(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, FreshBooksOptions settings, IOptionsMonitor<FreshBooksOptions> options, TimeProvider timeProvider) =>
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = settings.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = BaseDelay,
            MaxDelay = MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(
                ShouldRetry(args.Context.GetRequestMessage(), args.Outcome, options.CurrentValue.MaxRetryAfter, timeProvider.GetUtcNow())),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? RetryAfter(response, timeProvider.GetUtcNow()) : null),
        });

    /// <summary>Whether an attempt's outcome should be retried.</summary>
    public static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, DateTimeOffset now)
    {
        var method = request?.Method ?? outcome.Result?.RequestMessage?.Method;
        if (method is null || !IsSafe(method))
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            // A caller's cancellation is not a transient failure; a per-attempt timeout or a transport error is.
            return exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return RetryAfter(response, now) is not { } wait || wait <= maxRetryAfter;
        }

        return response.StatusCode is HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
    }

    /// <summary>The wait a response asks for in <c>Retry-After</c> (seconds or an HTTP date), if any.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return RetryAfterHeader.Wait(response.Headers, now);
    }

    private static bool IsSafe(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;
}
