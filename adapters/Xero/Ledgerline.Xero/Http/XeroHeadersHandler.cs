namespace Ledgerline.Xero.Http;

/// <summary>
/// Makes every Accounting request read as Ledgerline needs it: <c>Accept: application/json</c> (Xero answers XML
/// otherwise), <c>unitdp=4</c> on the query of every call (reads and writes alike, so unit prices keep four decimals and
/// a write is never rounded to two; not on the Projects API, which has no such parameter), no body on a GET, and
/// <c>Idempotency-Key</c> on a write whose call carries one (<see cref="XeroHttp.CurrentIdempotencyKey"/>): every store's
/// create gets the header through this one place.
/// </summary>
internal sealed class XeroHeadersHandler : DelegatingHandler
{
    public const string UnitDecimalPlaces = "unitdp=4";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/json");
        // unitdp is the Accounting API's; the Projects API (money as {currency, value}) has no such parameter.
        if (request.RequestUri is { } uri && !IsProjectsApi(uri) && !HasUnitDecimalPlaces(uri.Query))
        {
            var builder = new UriBuilder(uri);
            builder.Query = builder.Query.Length > 1 ? builder.Query[1..] + "&" + UnitDecimalPlaces : UnitDecimalPlaces;
            request.RequestUri = builder.Uri;
        }

        request.Headers.Remove(XeroRequest.IdempotencyKeyHeader);
        if (XeroHttp.CurrentIdempotencyKey is { } key && (request.Method == HttpMethod.Put || request.Method == HttpMethod.Post || request.Method == HttpMethod.Patch))
        {
            request.Headers.TryAddWithoutValidation(XeroRequest.IdempotencyKeyHeader, key);
        }

        if (request.Method == HttpMethod.Get && request.Content is not null)
        {
            request.Content.Dispose();
            request.Content = null;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static bool IsProjectsApi(Uri uri) => uri.AbsolutePath.Contains("/projects.xro/", StringComparison.OrdinalIgnoreCase);

    private static bool HasUnitDecimalPlaces(string query) =>
        query.TrimStart('?').Split('&').Any(p => p.StartsWith("unitdp=", StringComparison.OrdinalIgnoreCase));
}
