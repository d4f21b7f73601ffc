using System.Diagnostics;
using System.Runtime.CompilerServices;
using Ledgerline.Stores;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Logging;

/// <summary>
/// Logs every store call: what, on which record, how long, and how it ended. Refusals (invalid input, unsupported,
/// not found, deleted) are expected outcomes and log at Information without the exception; provider failures log at
/// Warning with it; anything else at Error. Cancellation is logged at Debug and passes through untouched.
/// </summary>
internal class LoggingStore<TRecord, TDraft, TChanges, TQuery>(
    ILedgerStore<TRecord, TDraft, TChanges, TQuery> inner, EntityKind entity, string provider, string connectionId, ILogger logger)
    : DelegatingStore<TRecord, TDraft, TChanges, TQuery>(inner)
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery
{
    public override Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync("Get", id, () => base.GetAsync(id, cancellationToken));

    public override Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        RunAsync("ListPage", null, () => base.ListPageAsync(query, cursor, cancellationToken));

    public override async IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var count = 0;
        await using var records = Observe(() => base.ListAsync(query, cancellationToken).GetAsyncEnumerator(cancellationToken), start);
        while (await Observe(() => records.MoveNextAsync().AsTask(), start))
        {
            count++;
            yield return records.Current;
        }

        LedgerLog.Listed(logger, provider, connectionId, entity, count, Elapsed(start));
    }

    public override Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default) =>
        RunAsync("Create", null, () => base.CreateAsync(draft, cancellationToken));

    public override Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default) =>
        RunAsync("Update", id, () => base.UpdateAsync(id, changes, cancellationToken));

    public override Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync("Archive", id, () => base.ArchiveAsync(id, cancellationToken));

    public override Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync("Restore", id, () => base.RestoreAsync(id, cancellationToken));

    public override Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync("Delete", id, async () =>
        {
            await base.DeleteAsync(id, cancellationToken);
            return true;
        });

    private static double Elapsed(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    private async Task<T> RunAsync<T>(string operation, string? id, Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            // Awaited inside the try: guards that throw before returning a task are logged like faulted tasks.
            var result = await call();
            LedgerLog.Completed(logger, provider, connectionId, operation, entity, id ?? (result as LedgerRecord)?.Id, Elapsed(start));
            return result;
        }
        catch (Exception exception) when (Log(exception, operation, id, start))
        {
            throw;
        }
    }

    private T Observe<T>(Func<T> step, long start)
    {
        try
        {
            return step();
        }
        catch (Exception exception) when (Log(exception, "List", null, start))
        {
            throw;
        }
    }

    private async Task<bool> Observe(Func<Task<bool>> step, long start)
    {
        try
        {
            return await step();
        }
        catch (Exception exception) when (Log(exception, "List", null, start))
        {
            throw;
        }
    }

    // Always false: the exception filter logs and lets the original exception propagate with its stack intact.
    private bool Log(Exception exception, string operation, string? id, long start)
    {
        switch (exception)
        {
            case OperationCanceledException:
                LedgerLog.Cancelled(logger, provider, connectionId, operation, entity, id, Elapsed(start));
                break;
            case LedgerValidationException invalid:
                LedgerLog.Refused(logger, provider, connectionId, operation, entity, id, exception.GetType().Name,
                    "fields " + string.Join(", ", invalid.Errors.Select(e => e.Field)));
                break;
            case OperationNotSupportedException or RecordNotFoundException or RecordDeletedException:
                LedgerLog.Refused(logger, provider, connectionId, operation, entity, id, exception.GetType().Name, exception.Message);
                break;
            case LedgerlineException:
                LedgerLog.Failed(logger, provider, connectionId, operation, entity, id, exception.GetType().Name, Elapsed(start), exception);
                break;
            default:
                LedgerLog.Crashed(logger, provider, connectionId, operation, entity, id, Elapsed(start), exception);
                break;
        }

        return false;
    }
}
