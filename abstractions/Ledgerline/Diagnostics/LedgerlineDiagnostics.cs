namespace Ledgerline;

/// <summary>
/// Names of Ledgerline's traces and metrics, for <c>AddSource</c> and <c>AddMeter</c> when you set up OpenTelemetry.
/// </summary>
/// <remarks>
/// Every store call on a ledger from <see cref="ILedgerFactory"/> starts a client activity named
/// <c>"{entity} {operation}"</c> (e.g. <c>Invoice create</c>) tagged <c>ledgerline.provider</c>,
/// <c>ledgerline.connection_id</c>, <c>ledgerline.entity</c>, <c>ledgerline.operation</c> and, when known,
/// <c>ledgerline.record_id</c>; a listing is one activity for the whole enumeration, tagged <c>ledgerline.records</c>.
/// A failed call has status Error and <c>error.type</c> (the exception's type name); a cancelled call keeps status
/// Unset and is tagged <c>ledgerline.cancelled</c>. Tags hold ids only, never record contents, messages or tokens.
/// The metrics carry only <c>ledgerline.provider</c>, <c>ledgerline.entity</c>, <c>ledgerline.operation</c> and, when
/// set, <c>error.type</c> or <c>ledgerline.cancelled</c>.
/// </remarks>
public static class LedgerlineDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> that traces store calls.</summary>
    public const string ActivitySourceName = "Ledgerline";

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Metrics.Meter"/>. Created through the application's
    /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> when one is registered.
    /// </summary>
    public const string MeterName = "Ledgerline";

    /// <summary>
    /// Histogram of store call durations in seconds: every call that ends, whether it succeeded, failed, was refused
    /// or was cancelled (a listing counts from its start to the end of its enumeration).
    /// </summary>
    public const string OperationDurationInstrumentName = "ledgerline.operation.duration";

    /// <summary>
    /// Counter of store calls refused as invalid or unsupported (<see cref="LedgerValidationException"/>,
    /// <see cref="OperationNotSupportedException"/>), normally by Ledgerline's guard before any request is sent.
    /// </summary>
    public const string OperationRefusedInstrumentName = "ledgerline.operation.refused";
}
