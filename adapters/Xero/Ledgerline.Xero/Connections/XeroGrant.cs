using Ledgerline.Connections;

namespace Ledgerline.Xero.Connections;

/// <summary>
/// What a completed authorization gives: the tokens (kept inside, never shown) and the organisations the grant reaches,
/// of which the app picks one per Ledgerline connection (<see cref="XeroConnector.ConnectAsync"/>).
/// </summary>
public sealed class XeroGrant
{
    internal XeroGrant(ConnectionTokens tokens, IReadOnlySet<string> scopes, IReadOnlyList<XeroOrganisation> organisations)
    {
        Tokens = tokens;
        Scopes = scopes;
        Organisations = organisations;
    }

    /// <summary>The organisations the user connected, most recently connected first.</summary>
    public IReadOnlyList<XeroOrganisation> Organisations { get; }

    /// <summary>The scopes Xero granted.</summary>
    public IReadOnlySet<string> Scopes { get; }

    /// <summary>When the access token expires.</summary>
    public DateTimeOffset ExpiresAt => Tokens.ExpiresAt;

    internal ConnectionTokens Tokens { get; }

    /// <summary>Describes the grant without its tokens.</summary>
    public override string ToString() => $"XeroGrant {{ Organisations = {Organisations.Count}, ExpiresAt = {ExpiresAt:O} }}";
}
