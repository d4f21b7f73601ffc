using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// FreshBooks' callbacks endpoints (<c>/events/account/{accountId}/events/callbacks</c>). Responses are read raw: the
/// events service has its own error shapes (§11 of the reference), decoded by <see cref="Webhooks.EventsApiResponse"/>. Bodies are
/// passed as ready-made content so that every method is generated inline (no reflection request builder).
/// </summary>
internal interface IFreshBooksEventsApi
{
    [Get("/events/account/{accountId}/events/callbacks")]
    Task<HttpResponseMessage> ListCallbacksAsync(
        string accountId,
        [AliasAs("page")] int page,
        [AliasAs("per_page")] int perPage,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/events/account/{accountId}/events/callbacks")]
    Task<HttpResponseMessage> CreateCallbackAsync(
        string accountId,
        [Body] HttpContent body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/events/account/{accountId}/events/callbacks/{callbackId}")]
    Task<HttpResponseMessage> UpdateCallbackAsync(
        string accountId,
        string callbackId,
        [Body] HttpContent body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Delete("/events/account/{accountId}/events/callbacks/{callbackId}")]
    Task<HttpResponseMessage> DeleteCallbackAsync(
        string accountId,
        string callbackId,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);
}
