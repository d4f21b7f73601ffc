using System.Diagnostics;
using System.Runtime.CompilerServices;
using Ledgerline.Stores;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Diagnostics;

/// <summary>
/// Logs, traces and meters every store call: what, on which record, how long, and how it ended.
/// Logs: refusals (invalid input, unsupported, not found, deleted) are expected outcomes and log at Information without
/// the exception; provider failures log at Warning with it; anything else at Error; cancellation at Debug.
/// Traces and metrics: see <see cref="LedgerlineDiagnostics"/>. Every exception passes through untouched.
/// </summary>
internal class InstrumentedStore<TRecord, TDraft, TChanges, TQuery>(
    ILedgerStore<TRecord, TDraft, TChanges, TQuery> inner,
    EntityKind entity,
    string provider,
    string connectionId,
    ILogger logger,
    LedgerTelemetry telemetry)
    : DelegatingStore<TRecord, TDraft, TChanges, TQuery>(inner)
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery
{
    private readonly string _entity = entity.ToString();

    public override Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(StoreOperation.Get, id, () => base.GetAsync(id, cancellationToken));

    public override Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        RunAsync(StoreOperation.ListPage, null, () => base.ListPageAsync(query, cursor, cancellationToken));

    public override async IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = Begin(StoreOperation.List, null);
        var count = 0;
        try
        {
            await using var records = Observe(call, () => base.ListAsync(query, cancellationToken).GetAsyncEnumerator(cancellationToken));
            while (await Observe(call, () =>
                   {
                       // Each MoveNextAsync runs in the consumer's context; the provider's own spans (HTTP, pages)
                       // belong under the listing's activity.
                       if (call.Activity is not null)
                       {
                           Activity.Current = call.Activity;
                       }

                       return records.MoveNextAsync().AsTask();
                   }))
            {
                count++;
                yield return records.Current;
            }

            LedgerLog.Listed(logger, provider, connectionId, entity, count, call.ElapsedMs);
        }
        finally
        {
            // Also when the consumer stops early: the span ends with what was yielded so far.
            call.Activity?.SetTag(LedgerTelemetry.RecordsTag, count);
            End(call);
        }
    }

    public override Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default) =>
        RunAsync(StoreOperation.Create, null, () => base.CreateAsync(draft, cancellationToken));

    public override Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default) =>
        RunAsync(StoreOperation.Update, id, () => base.UpdateAsync(id, changes, cancellationToken));

    public override Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(StoreOperation.Archive, id, () => base.ArchiveAsync(id, cancellationToken));

    public override Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(StoreOperation.Restore, id, () => base.RestoreAsync(id, cancellationToken));

    public override Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(StoreOperation.Delete, id, async () =>
        {
            await base.DeleteAsync(id, cancellationToken);
            return true;
        });

    private async Task<T> RunAsync<T>(StoreOperation operation, string? id, Func<Task<T>> run)
    {
        var call = Begin(operation, id);
        try
        {
            // Awaited inside the try: guards that throw before returning a task are observed like faulted tasks.
            var result = await run();
            call.RecordId ??= (result as LedgerRecord)?.Id;
            LedgerLog.Completed(logger, provider, connectionId, operation.LogName, entity, call.RecordId, call.ElapsedMs);
            return result;
        }
        catch (Exception exception) when (Fail(call, exception))
        {
            throw;
        }
        finally
        {
            End(call);
        }
    }

    private StoreCall Begin(StoreOperation operation, string? id)
    {
        // The name is built only when someone listens.
        var activity = LedgerTelemetry.Source.HasListeners()
            ? LedgerTelemetry.Source.StartActivity($"{_entity} {operation.TagName}", ActivityKind.Client)
            : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(LedgerTelemetry.ProviderTag, provider);
            activity.SetTag(LedgerTelemetry.ConnectionIdTag, connectionId);
            activity.SetTag(LedgerTelemetry.EntityTag, _entity);
            activity.SetTag(LedgerTelemetry.OperationTag, operation.TagName);
        }

        return new StoreCall(operation, id, activity);
    }

    private void End(StoreCall call)
    {
        call.EndActivity();
        if (!telemetry.Duration.Enabled && !telemetry.Refused.Enabled)
        {
            return;
        }

        // Ids stay off metrics: one series per connection or record would explode cardinality.
        var tags = new TagList
        {
            { LedgerTelemetry.ProviderTag, provider },
            { LedgerTelemetry.EntityTag, _entity },
            { LedgerTelemetry.OperationTag, call.Operation.TagName },
        };
        if (call.Cancelled)
        {
            tags.Add(LedgerTelemetry.CancelledTag, true);
        }
        else if (call.ErrorType is not null)
        {
            tags.Add(LedgerTelemetry.ErrorTypeTag, call.ErrorType);
        }

        telemetry.Duration.Record(call.ElapsedSeconds, tags);
        if (call.Refused)
        {
            telemetry.Refused.Add(1, tags);
        }
    }

    private T Observe<T>(StoreCall call, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception exception) when (Fail(call, exception))
        {
            throw;
        }
    }

    private async Task<bool> Observe(StoreCall call, Func<Task<bool>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception exception) when (Fail(call, exception))
        {
            throw;
        }
    }

    // Always false: the exception filter records the outcome and lets the original exception propagate with its stack intact.
    private bool Fail(StoreCall call, Exception exception)
    {
        var operation = call.Operation.LogName;
        var id = call.RecordId;
        if (exception is OperationCanceledException)
        {
            call.Cancelled = true;
            LedgerLog.Cancelled(logger, provider, connectionId, operation, entity, id, call.ElapsedMs);
            return false;
        }

        call.ErrorType = exception.GetType().Name;
        switch (exception)
        {
            case LedgerValidationException invalid:
                call.Refused = true;
                LedgerLog.Refused(logger, provider, connectionId, operation, entity, id, call.ErrorType,
                    "fields " + string.Join(", ", invalid.Errors.Select(e => e.Field)));
                break;
            case OperationNotSupportedException:
                call.Refused = true;
                LedgerLog.Refused(logger, provider, connectionId, operation, entity, id, call.ErrorType, exception.Message);
                break;
            case RecordNotFoundException or RecordDeletedException:
                LedgerLog.Refused(logger, provider, connectionId, operation, entity, id, call.ErrorType, exception.Message);
                break;
            case LedgerlineException:
                LedgerLog.Failed(logger, provider, connectionId, operation, entity, id, call.ErrorType, call.ElapsedMs, exception);
                break;
            default:
                LedgerLog.Crashed(logger, provider, connectionId, operation, entity, id, call.ElapsedMs, exception);
                break;
        }

        return false;
    }
}
