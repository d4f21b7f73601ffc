using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// Adds <c>X-API-VERSION</c> when <see cref="FreshBooksOptions.ApiVersion"/> is set, and makes sure a GET carries no
/// body and so no Content-Type (FreshBooks asks for none on project and time tracking GETs).
/// </summary>
internal sealed class FreshBooksHeadersHandler(IOptionsMonitor<FreshBooksOptions> options) : DelegatingHandler
{
    public const string ApiVersionHeader = "X-API-VERSION";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options.CurrentValue.ApiVersion is { Length: > 0 } version && !request.Headers.Contains(ApiVersionHeader))
        {
            request.Headers.TryAddWithoutValidation(ApiVersionHeader, version);
        }

        if (request.Method == HttpMethod.Get && request.Content is not null)
        {
            request.Content.Dispose();
            request.Content = null;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
