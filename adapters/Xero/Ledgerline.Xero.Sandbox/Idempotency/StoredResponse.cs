namespace Ledgerline.Xero.Sandbox.Idempotency;

/// <summary>A remembered answer to an idempotent write: null <see cref="Body"/> while the first request is still running.</summary>
internal sealed record StoredResponse(string Fingerprint, DateTimeOffset ExpiresAt, int Status, string? ContentType, byte[]? Body);
