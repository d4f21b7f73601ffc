using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// FreshBooks' callbacks endpoints (<c>/events/account/{accountId}/events/callbacks</c>). Answers are sent through
/// <see cref="FreshBooksHttp"/> (the one error table, which knows the events service's error shapes) and their bodies,
/// read whole by <see cref="FreshBooksBodyHandler"/>, are decoded by <c>Webhooks/EventsApiResponse</c>. Bodies are passed
/// as ready-made content so that every method is generated inline (no reflection request builder).
/// </summary>
internal interface IFreshBooksEventsApi
{
    [Get("/events/account/{accountId}/events/callbacks")]
    Task<IApiResponse> ListCallbacksAsync(
        string accountId,
        [AliasAs("page")] int page,
        [AliasAs("per_page")] int perPage,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/events/account/{accountId}/events/callbacks")]
    Task<IApiResponse> CreateCallbackAsync(
        string accountId,
        [Body] HttpContent body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/events/account/{accountId}/events/callbacks/{callbackId}")]
    Task<IApiResponse> UpdateCallbackAsync(
        string accountId,
        string callbackId,
        [Body] HttpContent body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Delete("/events/account/{accountId}/events/callbacks/{callbackId}")]
    Task<IApiResponse> DeleteCallbackAsync(
        string accountId,
        string callbackId,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);
}
