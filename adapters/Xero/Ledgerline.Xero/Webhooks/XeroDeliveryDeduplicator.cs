namespace Ledgerline.Xero.Webhooks;

/// <summary>
/// Remembers recently seen dedupe keys for a sliding window, bounded in size, on the injected clock. Xero retries a
/// failed batch whole, so a redelivered event has the same key (category, type, record and <c>eventDateUtc</c>).
/// </summary>
internal sealed class XeroDeliveryDeduplicator(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset At, long Sequence)> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At, long Sequence)> _order = new();
    private long _sequence;

    /// <summary>Records <paramref name="key"/>; returns whether it was already seen within <paramref name="window"/>.</summary>
    public bool Observe(string key, TimeSpan window, int capacity)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            while (_order.TryPeek(out var oldest) && now - oldest.At >= window)
            {
                Forget(_order.Dequeue());
            }

            var duplicate = _seen.TryGetValue(key, out var last) && now - last.At < window;
            while (_order.Count >= capacity)
            {
                Forget(_order.Dequeue());
            }

            var sequence = ++_sequence;
            _seen[key] = (now, sequence);
            _order.Enqueue((key, now, sequence));
            return duplicate;
        }
    }

    private void Forget((string Key, DateTimeOffset At, long Sequence) entry)
    {
        // A key seen again later has a newer queue entry; only its latest sighting forgets it.
        if (_seen.TryGetValue(entry.Key, out var latest) && latest.Sequence == entry.Sequence)
        {
            _seen.Remove(entry.Key);
        }
    }
}
