namespace Ledgerline.Xero.Sandbox.RateLimits;

/// <summary>A fixed window that opens at its first call after the previous one closed, so each tenant resets at its own time.</summary>
internal sealed class RateWindow(TimeSpan length)
{
    public DateTimeOffset Start { get; private set; } = DateTimeOffset.MinValue;

    public int Count { get; private set; }

    public DateTimeOffset End => Start + length;

    public void Roll(DateTimeOffset now)
    {
        if (now >= End)
        {
            Start = now;
            Count = 0;
        }
    }

    public void Take() => Count++;
}
