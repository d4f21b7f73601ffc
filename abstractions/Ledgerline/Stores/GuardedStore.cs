using System.Runtime.CompilerServices;
using FluentValidation;
using Ledgerline.Paging;

namespace Ledgerline.Stores;

/// <summary>
/// Applied by Ledgerline around every provider's stores: refuses unsupported operations and filters, invalid ids, drafts,
/// changes and queries, and foreign cursors, all before the provider sees the call. Providers therefore receive only
/// valid input, a non-null query, and their own raw cursor positions.
/// </summary>
internal class GuardedStore<TRecord, TDraft, TChanges, TQuery>(
    ILedgerStore<TRecord, TDraft, TChanges, TQuery> inner,
    EntityKind entity,
    string provider,
    StoreCapabilities capabilities,
    IValidator<TDraft>? draftValidator,
    IValidator<TChanges>? changesValidator,
    IValidator<TQuery>? queryValidator)
    : DelegatingStore<TRecord, TDraft, TChanges, TQuery>(inner)
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery, new()
{
    // Every override is async (or an iterator) so that a refusal surfaces when the call is awaited or enumerated,
    // like any other failure, and never stops a caller's sibling calls from starting.
    public override async Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Require(StoreOperations.Get);
        RequireId(id);
        return await base.GetAsync(id, cancellationToken);
    }

    public override async IAsyncEnumerable<TRecord> ListAsync(
        TQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Require(StoreOperations.List);
        var checkedQuery = Check(query);
        await foreach (var record in base.ListAsync(checkedQuery, cancellationToken).WithCancellation(cancellationToken))
        {
            yield return record;
        }
    }

    public override async Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        Require(StoreOperations.List);
        var checkedQuery = Check(query);
        var position = cursor is null ? null : PageCursor.Decode(checkedQuery, cursor);
        var page = await base.ListPageAsync(checkedQuery, position, cancellationToken);
        return page.NextCursor is null ? page : page with { NextCursor = PageCursor.Encode(checkedQuery, page.NextCursor) };
    }

    public override async Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default)
    {
        Require(StoreOperations.Create);
        Validate(draft, draftValidator, "draft");
        return await base.CreateAsync(draft, cancellationToken);
    }

    public override async Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default)
    {
        Require(StoreOperations.Update);
        RequireId(id);
        Validate(changes, changesValidator, "changes");
        return await base.UpdateAsync(id, changes, cancellationToken);
    }

    public override async Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default)
    {
        Require(StoreOperations.Archive);
        RequireId(id);
        return await base.ArchiveAsync(id, cancellationToken);
    }

    public override async Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default)
    {
        Require(StoreOperations.Restore);
        RequireId(id);
        return await base.RestoreAsync(id, cancellationToken);
    }

    public override async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        Require(StoreOperations.Delete);
        RequireId(id);
        await base.DeleteAsync(id, cancellationToken);
    }

    private void Require(StoreOperations operation)
    {
        if (!capabilities.Supports(operation))
        {
            throw new OperationNotSupportedException(provider, entity, operation.ToString());
        }
    }

    private static void RequireId(string id, [CallerArgumentExpression(nameof(id))] string field = "")
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new LedgerValidationException([new FieldError(field, "An id is required.", "Required")]);
        }
    }

    private TQuery Check(TQuery? query)
    {
        query ??= new TQuery();
        Validate(query, queryValidator, "query");
        foreach (var filter in query.GetAppliedFilters())
        {
            if (filter.Name == nameof(RecordQuery.States))
            {
                if ((query.States & ~capabilities.QueryableStates) != 0)
                {
                    throw new OperationNotSupportedException(provider, entity, $"listing {query.States} records");
                }
            }
            else if (!capabilities.Filters.Contains(filter.Name))
            {
                throw new OperationNotSupportedException(provider, entity, $"the {filter.Name} filter");
            }
        }

        return query;
    }

    private static void Validate<T>(T? input, IValidator<T>? validator, string name)
    {
        if (input is null)
        {
            throw new LedgerValidationException([new FieldError(name, $"The {name} is required.", "Required")]);
        }

        if (validator is null)
        {
            return;
        }

        var result = validator.Validate(input);
        if (!result.IsValid)
        {
            throw new LedgerValidationException(
                result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage, e.ErrorCode)).ToArray());
        }
    }
}
