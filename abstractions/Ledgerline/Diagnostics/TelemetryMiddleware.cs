using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Diagnostics;

/// <summary>
/// Logs, traces and meters every store call: what, on which record, how long, and how it ended. The outermost middleware,
/// so refusals by the guards are recorded too.
/// Logs: refusals (invalid input, unsupported, not found, deleted) are expected outcomes and log at Information without
/// the exception; provider failures log at Warning with it; anything else at Error; cancellation at Debug.
/// Traces and metrics: see <see cref="LedgerlineDiagnostics"/>. Every exception passes through untouched.
/// </summary>
internal sealed class TelemetryMiddleware(ILogger logger, LedgerTelemetry telemetry) : StoreMiddleware
{
    public override async ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        var call = Begin(request);
        try
        {
            // Awaited inside the try: middleware that throws before returning a task is observed like a faulted task.
            var result = await next(request, cancellationToken);
            call.RecordId ??= (result as LedgerRecord)?.Id;

            // Checked here so that a call nobody logs does not pay for the line's arguments either.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                LedgerLog.Completed(logger, request.ProviderName, request.ConnectionId, call.LogName, request.Entity, call.RecordId, call.ElapsedMs);
            }

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

    public override IAsyncEnumerable<LedgerRecord> ListAsync(StoreRequest request, StoreListHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        return ListCore(request, next, cancellationToken);
    }

    private async IAsyncEnumerable<LedgerRecord> ListCore(StoreRequest request, StoreListHandler next, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var call = Begin(request);
        var count = 0;
        try
        {
            await using var records = Observe(call, () => next(request, cancellationToken).GetAsyncEnumerator(cancellationToken));
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

            if (logger.IsEnabled(LogLevel.Debug))
            {
                LedgerLog.Listed(logger, request.ProviderName, request.ConnectionId, request.Entity, count, call.ElapsedMs);
            }
        }
        finally
        {
            // Also when the consumer stops early: the span ends with what was yielded so far.
            call.Activity?.SetTag(LedgerTelemetry.RecordsTag, count);
            End(call);
        }
    }

    private static StoreCall Begin(StoreRequest request)
    {
        // The name is built only when someone listens.
        var activity = LedgerTelemetry.Source.HasListeners()
            ? LedgerTelemetry.Source.StartActivity($"{request.Entity} {StoreCall.TagNameOf(request.Operation)}", ActivityKind.Client)
            : null;
        var call = new StoreCall(request, activity);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(LedgerTelemetry.ProviderTag, request.ProviderName);
            activity.SetTag(LedgerTelemetry.ConnectionIdTag, request.ConnectionId);
            activity.SetTag(LedgerTelemetry.EntityTag, request.Entity.ToString());
            activity.SetTag(LedgerTelemetry.OperationTag, call.TagName);
        }

        return call;
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
            { LedgerTelemetry.ProviderTag, call.Request.ProviderName },
            { LedgerTelemetry.EntityTag, call.Request.Entity.ToString() },
            { LedgerTelemetry.OperationTag, call.TagName },
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
        var request = call.Request;
        var (provider, connectionId, entity, operation, id) = (request.ProviderName, request.ConnectionId, request.Entity, call.LogName, call.RecordId);
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
            case Pipeline.UnexpectedProviderException:
                LedgerLog.Crashed(logger, provider, connectionId, operation, entity, id, call.ElapsedMs, exception);
                break;
            case LedgerlineException:
                LedgerLog.Failed(logger, provider, connectionId, operation, entity, id, call.ErrorType, call.ElapsedMs);
                break;
            default:
                LedgerLog.Crashed(logger, provider, connectionId, operation, entity, id, call.ElapsedMs, exception);
                break;
        }

        return false;
    }
}
