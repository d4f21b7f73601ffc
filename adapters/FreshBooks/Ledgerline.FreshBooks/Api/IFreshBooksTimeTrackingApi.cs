using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// The time tracking and projects family: <c>/timetracking/business/{businessId}/…</c> and <c>/projects/business/…</c>,
/// keyed by the business id (not the account id), with bare <c>{"time_entry":…}</c> bodies and a <c>meta</c> block on lists.
/// FreshBooks asks that GETs here carry no Content-Type; none is ever set on a GET.
/// </summary>
internal interface IFreshBooksTimeTrackingApi
{
    [Get("/timetracking/business/{businessId}/time_entries")]
    Task<HttpResponseMessage> ListTimeEntriesAsync(
        string businessId,
        [Query] TimeEntrySearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/timetracking/business/{businessId}/time_entries/{id}")]
    Task<HttpResponseMessage> GetTimeEntryAsync(
        string businessId,
        long id,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/timetracking/business/{businessId}/time_entries")]
    Task<HttpResponseMessage> CreateTimeEntryAsync(
        string businessId,
        [Body] HttpContent body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/timetracking/business/{businessId}/time_entries/{id}")]
    Task<HttpResponseMessage> UpdateTimeEntryAsync(
        string businessId,
        long id,
        [Body] HttpContent body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Delete("/timetracking/business/{businessId}/time_entries/{id}")]
    Task<HttpResponseMessage> DeleteTimeEntryAsync(
        string businessId,
        long id,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/projects/business/{businessId}/projects")]
    Task<HttpResponseMessage> ListProjectsAsync(
        string businessId,
        [Query] TimeEntrySearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);
}
