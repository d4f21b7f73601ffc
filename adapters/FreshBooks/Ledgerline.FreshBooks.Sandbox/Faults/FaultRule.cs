using System.Globalization;

namespace Ledgerline.FreshBooks.Sandbox.Faults;

/// <summary>What a fault rule does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Delay the response by <see cref="FaultRule.Latency"/>, then answer normally.</summary>
    Latency,

    /// <summary>Answer 429, with <c>Retry-After</c> when <see cref="FaultRule.RetryAfter"/> is set.</summary>
    TooManyRequests,

    /// <summary>Answer 429 (with <c>Retry-After</c>) once more than <see cref="FaultRule.RequestsPerSecond"/> arrive.</summary>
    RateBudget,

    /// <summary>Answer <see cref="FaultRule.StatusCode"/> (5xx) without running the endpoint.</summary>
    ServerError,

    /// <summary>Run the endpoint, then send half the body and abort the connection.</summary>
    TruncatedBody,

    /// <summary>Run the endpoint, then send a complete response whose JSON is cut in half.</summary>
    MalformedBody,

    /// <summary>Abort the connection without answering.</summary>
    DropConnection,

    /// <summary>Answer every list request with page 1, whatever <c>page</c> asks for (a server that ignores paging).</summary>
    IgnorePage,

    /// <summary>
    /// Run the endpoint, then replace the list counters <c>pages</c> and/or <c>total</c> (accounting <c>response.result</c>,
    /// project-like <c>meta</c>) with <see cref="FaultRule.Pages"/> and <see cref="FaultRule.Total"/>: a server that lies
    /// about its listing.
    /// </summary>
    FalseCounters,

    /// <summary>
    /// Run the endpoint, then, in a 200 JSON answer that holds an <c>access_token</c> (the token endpoint's, or
    /// <c>POST /_sandbox/tokens</c>'), replace <c>expires_in</c> with <see cref="FaultRule.ExpiresIn"/>, or leave it out
    /// when that is null: a token answer whose lifetime cannot be read. The tokens issued are real (a refresh token is
    /// spent all the same).
    /// </summary>
    TokenLifetime,
}

/// <summary>
/// One fault: what it does, where (path prefix and method), how often (probability, number of times).
/// Rules are checked in the order they were added; latency combines with the first other matching fault.
/// </summary>
public sealed record FaultRule
{
    /// <summary>What the rule does.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>Only requests whose path starts with this (e.g. <c>/accounting</c>); null matches every path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Only this HTTP method; null matches every method.</summary>
    public string? Method { get; init; }

    /// <summary>Added delay for <see cref="FaultKind.Latency"/>.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary><c>Retry-After</c> for <see cref="FaultKind.TooManyRequests"/>; null sends none.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Status for <see cref="FaultKind.ServerError"/>.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>Budget for <see cref="FaultKind.RateBudget"/>.</summary>
    public double RequestsPerSecond { get; init; }

    /// <summary>The <c>pages</c> sent by <see cref="FaultKind.FalseCounters"/>; null keeps the true value.</summary>
    public int? Pages { get; init; }

    /// <summary>The <c>total</c> sent by <see cref="FaultKind.FalseCounters"/>; null keeps the true value.</summary>
    public int? Total { get; init; }

    /// <summary>
    /// The <c>expires_in</c> sent by <see cref="FaultKind.TokenLifetime"/>: null leaves it out, a whole number is sent as a
    /// JSON number, anything else as a JSON string.
    /// </summary>
    public string? ExpiresIn { get; init; }

    /// <summary>Apply to the next N matching requests only; null means forever.</summary>
    public int? Times { get; init; }

    /// <summary>Chance (0–1) that a matching request is affected; draws come from a fixed seed, so runs repeat.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>Adds <paramref name="delay"/> to every matching response.</summary>
    public static FaultRule Delay(TimeSpan delay, string? pathPrefix = null) => new() { Kind = FaultKind.Latency, Latency = delay, PathPrefix = pathPrefix };

    /// <summary>Answers 429 (optionally with <c>Retry-After</c>).</summary>
    public static FaultRule TooManyRequests(TimeSpan? retryAfter = null, string? pathPrefix = null, int? times = null) =>
        new() { Kind = FaultKind.TooManyRequests, RetryAfter = retryAfter, PathPrefix = pathPrefix, Times = times };

    /// <summary>Allows <paramref name="requestsPerSecond"/> and answers 429 with <c>Retry-After</c> above it.</summary>
    public static FaultRule RateLimit(double requestsPerSecond, string? pathPrefix = null) =>
        new() { Kind = FaultKind.RateBudget, RequestsPerSecond = requestsPerSecond, PathPrefix = pathPrefix };

