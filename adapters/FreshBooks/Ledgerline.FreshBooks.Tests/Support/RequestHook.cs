namespace Ledgerline.FreshBooks.Tests.Support;

/// <summary>
/// Runs <paramref name="before"/> as a request leaves the app's HTTP client, so a test can change the sandbox at an exact
/// point of a listing (just before the first request of its next segment).
/// </summary>
internal sealed class RequestHook(Func<HttpRequestMessage, Task> before) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await before(request);
        return await base.SendAsync(request, cancellationToken);
    }
}
