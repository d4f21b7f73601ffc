using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// The outermost handler of the API clients: reads the final answer's body whole (bounded, with a cut-short body reported
/// as <see cref="TruncatedBodyException"/>), hands Refit an in-memory copy to deserialize, and keeps the bytes on the
/// request (<see cref="FreshBooksRequest.ResponseBody"/>) so that the error table can quote them and a record can keep
/// its raw form.
/// </summary>
/// <remarks>
/// Reading the body has its own <see cref="FreshBooksOptions.RequestTimeout"/> (the resilience pipeline's per-attempt
/// timeout ends when the headers arrive); a body that does not arrive in time is a <see cref="TimeoutException"/>, which
/// the error table reads as a lost answer, never as the caller's cancellation.
/// </remarks>
internal sealed class FreshBooksBodyHandler(TimeProvider timeProvider, IOptionsMonitor<FreshBooksOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        var timeout = options.CurrentValue.RequestTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var original = response.Content;
            ReadOnlyMemory<byte> body;
            try
            {
                body = await FreshBooksResponseBody.ReadAsync(original, (int)response.StatusCode, reading.Token);
            }
            catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    string.Create(CultureInfo.InvariantCulture, $"FreshBooks' answer did not arrive within {timeout.TotalSeconds:0.###} s."), exception);
            }

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
