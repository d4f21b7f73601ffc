using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.HealthChecks;

/// <summary>
/// Whether FreshBooks' API answers at all: one unauthenticated <c>GET</c> of <see cref="FreshBooksOptions.ApiBaseUrl"/>
/// (no connection's token, so no connection's rate limit is spent), bounded by <see cref="Timeout"/>, and its result
/// kept for the probe interval, so a health endpoint polled every few seconds sends at most one request per interval.
/// Concurrent checks share one probe. Any HTTP answer below 500 means reachable; a 5xx, a transport error or the
/// timeout means unreachable.
/// </summary>
internal sealed class FreshBooksReachabilityProbe(
    IHttpClientFactory httpClientFactory, IOptionsMonitor<FreshBooksOptions> options, TimeProvider timeProvider, TimeSpan interval)
{
    public const string HttpClientName = "Ledgerline.FreshBooks.Health";

    /// <summary>The longest a probe waits for FreshBooks' answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly Lock _sync = new();
    private DateTimeOffset _probedAt;
    private Task<HealthCheckResult>? _probe;

    public Task<HealthCheckResult> CheckAsync(HealthStatus failureStatus, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            var now = timeProvider.GetUtcNow();
            if (_probe is null || (_probe.IsCompleted && now - _probedAt >= interval))
            {
                // Not tied to one caller's token: a caller that gives up must not fail the probe the others share.
                _probe = ProbeAsync(failureStatus);
                _probedAt = now;
            }

            return _probe.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(HealthStatus failureStatus)
    {
        var url = options.CurrentValue.ApiBaseUrl;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["url"] = url.GetLeftPart(UriPartial.Authority),
            ["probed_at"] = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        using var timeout = new CancellationTokenSource(Timeout, timeProvider);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var http = httpClientFactory.CreateClient(HttpClientName);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            data["status_code"] = status;
            data["elapsed_ms"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return status < 500
                ? HealthCheckResult.Healthy($"FreshBooks answered ({status}).", data)
                : new HealthCheckResult(failureStatus, $"FreshBooks answered {status}: it is failing or down.", data: data);
        }
        catch (HttpRequestException ex)
        {
            return new HealthCheckResult(failureStatus, $"FreshBooks could not be reached ({ex.HttpRequestError}).", ex, data);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new HealthCheckResult(failureStatus, $"FreshBooks did not answer within {Timeout.TotalSeconds:0} s.", data: data);
        }
    }
}
