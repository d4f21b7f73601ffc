namespace Ledgerline.Xero.Connections;

/// <summary>
/// Which Ledgerline connection one authorization's tokens back, shared by every <see cref="XeroGrant"/> holding those
/// tokens (the grant an exchange or import returned and the ones <see cref="XeroConnector.ListOrganisationsAsync"/> read
/// again). Xero rotates the refresh token at each refresh and keeps the old one for 30 minutes only, and a Ledgerline
/// connection keeps one token pair of its own; so two connections made from one grant, whatever organisation each
/// pins, would share one refresh token, and the first refresh would leave the other needing reauthorization. One grant
/// therefore backs one connection id, as FreshBooks' connector does it: reserved for that id until the save succeeds
/// (a save that failed or was cancelled can be repeated with the same id, so the tokens are not lost), spent once saved.
/// </summary>
internal sealed class XeroGrantClaim
{
    private readonly Lock _gate = new();
    private string? _connectionId;
    private bool _spent;

    /// <summary>Whether a connection was saved with the grant.</summary>
    public bool IsSpent
    {
        get
        {
            lock (_gate)
            {
                return _spent;
            }
        }
    }

    /// <summary>Reserves the grant for <paramref name="connectionId"/>; false when it is spent or reserved for another id.</summary>
    public bool TryReserve(string connectionId)
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

    /// <summary>The connection was saved: the grant cannot back anything again (a later save would put back tokens a refresh has rotated).</summary>
    public void Spend()
    {
        lock (_gate)
        {
            _spent = true;
        }
    }
}
