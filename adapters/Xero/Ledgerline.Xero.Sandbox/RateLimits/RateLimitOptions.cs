namespace Ledgerline.Xero.Sandbox.RateLimits;

/// <summary>
/// Xero's API limits: per tenant and app 60 calls a minute, 5000 a day and 5 at once; per app 10,000 calls a minute
/// across tenants. Changeable at runtime (new values apply to the next call), so tests can hit a limit with a few calls.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Whether limits are enforced. The remaining-count headers are sent either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Calls per tenant per minute window (Xero: 60).</summary>
    public int PerMinute { get; set; } = 60;

    /// <summary>Calls per tenant per day window (Xero: 5000; 1000 on the Starter tier).</summary>
    public int PerDay { get; set; } = 5000;

    /// <summary>Calls per app per minute window across all tenants (Xero: 10,000).</summary>
    public int AppPerMinute { get; set; } = 10_000;

    /// <summary>Calls in flight per tenant (Xero: 5).</summary>
    public int Concurrent { get; set; } = 5;
}
