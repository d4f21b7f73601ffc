using System.Net;

namespace Ledgerline.FreshBooks.Tests.Auth;

/// <summary>Stands in for the wire below the auth handler and refuses every bearer.</summary>
internal sealed class AlwaysUnauthorizedHandler : DelegatingHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request });
    }
}
