using Ledgerline.FreshBooks.Api;
using Refit;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// What tells one accounting entity from another, for <see cref="AccountingStore{TRecord, TDraft, TChanges, TQuery, TWire, TBody, TResult}"/>:
/// its endpoints, where its records sit in the envelope, its scope, the server-side filters that cover a query and the
/// exact client-side filter that narrows what FreshBooks returned.
/// </summary>
/// <typeparam name="TRecord">The canonical record.</typeparam>
/// <typeparam name="TQuery">The canonical query.</typeparam>
/// <typeparam name="TWire">The wire record.</typeparam>
/// <typeparam name="TBody">The body of a create or update.</typeparam>
/// <typeparam name="TResult">The result object of the entity's endpoints.</typeparam>
internal sealed class AccountingEntity<TRecord, TQuery, TWire, TBody, TResult>
    where TResult : class, IWireResult<TWire>
{
    public required EntityKind Entity { get; init; }

    /// <summary>The scope object, e.g. <c>clients</c> for <c>user:clients:read</c>.</summary>
    public required string ScopeObject { get; init; }

    /// <summary>Where the records sit: <c>response.result.{single}</c> and <c>response.result.{list}[]</c>.</summary>
    public required RecordPath Path { get; init; }

    /// <summary><c>include[]</c> values sent on every call (invoices: <c>lines</c>).</summary>
    public IReadOnlyList<string>? Includes { get; init; }

    public required Func<IFreshBooksAccountingApi, string, long, AccountingSearch, string, CancellationToken, Task<IApiResponse<AccountingEnvelope<TResult>>>> Get { get; init; }

    public required Func<IFreshBooksAccountingApi, string, AccountingSearch, string, CancellationToken, Task<IApiResponse<HttpContent>>> List { get; init; }

    public required Func<IFreshBooksAccountingApi, string, AccountingSearch, TBody, string, CancellationToken, Task<IApiResponse<AccountingEnvelope<TResult>>>> Create { get; init; }

    public required Func<IFreshBooksAccountingApi, string, long, AccountingSearch, TBody, string, CancellationToken, Task<IApiResponse<AccountingEnvelope<TResult>>>> Update { get; init; }

    /// <summary>
    /// The body of a state change, <c>vis_state</c> alone; null for an entity without <c>vis_state</c> (taxes), which has no
    /// archive or restore, lists without <c>search[vis_state]</c> and is deleted by <see cref="HardDelete"/>.
    /// </summary>
    public required Func<int, TBody>? StateBody { get; init; }

    /// <summary>An HTTP DELETE that removes the record for good, for an entity without <c>vis_state</c>.</summary>
    public Func<IFreshBooksAccountingApi, string, long, string, CancellationToken, Task<IApiResponse>>? HardDelete { get; init; }

    /// <summary>Sets the server-side filters that cover the query (they may return more; never fewer).</summary>
    public required Action<TQuery, AccountingSearch> ServerFilters { get; init; }

    /// <summary>
    /// The values of one single-valued server-side filter that together cover the query, one listing each (invoices: the
    /// <c>search[payment_status]</c> values a status filter can match); null or empty when the query needs no such split.
    /// </summary>
    public Func<TQuery, IReadOnlyList<string>?>? Splits { get; init; }

    /// <summary>Sets one of <see cref="Splits"/>' values on a listing's search.</summary>
    public Action<string, AccountingSearch>? ApplySplit { get; init; }

    /// <summary>Whether the server-side filters answer the query exactly, so FreshBooks' total is the query's total.</summary>
    public required Func<TQuery, bool> ServerFiltersExact { get; init; }

    /// <summary>The read scope, e.g. <c>user:clients:read</c>.</summary>
    public string ReadScope => $"user:{ScopeObject}:read";

    /// <summary>The write scope, e.g. <c>user:clients:write</c>.</summary>
    public string WriteScope => $"user:{ScopeObject}:write";
}
