using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.Http;

/// <summary>
/// The outermost handler of the Accounting client: reads the final answer's body whole, at most <see cref="MaxBytes"/>
/// (a bigger body, declared or streamed, fails the request as a transport error rather than being read unbounded), and
/// keeps the bytes on the request (<see cref="XeroRequest.ResponseBody"/>) so that the error table can quote them and a
/// record can keep its raw form.
/// </summary>
/// <remarks>
/// Reading the body has its own <see cref="XeroOptions.RequestTimeout"/> (the resilience pipeline's per-attempt timeout
/// ends when the headers arrive); a body that does not arrive in time is a <see cref="TimeoutException"/>, which the error
/// table reads as a lost answer, never as the caller's cancellation.
/// </remarks>
internal sealed class XeroBodyHandler(TimeProvider timeProvider, IOptionsMonitor<XeroOptions> options) : DelegatingHandler
{
    /// <summary>The largest body read. Xero's largest page (100 invoices with lines) is well under a megabyte.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        var timeout = options.CurrentValue.RequestTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
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
                try
                {
                    await content.LoadIntoBufferAsync(MaxBytes, reading.Token);
                    request.Options.Set(XeroRequest.ResponseBody, await content.ReadAsByteArrayAsync(reading.Token));
                }
                catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException(
                        string.Create(CultureInfo.InvariantCulture, $"Xero's answer did not arrive within {timeout.TotalSeconds:0.###} s."), exception);
                }
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
