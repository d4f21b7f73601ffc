using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Ledgerline.Xero.Http;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.Connections;

/// <summary>
/// Xero's connections endpoints (<c>{ApiBaseUrl}connections</c>): which organisations a token reaches, and removing one
/// (a bearer only, no tenant header). Answers are read bounded and strictly: a connection without a tenant id, name,
/// type or id is invalid provider data. The client's resilience pipeline retries the GET (never the DELETE) and bounds
/// each attempt by <see cref="XeroOptions.RequestTimeout"/>; reading the body has the same bound again.
/// </summary>
internal sealed class XeroConnectionsClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<XeroOptions> options, TimeProvider timeProvider)
{
    public const string HttpClientName = "Ledgerline.Xero.Connections";

    private const int MaxBodyBytes = 1024 * 1024;

    public async Task<IReadOnlyList<XeroOrganisation>> ListAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "connections", accessToken);
        var (status, body) = await SendAsync(request, "list connections", cancellationToken);
        if (status != 200)
        {
            throw Refused(status, "list connections");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(status, body, "Xero's connections answer is not an array");
            }

            var organisations = new List<(XeroOrganisation Organisation, DateTimeOffset? Updated)>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (!Guid.TryParse(Text(item, "tenantId"), out var tenantId) || !Guid.TryParse(Text(item, "id"), out var id) ||
                    Text(item, "tenantName") is not { } name || Text(item, "tenantType") is not { } type)
                {
                    throw Invalid(status, body, "Xero sent a connection without id, tenantId, tenantName or tenantType");
                }

                var updated = DateTimeOffset.TryParse(Text(item, "updatedDateUtc"), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : (DateTimeOffset?)null;
                organisations.Add((new XeroOrganisation(tenantId, name, type, id), updated));
            }

            return [.. organisations.OrderByDescending(o => o.Updated).Select(o => o.Organisation)];
        }
        catch (JsonException exception)
        {
            throw Invalid(status, body, "Xero's connections answer is not JSON", exception);
        }
    }

    /// <summary>Removes Xero's connection record; <see langword="false"/> when Xero no longer had it (404).</summary>
    public async Task<bool> DeleteAsync(string accessToken, Guid xeroConnectionId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Delete, "connections/" + xeroConnectionId.ToString("D"), accessToken);
        var (status, _) = await SendAsync(request, "disconnect", cancellationToken);
        return status switch
        {
            204 or 200 => true,
            404 => false,
            _ => throw Refused(status, "disconnect"),
        };
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string accessToken)
    {
        var request = new HttpRequestMessage(method, new Uri(options.CurrentValue.ApiBaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    private async Task<(int Status, string Body)> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var deadline = new CancellationTokenSource(options.CurrentValue.RequestTimeout, timeProvider);
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            await response.Content.LoadIntoBufferAsync(MaxBodyBytes, reading.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(reading.Token));
        }
        catch (Exception exception) when (Errors.XeroErrorTable.IsTransport(exception, cancellationToken))
        {
            throw new ProviderUnavailableException($"No answer was read from Xero's connections endpoint ({operation}).", exception)
            {
                Provider = XeroRequest.ProviderName,
            };
        }
    }

    private static LedgerlineException Refused(int status, string operation) => status switch
    {
        401 => new ReauthorizationRequiredException(string.Empty, $"Xero refused the token to {operation}; the user must connect again.")
        {
            Provider = XeroRequest.ProviderName, StatusCode = status,
        },
        429 => new RateLimitedException(null) { Provider = XeroRequest.ProviderName, StatusCode = status },
        >= 500 => new ProviderUnavailableException($"Xero failed to {operation} with HTTP {status}.") { Provider = XeroRequest.ProviderName, StatusCode = status },
        _ => new LedgerlineException($"Xero refused to {operation} (HTTP {status}).") { Provider = XeroRequest.ProviderName, StatusCode = status },
    };

    private static InvalidProviderResponseException Invalid(int status, string body, string reason, Exception? inner = null) =>
        new($"{reason} (HTTP {status}).", body.Length <= 512 ? body : body[..512], inner) { Provider = XeroRequest.ProviderName, StatusCode = status };

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
