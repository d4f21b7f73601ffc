namespace Ledgerline.Connections;

/// <summary>When tokens are refreshed and how long callers and refreshes may take. Read at each refresh.</summary>
public sealed class ConnectionTokenManagerOptions
{
    /// <summary>Refresh the access token this long before it expires. Default 5 minutes.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a caller waits for a refresh before it fails with a retryable <see cref="ProviderUnavailableException"/>.
    /// The refresh itself goes on (see <see cref="RefreshDeadline"/>); a caller whose access token has not expired yet
    /// keeps using it instead of failing, as it does when an early refresh fails for a passing reason (unavailable, rate
    /// limited). A refusal (a dead grant, a wrong client secret) always reaches the caller. Default 30 seconds.
    /// </summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a refresh request, once sent, may run before it is abandoned; its answer is persisted whenever it arrives
    /// within this time, whoever is still waiting. Abandoning a sent refresh can lose a single-use grant, so this is long.
    /// Also bounds the wait for another process's lease. Default 5 minutes; at least <see cref="TokenRequestTimeout"/>.
    /// </summary>
    public TimeSpan RefreshDeadline { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The length of the cross-process lease taken for a refresh; it is renewed every third of this while the refresh
    /// runs (where the lease store can renew), so a process that crashes mid-refresh holds the others up for at most this
    /// long. Default 30 seconds.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);
}
