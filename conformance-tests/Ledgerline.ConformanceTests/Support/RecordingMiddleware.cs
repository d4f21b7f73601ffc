using System.Collections.Concurrent;

namespace Ledgerline.ConformanceTests;

/// <summary>
/// Records every store call that gets past Ledgerline's guards, as the innermost application store middleware, registered
/// through the public <c>UseStoreMiddleware</c> hook like any application's. It is how the suite proves that a refused call
/// sent nothing (for providers that have no wire to watch), and that application middleware sees every call a provider
/// receives.
/// </summary>
internal sealed class RecordingMiddleware : StoreMiddleware
{
    // Bounded: a fixture lives for one test class, which makes a few hundred calls.
    private const int MaxRecorded = 100_000;

    private readonly ConcurrentQueue<StoreRequest> _calls = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public IReadOnlyList<StoreRequest> CallsFor(string connectionId) =>
        _calls.Where(c => string.Equals(c.ConnectionId, connectionId, StringComparison.Ordinal)).ToArray();

    public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
    {
        Record(request);
        return base.InvokeAsync(request, next, cancellationToken);
    }

    public override IAsyncEnumerable<LedgerRecord> ListAsync(StoreRequest request, StoreListHandler next, CancellationToken cancellationToken)
    {
        Record(request);
        return base.ListAsync(request, next, cancellationToken);
    }

    private void Record(StoreRequest request)
    {
        Interlocked.Increment(ref _count);
        if (_calls.Count < MaxRecorded)
        {
            _calls.Enqueue(request);
        }
    }
}
