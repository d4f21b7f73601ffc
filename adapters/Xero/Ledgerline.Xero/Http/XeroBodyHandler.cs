namespace Ledgerline.Xero.Http;

/// <summary>
/// The outermost handler of the Accounting client: reads the final answer's body whole, at most <see cref="MaxBytes"/>
/// (a bigger body, declared or streamed, fails the request as a transport error rather than being read unbounded), and
/// keeps the bytes on the request (<see cref="XeroRequest.ResponseBody"/>) so that the error table can quote them and a
/// record can keep its raw form.
/// </summary>
internal sealed class XeroBodyHandler : DelegatingHandler
{
    /// <summary>The largest body read. Xero's largest page (100 invoices with lines) is well under a megabyte.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            if (response.Content is { } content)
            {
                if (content.Headers.ContentLength is > MaxBytes)
                {
                    throw TooLarge();
                }

                // Buffering stops at MaxBytes for a body without a length too (HttpRequestException), and a body cut short
                // fails here as a transport error.
                await content.LoadIntoBufferAsync(MaxBytes, cancellationToken);

                request.Options.Set(XeroRequest.ResponseBody, await content.ReadAsByteArrayAsync(cancellationToken));
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static HttpRequestException TooLarge() =>
        new(HttpRequestError.ConfigurationLimitExceeded, "The Xero response is larger than Ledgerline reads.");
}
