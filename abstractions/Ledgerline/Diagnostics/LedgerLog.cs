using Microsoft.Extensions.Logging;

namespace Ledgerline.Diagnostics;

/// <summary>
/// Ledgerline's log lines. They name the provider, connection, entity, operation and record id, never record contents,
/// tokens or request bodies: inputs may hold personal data, and ids are enough to trace a call.
/// </summary>
/// <remarks>
/// A failed call has one place: the exception thrown to the caller, who decides whether it is worth a warning (a
/// not-found or a rate limit often is not). So refusals and failures are logged here at Debug, one line without a stack
/// trace. Only <see cref="Crashed"/> — a provider let a non-Ledgerline exception escape, i.e. a defect — is logged at
/// Error with its exception as well as thrown (wrapped), so it is seen even where a caller swallows errors.
/// </remarks>
internal static partial class LedgerLog
{
    public const string Category = "Ledgerline";

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug,
        Message = "{Provider}/{ConnectionId}: {Operation} {Entity} {RecordId} completed in {ElapsedMs:0.0} ms")]
    public static partial void Completed(ILogger logger, string provider, string connectionId, string operation, EntityKind entity, string? recordId, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
        Message = "{Provider}/{ConnectionId}: listed {Count} {Entity} records in {ElapsedMs:0.0} ms")]
    public static partial void Listed(ILogger logger, string provider, string connectionId, EntityKind entity, int count, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug,
        Message = "{Provider}/{ConnectionId}: {Operation} {Entity} {RecordId} refused ({Reason}): {Detail}")]
    public static partial void Refused(ILogger logger, string provider, string connectionId, string operation, EntityKind entity, string? recordId, string reason, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug,
        Message = "{Provider}/{ConnectionId}: {Operation} {Entity} {RecordId} failed ({Reason}) after {ElapsedMs:0.0} ms")]
    public static partial void Failed(ILogger logger, string provider, string connectionId, string operation, EntityKind entity, string? recordId, string reason, double elapsedMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error,
        Message = "{Provider}/{ConnectionId}: {Operation} {Entity} {RecordId} failed unexpectedly after {ElapsedMs:0.0} ms")]
    public static partial void Crashed(ILogger logger, string provider, string connectionId, string operation, EntityKind entity, string? recordId, double elapsedMs, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug,
        Message = "{Provider}/{ConnectionId}: {Operation} {Entity} {RecordId} cancelled after {ElapsedMs:0.0} ms")]
    public static partial void Cancelled(ILogger logger, string provider, string connectionId, string operation, EntityKind entity, string? recordId, double elapsedMs);
}
