using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Auth;

/// <summary>Xero's token endpoint refused a grant with an OAuth error (<c>invalid_grant</c>, <c>invalid_client</c>, …).</summary>
internal sealed class XeroTokenEndpointException(int status, string? error, string? description)
    : LedgerlineException($"Xero's token endpoint refused the grant (HTTP {status}, {error ?? "no error code"}).")
{
    /// <summary>Whether the grant itself is dead (spent, expired or revoked): the user must connect again.</summary>
    public bool IsInvalidGrant => string.Equals(Error, "invalid_grant", StringComparison.Ordinal);

    public int Status { get; } = status;

    public string? Error { get; } = error;

    public string? Description { get; } = description;

    /// <summary>The typed exception for a caller: a dead grant needs the user, anything else is the provider's refusal.</summary>
    public LedgerlineException ToLedgerline(string connectionId) => IsInvalidGrant
        ? new ReauthorizationRequiredException(connectionId, $"Xero refused connection '{connectionId}''s refresh token (invalid_grant); the user must connect again.", this)
        {
            Provider = XeroRequest.ProviderName, StatusCode = Status, ProviderCode = Error, ProviderMessage = Description,
        }
        : new LedgerlineException(Message, this) { Provider = XeroRequest.ProviderName, StatusCode = Status, ProviderCode = Error, ProviderMessage = Description };

    /// <summary>The typed exception for a refused code exchange: a dead code needs the user to consent again.</summary>
    public LedgerlineException ToCodeRefusal() => IsInvalidGrant
        ? new AuthorizationCodeRefusedException(
            "Xero refused the authorization code (invalid_grant): it has expired (codes live 5 minutes), was already exchanged, " +
            "or was issued for another redirect URI or client. Nothing was stored; create a new authorization request, send the " +
            "user to Xero's consent page again and exchange the new code once.", this)
        {
            Provider = XeroRequest.ProviderName, StatusCode = Status, ProviderCode = Error, ProviderMessage = Description,
        }
        : ToLedgerline(string.Empty);
}

/// <summary>No answer was read from Xero's token endpoint (the request may or may not have been processed).</summary>
internal sealed class XeroTokenTransportException(Exception innerException)
    : LedgerlineException("No answer was read from Xero's token endpoint.", innerException);
