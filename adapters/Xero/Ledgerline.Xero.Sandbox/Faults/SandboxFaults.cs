namespace Ledgerline.Xero.Sandbox.Faults;

/// <summary>The active fault rules; safe to change while requests are in flight.</summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private readonly Random _random;
    private long _nextId;

    internal SandboxFaults(int seed) => _random = new Random(seed);

    private sealed class ActiveRule(long id, FaultRule rule)
    {
        public long Id { get; } = id;

        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = rule.Times;
    }

    /// <summary>Snapshot of the active rules.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => r.Rule)];
            }
        }
    }

    /// <summary>Adds a rule; returns a handle for <see cref="Remove"/>.</summary>
    public long Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            var active = new ActiveRule(++_nextId, rule);
            _rules.Add(active);
            return active.Id;
        }
    }

    /// <summary>Removes one rule.</summary>
    public bool Remove(long id)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.Id == id) > 0;
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Adds latency to matching requests.</summary>
    public long AddLatency(TimeSpan delay, string? pathPrefix = null) => Add(FaultRule.Delay(delay, pathPrefix));

    /// <summary>Answers 429 to matching requests.</summary>
    public long AddTooManyRequests(TimeSpan? retryAfter = null, string? pathPrefix = null, int? times = null) =>
        Add(FaultRule.TooManyRequests(retryAfter, pathPrefix, times));

    /// <summary>Answers a 5xx to matching requests.</summary>
    public long AddServerError(int statusCode = 503, string? pathPrefix = null, int? times = null) =>
        Add(FaultRule.ServerError(statusCode, pathPrefix, times));

    /// <summary>Decision for one request: added latency plus at most one other fault.</summary>
    internal (TimeSpan Latency, FaultRule? Fault) Decide(string method, string path)
    {
        var latency = TimeSpan.Zero;
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var active = _rules[i];
                var rule = active.Rule;
                if ((rule.PathPrefix is not null && !path.StartsWith(rule.PathPrefix, StringComparison.OrdinalIgnoreCase)) ||
                    (rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)) ||
                    (rule.Probability < 1 && _random.NextDouble() >= rule.Probability))
                {
                    continue;
                }

                if (active.Remaining is { } left)
                {
                    if (left <= 1)
                    {
                        _rules.RemoveAt(i--);
                    }
                    else
                    {
                        active.Remaining = left - 1;
                    }
                }

                if (rule.Kind == FaultKind.Latency)
                {
                    latency += rule.Latency;
                    continue;
                }

                return (latency, rule);
            }
        }

        return (latency, null);
    }
}
