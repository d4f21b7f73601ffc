using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// Caps requests in flight per connection (<see cref="FreshBooksOptions.MaxConcurrentRequestsPerConnection"/>), so one
/// busy tenant cannot exhaust a provider's per-account budget or starve the others. A singleton shared by every client
/// and handler instance; handlers come and go with the factory's handler lifetime.
/// </summary>
internal sealed class ConnectionConcurrencyLimiter(IOptions<FreshBooksOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async ValueTask<IDisposable> EnterAsync(string connectionId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(connectionId, static (_, limit) => new SemaphoreSlim(limit, limit), Math.Max(1, options.Value.MaxConcurrentRequestsPerConnection));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
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
