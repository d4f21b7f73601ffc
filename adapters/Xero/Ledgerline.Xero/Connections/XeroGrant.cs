using Ledgerline.Connections;

namespace Ledgerline.Xero.Connections;

/// <summary>
/// What a completed authorization gives: the tokens (kept inside, never shown) and the organisations the grant reaches,
/// of which the app picks one for its Ledgerline connection (<see cref="XeroConnector.ConnectAsync"/>). One grant backs
/// one connection: Xero rotates its refresh token at each refresh, so two connections sharing it would lose one to
/// reauthorization; to connect several organisations, authorize once for each.
/// </summary>
public sealed class XeroGrant
{
    internal XeroGrant(ConnectionTokens tokens, IReadOnlySet<string> scopes, IReadOnlyList<XeroOrganisation> organisations, XeroGrantClaim? claim = null)
    {
        Tokens = tokens;
        Scopes = scopes;
        Organisations = organisations;
        Claim = claim ?? new XeroGrantClaim();
    }

    /// <summary>The organisations the user connected, most recently connected first.</summary>
    public IReadOnlyList<XeroOrganisation> Organisations { get; }

    /// <summary>The scopes Xero granted.</summary>
    public IReadOnlySet<string> Scopes { get; }

    /// <summary>
    /// When the access token expires; when Xero's token answer did not say how long it lives, the time the code was
    /// exchanged (see <see cref="XeroOrganisationsUnavailableException"/>), so the connection refreshes it first.
    /// </summary>
    public DateTimeOffset ExpiresAt => Tokens.ExpiresAt;

    internal ConnectionTokens Tokens { get; }

    /// <summary>Which connection the tokens back; shared with every grant read again from this one.</summary>
    internal XeroGrantClaim Claim { get; }

    /// <summary>Describes the grant without its tokens.</summary>
    public override string ToString() => $"XeroGrant {{ Organisations = {Organisations.Count}, ExpiresAt = {ExpiresAt:O} }}";
}
