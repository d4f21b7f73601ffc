using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Http;

/// <summary>Holds a per-connection slot while one attempt is on the wire; requests with no connection pass straight through.</summary>
internal sealed class ConnectionConcurrencyHandler(ConnectionConcurrencyLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(FreshBooksRequest.ConnectionId, out var connectionId) || string.IsNullOrEmpty(connectionId))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        using var slot = await limiter.EnterAsync(connectionId, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
