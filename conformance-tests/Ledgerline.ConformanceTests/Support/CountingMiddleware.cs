namespace Ledgerline.ConformanceTests;

/// <summary>
/// Counts every store call that gets past Ledgerline's guards, as the innermost store middleware: the conformance suite's
/// way of proving that a refused call sent nothing, for providers that have no wire to watch.
/// </summary>
internal sealed class CountingMiddleware(Action onCall) : StoreMiddleware
{
    public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
    {
        onCall();
        return base.InvokeAsync(request, next, cancellationToken);
    }

    public override IAsyncEnumerable<LedgerRecord> ListAsync(StoreRequest request, StoreListHandler next, CancellationToken cancellationToken)
    {
        onCall();
        return base.ListAsync(request, next, cancellationToken);
    }
}
