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
