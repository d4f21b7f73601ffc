namespace Ledgerline.Xero.Sandbox.RateLimits;

/// <summary>The outcome of admitting one call: remaining counters for the headers, and the limit hit (null when admitted).</summary>
internal sealed record RateDecision(int DayRemaining, int MinuteRemaining, int AppMinuteRemaining, string? Problem, TimeSpan? RetryAfter);
