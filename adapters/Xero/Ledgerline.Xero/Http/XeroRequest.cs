namespace Ledgerline.Xero.Http;

/// <summary>
/// Per-request facts carried in <see cref="HttpRequestMessage.Options"/> from the stores to the handlers. The bearer is
/// looked up per request from the connection id; no token ever lives in a handler field or a shared header.
/// Refit methods take <c>[Property(XeroRequest.ConnectionIdKey)] string connectionId</c>.
/// </summary>
internal static class XeroRequest
{
    /// <summary>The option key naming the connection a request is made for.</summary>
    public const string ConnectionIdKey = "Ledgerline.Xero.ConnectionId";

    /// <summary>Typed accessor for <see cref="ConnectionIdKey"/>.</summary>
    public static readonly HttpRequestOptionsKey<string> ConnectionId = new(ConnectionIdKey);

    /// <summary>The whole body of the answer to a request, read by <see cref="XeroBodyHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<ReadOnlyMemory<byte>> ResponseBody = new("Ledgerline.Xero.ResponseBody");

    /// <summary>The header naming the organisation every Accounting call is made for.</summary>
    public const string TenantHeader = "xero-tenant-id";

    /// <summary>
    /// The header carrying a write's idempotency key (Xero: on every PUT/POST/PATCH of Accounting and Projects, "128
    /// character max").
    /// </summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The provider name.</summary>
    public const string ProviderName = "Xero";
}
