using System.Collections.Concurrent;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Serializes this process's read-modify-writes of one callback's secret. FreshBooks can post the verification notice
/// before it answers the create request, so the subscribe path (which records the callback) and the verify path (which
/// records its verifier) can run at once; without the gate the subscribe path could write back a record read before the
/// verifier was saved, and every delivery would then fail its signature check. A durable store shared by several
/// instances still needs its own atomic writes.
/// </summary>
internal sealed class CallbackSecretGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string callbackId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(callbackId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
