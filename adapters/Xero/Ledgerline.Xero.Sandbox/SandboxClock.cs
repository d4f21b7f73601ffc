namespace Ledgerline.Xero.Sandbox;

/// <summary>
/// The sandbox's notion of "now": an underlying <see cref="TimeProvider"/> plus an offset tests can move.
/// Token and code expiry, refresh grace periods, record timestamps and "today" in each organisation read it.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private long _offsetTicks;

    /// <summary>Creates a clock that follows <paramref name="inner"/> (the system clock by default), optionally starting at <paramref name="start"/>.</summary>
    public SandboxClock(TimeProvider? inner = null, DateTimeOffset? start = null)
    {
        _inner = inner ?? System;
        if (start is { } s)
        {
            _offsetTicks = (s - _inner.GetUtcNow()).Ticks;
        }
    }

    /// <summary>How far the sandbox is ahead of the underlying clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves sandbox time forward (or back, with a negative value).</summary>
    public void Advance(TimeSpan delta) => Interlocked.Add(ref _offsetTicks, delta.Ticks);

    /// <summary>Sets sandbox time to <paramref name="now"/>; it keeps flowing from there.</summary>
    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - _inner.GetUtcNow()).Ticks);
}
