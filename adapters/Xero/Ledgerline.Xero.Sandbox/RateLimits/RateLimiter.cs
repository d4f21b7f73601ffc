using System.Globalization;

namespace Ledgerline.Xero.Sandbox.RateLimits;

/// <summary>
/// Counts API calls per (app, tenant) and per app on the sandbox clock and refuses the ones over a limit with 429,
/// <c>X-Rate-Limit-Problem</c> and <c>Retry-After</c>, as Xero does. Refused calls are not counted.
/// </summary>
internal sealed class RateLimiter(SandboxClock clock, RateLimitOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string App, Guid Tenant), TenantCounters> _tenants = [];
    private readonly Dictionary<string, RateWindow> _apps = new(StringComparer.Ordinal);

    private sealed class TenantCounters
    {
        public RateWindow Minute { get; } = new(TimeSpan.FromMinutes(1));

        public RateWindow Day { get; } = new(TimeSpan.FromDays(1));

        public int InFlight { get; set; }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _tenants.Clear();
            _apps.Clear();
        }
    }

    /// <summary>Admits a call (the caller must <see cref="Release"/> it) or names the limit it breaks.</summary>
    public RateDecision Enter(string app, Guid tenant)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_tenants.TryGetValue((app, tenant), out var t))
            {
                t = new TenantCounters();
                _tenants[(app, tenant)] = t;
            }

            if (!_apps.TryGetValue(app, out var appMinute))
            {
                appMinute = new RateWindow(TimeSpan.FromMinutes(1));
                _apps[app] = appMinute;
            }

            t.Minute.Roll(now);
            t.Day.Roll(now);
            appMinute.Roll(now);

            // Checked longest window first, so a client learns the limit that keeps it waiting longest.
            string? problem = null;
            TimeSpan? retry = null;
            if (options.Enabled)
            {
                if (t.Day.Count >= options.PerDay)
                {
                    (problem, retry) = ("day", t.Day.End - now);
                }
                else if (t.Minute.Count >= options.PerMinute)
                {
                    (problem, retry) = ("minute", t.Minute.End - now);
                }
                else if (appMinute.Count >= options.AppPerMinute)
                {
                    (problem, retry) = ("appminute", appMinute.End - now);
                }
                else if (t.InFlight >= options.Concurrent)
                {
                    problem = "concurrent";
                }
            }

            if (problem is null)
            {
                t.Minute.Take();
                t.Day.Take();
                appMinute.Take();
                t.InFlight++;
            }

            return new RateDecision(
                Math.Max(0, options.PerDay - t.Day.Count),
                Math.Max(0, options.PerMinute - t.Minute.Count),
                Math.Max(0, options.AppPerMinute - appMinute.Count),
                problem,
                retry);
        }
    }

    public void Release(string app, Guid tenant)
    {
        lock (_gate)
        {
            if (_tenants.TryGetValue((app, tenant), out var t) && t.InFlight > 0)
            {
                t.InFlight--;
            }
        }
    }

    public static void WriteHeaders(HttpResponse response, RateDecision d)
    {
        response.Headers["X-DayLimit-Remaining"] = d.DayRemaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-MinLimit-Remaining"] = d.MinuteRemaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-AppMinLimit-Remaining"] = d.AppMinuteRemaining.ToString(CultureInfo.InvariantCulture);
        if (d.Problem is not null)
        {
            response.Headers["X-Rate-Limit-Problem"] = d.Problem;
            if (d.RetryAfter is { } retry)
            {
                // Whole seconds, rounded up: the .NET SDK parses Retry-After as an integer.
                response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
