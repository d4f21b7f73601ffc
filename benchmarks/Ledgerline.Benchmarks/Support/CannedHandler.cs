using System.Net;
using System.Net.Http.Headers;

namespace Ledgerline.Benchmarks.Support;

/// <summary>
/// A primary handler that answers every request in memory with a canned JSON body (no sockets, no server): the single
/// invoice for a path ending in <c>/invoices/invoices/{id}</c>, the list page otherwise. The body array is shared; each
/// response wraps it without copying, as a socket handler would hand over freshly read bytes.
/// </summary>
internal sealed class CannedHandler(byte[] page, byte[] single) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Answer(request);

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var last = path.AsSpan(path.LastIndexOf('/') + 1);
        var body = last.Length > 0 && char.IsAsciiDigit(last[0]) ? single : page;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
