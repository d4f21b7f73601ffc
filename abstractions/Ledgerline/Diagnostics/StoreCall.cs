using System.Diagnostics;

namespace Ledgerline.Diagnostics;

/// <summary>One store call in flight: its activity, start and outcome, so that its log line, span and metrics agree.</summary>
internal sealed class StoreCall(StoreRequest request, Activity? activity)
{
    public StoreRequest Request { get; } = request;

    private static readonly string[] LogNames = Enum.GetNames<StoreOperation>();

    /// <summary>The operation as log lines name it (<c>ListPage</c>).</summary>
    public string LogName => (uint)Request.Operation < (uint)LogNames.Length ? LogNames[(int)Request.Operation] : Request.Operation.ToString();

    /// <summary>The operation as telemetry tags it (<c>list_page</c>).</summary>
    public string TagName => TagNameOf(Request.Operation);

    /// <summary>The id the call was given, or the one a created record received.</summary>
    public string? RecordId { get; set; } = request.Id;

    public Activity? Activity { get; } = activity;

    public long Start { get; } = Stopwatch.GetTimestamp();

    public double ElapsedMs => Stopwatch.GetElapsedTime(Start).TotalMilliseconds;

    public double ElapsedSeconds => Stopwatch.GetElapsedTime(Start).TotalSeconds;

    /// <summary>The exception's type name when the call failed; never its message, which may quote input.</summary>
    public string? ErrorType { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>Refused as invalid or unsupported, normally by the guard before any request.</summary>
    public bool Refused { get; set; }

    public static string TagNameOf(StoreOperation operation) => operation switch
    {
        StoreOperation.Get => "get",
        StoreOperation.List => "list",
        StoreOperation.ListPage => "list_page",
        StoreOperation.Create => "create",
        StoreOperation.Update => "update",
        StoreOperation.Archive => "archive",
        StoreOperation.Restore => "restore",
        StoreOperation.Delete => "delete",
        StoreOperation.MarkSent => "mark_sent",
        StoreOperation.Void => "void",
        StoreOperation.Accept => "accept",
        StoreOperation.Decline => "decline",
        StoreOperation.ConvertToInvoice => "convert_to_invoice",
        StoreOperation.Allocate => "allocate",
        StoreOperation.GetCompany => "get_company",
        _ => operation.ToString().ToLowerInvariant(),
    };

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
