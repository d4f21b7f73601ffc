namespace Ledgerline.Xero.Sandbox;

/// <summary>One request the sandbox answered, for assertions such as "how many calls did the adapter make".</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path.</param>
/// <param name="Query">Query string including the leading <c>?</c>, or empty.</param>
/// <param name="StatusCode">Response status; 0 when the sandbox dropped the connection on purpose (a fault).</param>
/// <param name="TenantId">The <c>xero-tenant-id</c> header as sent, if any.</param>
/// <param name="Time">Sandbox time when the request arrived.</param>
public sealed record SandboxRequest(string Method, string Path, string Query, int StatusCode, string? TenantId, DateTimeOffset Time);
