using Ledgerline.Connections;

namespace Ledgerline.FreshBooks.Connections;

/// <summary>
/// The result of exchanging an authorization code: who authorized, which businesses they can connect, and the tokens
/// (kept inside, never exposed or printed). Pass it to <see cref="FreshBooksConnector.ConnectAsync"/> once: FreshBooks'
/// refresh tokens are single-use, so one grant can back exactly one connection.
/// </summary>
public sealed class FreshBooksGrant
{
    private readonly Lock _gate = new();
    private string? _connectionId;
    private bool _spent;

    internal FreshBooksGrant(
        string identityId, string? email, string? firstName, string? lastName,
        IReadOnlyList<FreshBooksBusiness> businesses, IReadOnlySet<string> scopes, ConnectionTokens tokens)
    {
        IdentityId = identityId;
        Email = email;
        FirstName = firstName;
        LastName = lastName;
        Businesses = businesses;
        Scopes = scopes;
        Tokens = tokens;
    }

    /// <summary>
    /// The FreshBooks identity id of the user who authorized; empty in the grant of an exchange whose identity lookup
    /// failed (<see cref="FreshBooksIdentityUnavailableException.Grant"/>), which has no businesses either.
    /// </summary>
    public string IdentityId { get; }

    /// <summary>The user's email address.</summary>
    public string? Email { get; }

    /// <summary>The user's first name.</summary>
    public string? FirstName { get; }

    /// <summary>The user's last name.</summary>
    public string? LastName { get; }

    /// <summary>The businesses the user can connect; let the user pick one when there are several.</summary>
    public IReadOnlyList<FreshBooksBusiness> Businesses { get; }

    /// <summary>The scopes FreshBooks granted (may be fewer than requested).</summary>
    public IReadOnlySet<string> Scopes { get; }

    /// <summary>
    /// When the access token expires (UTC); when FreshBooks' token answer did not say how long it lives, the time the code
    /// was exchanged (see <see cref="FreshBooksIdentityUnavailableException"/>), so the connection refreshes it first.
    /// </summary>
    public DateTimeOffset ExpiresAt => Tokens.ExpiresAt;

    internal ConnectionTokens Tokens { get; }

    internal bool IsUsed
    {
        get
        {
            lock (_gate)
            {
                return _spent || _connectionId is not null;
            }
        }
    }

    /// <summary>Tokens just obtained, before FreshBooks has said whose they are.</summary>
    internal static FreshBooksGrant WithoutIdentity(IReadOnlySet<string> scopes, ConnectionTokens tokens) =>
        new(string.Empty, null, null, null, [], scopes, tokens);

    internal bool IsSpent
    {
        get
        {
            lock (_gate)
            {
                return _spent;
            }
        }
    }

    /// <summary>Spends the grant for a read of the identity, which hands out a new grant with the same tokens.</summary>
    internal bool TryUse()
    {
        lock (_gate)
        {
            if (_spent || _connectionId is not null)
            {
                return false;
            }

            _spent = true;
            return true;
        }
    }

    /// <summary>
    /// Reserves the grant for one connection id. A save that failed or was cancelled leaves the reservation, so the same
    /// connection can be saved again with the same tokens (the tokens are not lost); another connection id is refused,
    /// since two connections sharing one single-use refresh token would kill each other at the first refresh.
    /// </summary>
    internal bool TryReserve(string connectionId)
    {
        lock (_gate)
        {
            if (_spent || (_connectionId is not null && !string.Equals(_connectionId, connectionId, StringComparison.Ordinal)))
            {
                return false;
            }

            _connectionId = connectionId;
            return true;
        }
    }

    /// <summary>The connection was saved: the grant cannot back anything again (a later save would put back tokens a refresh has spent).</summary>
    internal void Spend()
    {
        lock (_gate)
        {
            _spent = true;
        }
    }

    /// <summary>Describes the grant without its tokens.</summary>
    public override string ToString() =>
        $"FreshBooksGrant {{ IdentityId = {IdentityId}, Businesses = {Businesses.Count}, Scopes = {string.Join(' ', Scopes)}, Tokens = *** }}";
}
