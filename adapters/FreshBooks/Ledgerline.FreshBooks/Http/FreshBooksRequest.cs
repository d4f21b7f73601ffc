namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// Per-request facts carried in <see cref="HttpRequestMessage.Options"/> from the stores to the handlers. The bearer is
/// looked up per request from the connection id; no token ever lives in a handler field or a shared header.
/// Refit methods take <c>[Property(FreshBooksRequest.ConnectionIdKey)] string connectionId</c>.
/// </summary>
internal static class FreshBooksRequest
{
    /// <summary>The option key naming the connection a request is made for.</summary>
    public const string ConnectionIdKey = "Ledgerline.FreshBooks.ConnectionId";

    /// <summary>Typed accessor for <see cref="ConnectionIdKey"/>.</summary>
    public static readonly HttpRequestOptionsKey<string> ConnectionId = new(ConnectionIdKey);

    /// <summary>The whole body of the answer to a request, read by <see cref="FreshBooksBodyHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<ReadOnlyMemory<byte>> ResponseBody = new("Ledgerline.FreshBooks.ResponseBody");

    /// <summary>Connection property holding the pinned accounting <c>account_id</c>.</summary>
    public const string AccountIdProperty = FreshBooksConnectionProperties.AccountId;

    /// <summary>Connection property holding the pinned <c>business_id</c> (time tracking, projects).</summary>
    public const string BusinessIdProperty = FreshBooksConnectionProperties.BusinessId;

    /// <summary>Connection property holding the business name, for display.</summary>
    public const string BusinessNameProperty = FreshBooksConnectionProperties.BusinessName;

    /// <summary>Connection property holding the identity id of the user who connected.</summary>
    public const string IdentityIdProperty = FreshBooksConnectionProperties.IdentityId;

    /// <summary>The provider name.</summary>
    public const string ProviderName = "FreshBooks";
}
