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

/// <summary>
/// Time tracking query parameters: plain names (not <c>search[…]</c>), booleans as <c>true/false</c>, instants as
/// ISO 8601 UTC.
/// </summary>
internal sealed class TimeEntrySearch
{
    [AliasAs("page")]
    public int? Page { get; set; }

    [AliasAs("per_page")]
    public int? PerPage { get; set; }

    [AliasAs("client_id")]
    public long? ClientId { get; set; }

    [AliasAs("project_id")]
    public long? ProjectId { get; set; }

    [AliasAs("started_from")]
    public string? StartedFrom { get; set; }

    [AliasAs("started_to")]
    public string? StartedTo { get; set; }

    [AliasAs("updated_since")]
    public string? UpdatedSince { get; set; }

    [AliasAs("billable")]
    public string? Billable { get; set; }

    [AliasAs("billed")]
    public string? Billed { get; set; }
}
