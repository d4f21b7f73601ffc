namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// The outermost handler of the API clients: reads the final answer's body whole (bounded, with a cut-short body reported
/// as <see cref="TruncatedBodyException"/>), hands Refit an in-memory copy to deserialize, and keeps the bytes on the
/// request (<see cref="FreshBooksRequest.ResponseBody"/>) so that the error table can quote them and a record can keep
/// its raw form.
/// </summary>
internal sealed class FreshBooksBodyHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            var original = response.Content;
            var body = await FreshBooksResponseBody.ReadAsync(original, (int)response.StatusCode, cancellationToken);
            var buffered = new FreshBooksBody(body);
            if (original is not null)
            {
                foreach (var header in original.Headers)
                {
                    if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }

                original.Dispose();
            }

            response.Content = buffered;
            request.Options.Set(FreshBooksRequest.ResponseBody, body);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
