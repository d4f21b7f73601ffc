using System.Diagnostics;

namespace Ledgerline.Diagnostics;

/// <summary>One store call in flight: its activity, start and outcome, so that its log line, span and metrics agree.</summary>
internal sealed class StoreCall(StoreOperation operation, string? recordId, Activity? activity)
{
    public StoreOperation Operation { get; } = operation;

    /// <summary>The id the call was given, or the one a created record received.</summary>
    public string? RecordId { get; set; } = recordId;

    public Activity? Activity { get; } = activity;

    public long Start { get; } = Stopwatch.GetTimestamp();

    public double ElapsedMs => Stopwatch.GetElapsedTime(Start).TotalMilliseconds;

    public double ElapsedSeconds => Stopwatch.GetElapsedTime(Start).TotalSeconds;

    /// <summary>The exception's type name when the call failed; never its message, which may quote input.</summary>
    public string? ErrorType { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>Refused as invalid or unsupported, normally by the guard before any request.</summary>
    public bool Refused { get; set; }

    /// <summary>Records the outcome on the activity and ends it.</summary>
    public void EndActivity()
    {
        if (Activity is null)
        {
            return;
        }

        if (RecordId is not null)
        {
            Activity.SetTag(LedgerTelemetry.RecordIdTag, RecordId);
        }

        // Cancellation is the caller's choice, not a failure: the status stays Unset.
        if (Cancelled)
        {
            Activity.SetTag(LedgerTelemetry.CancelledTag, true);
        }
        else if (ErrorType is not null)
        {
            Activity.SetStatus(ActivityStatusCode.Error);
            Activity.SetTag(LedgerTelemetry.ErrorTypeTag, ErrorType);
        }

        Activity.Dispose();
    }
}
