namespace Ledgerline.Xero.Sandbox.Idempotency;

/// <summary>
/// Remembers answers to writes sent with <c>Idempotency-Key</c>, per app, tenant and key, for a window on the sandbox
/// clock. Bounded: expired entries are swept, and past the cap the oldest are forgotten.
/// </summary>
internal sealed class IdempotencyStore(SandboxClock clock)
{
    public const int MaxEntries = 20_000;

    /// <summary>How long a key is remembered (a sandbox decision: 24 hours; Xero's guide could not be read).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string App, Guid Tenant, string Key), StoredResponse> _entries = [];

    public enum Claim
    {
        /// <summary>First use: run the request, then <see cref="Complete"/> or <see cref="Abandon"/>.</summary>
        Run,

        /// <summary>Same request again: answer the stored response.</summary>
        Replay,

        /// <summary>The key was used for a different request, or the first request is still running.</summary>
        Conflict,
    }

    public (Claim Claim, StoredResponse? Stored) Begin(string app, Guid tenant, string key, string fingerprint)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue((app, tenant, key), out var entry) && entry.ExpiresAt > now)
            {
                return entry.Fingerprint != fingerprint || entry.Body is null ? (Claim.Conflict, null) : (Claim.Replay, entry);
            }

            Sweep(now);
            _entries[(app, tenant, key)] = new StoredResponse(fingerprint, now + Window, 0, null, null);
            return (Claim.Run, null);
        }
    }

    public void Complete(string app, Guid tenant, string key, string fingerprint, int status, string? contentType, byte[] body)
    {
        lock (_gate)
        {
            _entries[(app, tenant, key)] = new StoredResponse(fingerprint, clock.GetUtcNow() + Window, status, contentType, body);
        }
    }

    /// <summary>Forgets a key whose request failed in a way worth retrying (5xx, 429, aborted).</summary>
    public void Abandon(string app, Guid tenant, string key)
    {
        lock (_gate)
        {
            _entries.Remove((app, tenant, key));
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        if (_entries.Count < MaxEntries)
        {
            return;
        }

        foreach (var k in _entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(k);
        }

        foreach (var k in _entries.OrderBy(e => e.Value.ExpiresAt).Take(Math.Max(0, _entries.Count - (MaxEntries / 2))).Select(e => e.Key).ToList())
        {
            _entries.Remove(k);
        }
    }
}
