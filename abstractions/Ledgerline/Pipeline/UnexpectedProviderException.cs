namespace Ledgerline.Pipeline;

/// <summary>
/// A provider's store let a non-Ledgerline exception escape (a bug, an unwrapped transport error). Callers see a
/// <see cref="LedgerlineException"/>; the telemetry middleware logs it as a crash, at Error.
/// </summary>
internal sealed class UnexpectedProviderException(string message, Exception innerException) : LedgerlineException(message, innerException);
