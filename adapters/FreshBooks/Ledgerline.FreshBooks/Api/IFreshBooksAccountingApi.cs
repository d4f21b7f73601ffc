using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// The accounting family: <c>/accounting/account/{accountId}/{resource}</c> with FreshBooks' <c>{"response":{"result":…}}</c>
/// envelope. <c>resource</c> is the entity's two-segment path (e.g. <c>invoices/invoices</c>, <c>users/clients/42</c>).
/// Responses come back raw so the adapter reads every status and body through one error table.
/// </summary>
internal interface IFreshBooksAccountingApi
{
    [Get("/accounting/account/{accountId}/{**resource}")]
    Task<HttpResponseMessage> GetAsync(
        string accountId,
        string resource,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/{**resource}")]
    Task<HttpResponseMessage> CreateAsync(
        string accountId,
        string resource,
        [Query] AccountingSearch query,
        [Body] HttpContent body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/{**resource}")]
    Task<HttpResponseMessage> UpdateAsync(
        string accountId,
        string resource,
        [Query] AccountingSearch query,
        [Body] HttpContent body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);
}

/// <summary>
/// Accounting query parameters: paging, <c>search[…]</c> filters and <c>include[]</c>. Unset values are not sent.
/// Date filters are day-granular (<c>YYYY-MM-DD</c>), so the adapter narrows client-side afterwards.
/// </summary>
internal sealed class AccountingSearch
{
    [AliasAs("page")]
    public int? Page { get; set; }

    [AliasAs("per_page")]
    public int? PerPage { get; set; }

    [AliasAs("search[vis_state]")]
    public int? VisState { get; set; }

    [AliasAs("search[updated_min]")]
    public string? UpdatedMin { get; set; }

    [AliasAs("search[customerid]")]
    public long? CustomerId { get; set; }

    [AliasAs("search[clientid]")]
    public long? ClientId { get; set; }

    [AliasAs("search[invoiceid]")]
    public long? InvoiceId { get; set; }

    [AliasAs("search[categoryid]")]
    public long? CategoryId { get; set; }

    [AliasAs("search[email]")]
    public string? Email { get; set; }

    [AliasAs("search[organization_like]")]
    public string? OrganizationLike { get; set; }

    [AliasAs("search[date_min]")]
    public string? DateMin { get; set; }

    [AliasAs("search[date_max]")]
    public string? DateMax { get; set; }

    [AliasAs("include[]")]
    [Query(CollectionFormat.Multi)]
    public IReadOnlyList<string>? Include { get; set; }
}
