using System.Globalization;

namespace Ledgerline.Xero.Sandbox.Faults;

/// <summary>
/// One fault: what it does, where (path prefix and method), how often (probability, number of times). Rules are checked
/// in the order they were added; latency combines with the first other matching fault.
/// </summary>
public sealed record FaultRule
{
    /// <summary>What the rule does.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>Only requests whose path starts with this (e.g. <c>/api.xro/2.0/Invoices</c>, case-insensitive); null matches every path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Only this HTTP method; null matches every method.</summary>
    public string? Method { get; init; }

    /// <summary>Added delay for <see cref="FaultKind.Latency"/>.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary><c>Retry-After</c> for <see cref="FaultKind.TooManyRequests"/>; null sends none.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary><c>X-Rate-Limit-Problem</c> for <see cref="FaultKind.TooManyRequests"/> (Xero sends <c>minute</c> or <c>day</c>).</summary>
    public string RateLimitProblem { get; init; } = "minute";

    /// <summary>Status for <see cref="FaultKind.ServerError"/>.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>
    /// The <c>expires_in</c> sent by <see cref="FaultKind.TokenLifetime"/>: null leaves it out, a whole number is sent as a
    /// JSON number, anything else as a JSON string.
    /// </summary>
    public string? ExpiresIn { get; init; }

    /// <summary>Apply to the next N matching requests only; null means forever.</summary>
    public int? Times { get; init; }

    /// <summary>Chance (0–1) that a matching request is affected; draws come from the sandbox seed, so runs repeat.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>Adds <paramref name="delay"/> to every matching response.</summary>
    public static FaultRule Delay(TimeSpan delay, string? pathPrefix = null) => new() { Kind = FaultKind.Latency, Latency = delay, PathPrefix = pathPrefix };

    /// <summary>Answers 429 with <c>X-Rate-Limit-Problem</c> (optionally with <c>Retry-After</c>).</summary>
    public static FaultRule TooManyRequests(TimeSpan? retryAfter = null, string? pathPrefix = null, int? times = null, string problem = "minute") =>
        new() { Kind = FaultKind.TooManyRequests, RetryAfter = retryAfter, PathPrefix = pathPrefix, Times = times, RateLimitProblem = problem };

    /// <summary>Answers <paramref name="statusCode"/>.</summary>
    public static FaultRule ServerError(int statusCode = 503, string? pathPrefix = null, int? times = null) =>
        new() { Kind = FaultKind.ServerError, StatusCode = statusCode, PathPrefix = pathPrefix, Times = times };

    /// <summary>Sends half the body, then aborts.</summary>
    public static FaultRule Truncate(string? pathPrefix = null, int? times = null) => new() { Kind = FaultKind.TruncatedBody, PathPrefix = pathPrefix, Times = times };

    /// <summary>Sends syntactically broken JSON with a 200.</summary>
    public static FaultRule Malformed(string? pathPrefix = null, int? times = null) => new() { Kind = FaultKind.MalformedBody, PathPrefix = pathPrefix, Times = times };

    /// <summary>Aborts the connection.</summary>
    public static FaultRule Drop(string? pathPrefix = null, int? times = null) => new() { Kind = FaultKind.DropConnection, PathPrefix = pathPrefix, Times = times };

    /// <summary>Sends <paramref name="expiresIn"/> as a token answer's <c>expires_in</c> (null: none at all).</summary>
    public static FaultRule BadTokenLifetime(string? expiresIn, string? pathPrefix = null, int? times = null) =>
        new() { Kind = FaultKind.TokenLifetime, ExpiresIn = expiresIn, PathPrefix = pathPrefix, Times = times };

    /// <summary>
    /// Parses <c>kind[:value][@/path/prefix][#times][~probability]</c>. Kinds: <c>latency:250ms</c>, <c>429</c>,
    /// <c>429:2</c> (Retry-After 2 s, problem <c>minute</c>), <c>429day:3600</c> (problem <c>day</c>),
    /// <c>500</c>/<c>502</c>/<c>503</c>/<c>504</c>, <c>truncate</c>, <c>malformed</c>, <c>drop</c>, <c>expires-in:V</c> (a
    /// token answer's <c>expires_in</c> sent as V: <c>none</c> leaves it out, a whole number is a number, anything else a
    /// string). Example: <c>503@/api.xro#2</c> fails the next two Accounting API calls.
    /// </summary>
    /// <exception cref="ArgumentException">The spec is not understood.</exception>
    public static FaultRule Parse(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var rest = spec.Trim();
        double probability = 1;
        int? times = null;
        string? prefix = null;
        var tilde = rest.IndexOf('~', StringComparison.Ordinal);
        if (tilde >= 0)
        {
            probability = double.TryParse(rest[(tilde + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1
                ? p
                : throw new ArgumentException("The probability after ~ must be from 0 to 1.", nameof(spec));
            rest = rest[..tilde];
        }

        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            times = int.TryParse(rest[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0
                ? t
                : throw new ArgumentException("The count after # must be a positive integer.", nameof(spec));
            rest = rest[..hash];
        }

        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            prefix = rest[(at + 1)..];
            rest = rest[..at];
        }

        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var kind = (colon >= 0 ? rest[..colon] : rest).ToLowerInvariant();
        var value = colon >= 0 ? rest[(colon + 1)..] : null;
        TimeSpan? Duration(string name) => value is null ? null : XeroSandboxOptions.ParseDuration(name, value);
        FaultRule rule = kind switch
        {
            "latency" or "delay" => Delay(Duration("latency") ?? throw new ArgumentException("latency needs a value, e.g. latency:250ms", nameof(spec))),
            "429" => TooManyRequests(Duration("429")),
            "429day" => TooManyRequests(Duration("429day"), problem: "day"),
            "truncate" => Truncate(),
            "malformed" => Malformed(),
            "drop" => Drop(),
            "expires-in" => BadTokenLifetime(string.IsNullOrEmpty(value)
                ? throw new ArgumentException("expires-in needs a value: none, a number such as 0 or 99999999999, or text.", nameof(spec))
                : string.Equals(value, "none", StringComparison.OrdinalIgnoreCase) ? null : value),
            _ when int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 500 and <= 599 => ServerError(status),
            _ => throw new ArgumentException($"Unknown fault kind '{kind}'.", nameof(spec)),
        };
        return rule with { PathPrefix = prefix, Times = times, Probability = probability };
    }
}
