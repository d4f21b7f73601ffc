using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// The time tracking family: <c>/timetracking/business/{businessId}/time_entries</c>,
/// keyed by the business id (not the account id), with bare <c>{"time_entry":…}</c> bodies and a <c>meta</c> block on lists.
/// FreshBooks asks that GETs here carry no Content-Type; none is ever set on a GET. Answers come back as
/// <see cref="IApiResponse{T}"/> so that every status and body goes through the one error table.
/// </summary>
internal interface IFreshBooksTimeTrackingApi
{
    [Get("/timetracking/business/{businessId}/time_entries")]
    Task<IApiResponse<TimeEntryResult>> ListTimeEntriesAsync(
        string businessId,
        [Query] TimeEntrySearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/timetracking/business/{businessId}/time_entries/{id}")]
    Task<IApiResponse<TimeEntryResult>> GetTimeEntryAsync(
        string businessId,
        long id,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/timetracking/business/{businessId}/time_entries")]
    Task<IApiResponse<TimeEntryResult>> CreateTimeEntryAsync(
        string businessId,
        [Body(buffered: true)] TimeEntryBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/timetracking/business/{businessId}/time_entries/{id}")]
    Task<IApiResponse<TimeEntryResult>> UpdateTimeEntryAsync(
        string businessId,
        long id,
        [Body(buffered: true)] TimeEntryBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Delete("/timetracking/business/{businessId}/time_entries/{id}")]
    Task<IApiResponse> DeleteTimeEntryAsync(
        string businessId,
        long id,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);
}