    /// <summary>Answers <paramref name="statusCode"/>.</summary>
    public static FaultRule ServerError(int statusCode = 503, string? pathPrefix = null, int? times = null) =>
        new() { Kind = FaultKind.ServerError, StatusCode = statusCode, PathPrefix = pathPrefix, Times = times };

    /// <summary>Sends half the body, then aborts.</summary>
    public static FaultRule Truncate(string? pathPrefix = null, int? times = null) => new() { Kind = FaultKind.TruncatedBody, PathPrefix = pathPrefix, Times = times };

    /// <summary>Sends syntactically broken JSON with a 200.</summary>
    public static FaultRule Malformed(string? pathPrefix = null, int? times = null) => new() { Kind = FaultKind.MalformedBody, PathPrefix = pathPrefix, Times = times };

    /// <summary>Aborts the connection.</summary>
    public static FaultRule Drop(string? pathPrefix = null, int? times = null) => new() { Kind = FaultKind.DropConnection, PathPrefix = pathPrefix, Times = times };

    /// <summary>Answers page 1 whatever page is asked for.</summary>
    public static FaultRule IgnorePage(string? pathPrefix = null, int? times = null) => new() { Kind = FaultKind.IgnorePage, PathPrefix = pathPrefix, Times = times };

    /// <summary>Sends <paramref name="pages"/> and/or <paramref name="total"/> instead of the true list counters.</summary>
    public static FaultRule FalseCounters(int? pages = null, int? total = null, string? pathPrefix = null, int? times = null) =>
        new() { Kind = FaultKind.FalseCounters, Pages = pages, Total = total, PathPrefix = pathPrefix, Times = times };

    /// <summary>Sends <paramref name="expiresIn"/> as a token answer's <c>expires_in</c> (null: none at all).</summary>
    public static FaultRule BadTokenLifetime(string? expiresIn, string? pathPrefix = null, int? times = null) =>
        new() { Kind = FaultKind.TokenLifetime, ExpiresIn = expiresIn, PathPrefix = pathPrefix, Times = times };

    /// <summary>
    /// Parses <c>kind[:value][@/path/prefix][#times][~probability]</c>. Kinds: <c>latency:250ms</c>, <c>429</c>,
    /// <c>429:2</c> (Retry-After 2 s), <c>rps:5</c>, <c>500</c>/<c>502</c>/<c>503</c>/<c>504</c>, <c>truncate</c>,
    /// <c>malformed</c>, <c>drop</c>, <c>ignore-page</c>, <c>pages:N</c> and <c>total:N</c> (false list counters; N may be
    /// negative), <c>expires-in:V</c> (a token answer's <c>expires_in</c> sent as V: <c>none</c> leaves it out, a whole
    /// number is a number, anything else a string). Example: <c>503@/accounting#2</c> fails the next two accounting calls.
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
            probability = double.Parse(rest[(tilde + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            rest = rest[..tilde];
        }

        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            times = int.Parse(rest[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
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
        FaultRule rule = kind switch
        {
            "latency" or "delay" => Delay(SandboxOptions.ParseDuration("latency", value ?? throw new ArgumentException("latency needs a value", nameof(spec)))),
            "429" => TooManyRequests(value is null ? null : SandboxOptions.ParseDuration("429", value)),
            "rps" => RateLimit(double.Parse(value ?? throw new ArgumentException("rps needs a value", nameof(spec)), NumberStyles.Float, CultureInfo.InvariantCulture)),
            "truncate" => Truncate(),
            "malformed" => Malformed(),
            "drop" => Drop(),
            "ignore-page" => IgnorePage(),
            "pages" => FalseCounters(pages: Count("pages", value)),
            "total" => FalseCounters(total: Count("total", value)),
            "expires-in" => BadTokenLifetime(ExpiresInValue(value)),
            _ when int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 500 and <= 599 => ServerError(status),
            _ => throw new ArgumentException($"Unknown fault kind '{kind}'.", nameof(spec)),
        };
        return rule with { PathPrefix = prefix, Times = times, Probability = probability };
    }

    private static string? ExpiresInValue(string? value) =>
        string.IsNullOrEmpty(value)
            ? throw new ArgumentException("expires-in needs a value: none, a number such as 0 or 99999999999, or text.", nameof(value))
            : string.Equals(value, "none", StringComparison.OrdinalIgnoreCase) ? null : value;

    private static int Count(string kind, string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new ArgumentException($"{kind} needs a whole number (it was '{value}').", nameof(value));
}
