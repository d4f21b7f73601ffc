using Ledgerline.Connections;

namespace Ledgerline.FreshBooks.Connections;

/// <summary>
/// The result of exchanging an authorization code: who authorized, which businesses they can connect, and the tokens
/// (kept inside, never exposed or printed). Pass it to <see cref="FreshBooksConnector.ConnectAsync"/> once: FreshBooks'
/// refresh tokens are single-use, so one grant can back exactly one connection.
/// </summary>
public sealed class FreshBooksGrant
{
    private int _used;

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

    /// <summary>When the access token expires (UTC).</summary>
    public DateTimeOffset ExpiresAt => Tokens.ExpiresAt;

    internal ConnectionTokens Tokens { get; }

    internal bool IsUsed => Volatile.Read(ref _used) != 0;

    /// <summary>Tokens just obtained, before FreshBooks has said whose they are.</summary>
    internal static FreshBooksGrant WithoutIdentity(IReadOnlySet<string> scopes, ConnectionTokens tokens) =>
        new(string.Empty, null, null, null, [], scopes, tokens);

    internal bool TryUse() => Interlocked.Exchange(ref _used, 1) == 0;

    /// <summary>Describes the grant without its tokens.</summary>
    public override string ToString() =>
        $"FreshBooksGrant {{ IdentityId = {IdentityId}, Businesses = {Businesses.Count}, Scopes = {string.Join(' ', Scopes)}, Tokens = *** }}";
}
