namespace Ledgerline.Xero.Webhooks;

/// <summary>
/// Tells which of the application's connections a Xero organisation (<c>tenantId</c>) belongs to, so that an event
/// becomes a change on connections the application can open. Several connections may be pinned to one organisation
/// (different users of your app); each gets its own change. Register your own (before <c>AddXeroWebhooks</c>, or
/// replace it) when your connections are found another way.
/// </summary>
public interface IXeroTenantResolver
{
    /// <summary>The connections pinned to <paramref name="tenantId"/>; empty when none is known.</summary>
    ValueTask<IReadOnlyList<string>> ResolveConnectionIdsAsync(string tenantId, CancellationToken cancellationToken = default);
}
