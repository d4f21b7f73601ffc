namespace Ledgerline.Xero.Webhooks;

/// <summary>
/// Optional: receives the authentic Xero events Ledgerline has no canonical change for (see
/// <see cref="XeroWebhookResult.Unmapped"/>). Without one, the endpoint logs each such event (category, type, record,
/// organisation) at warning level. An exception tells Xero to deliver the whole batch again.
/// </summary>
public interface IXeroUnmappedWebhookEventHandler
{
    /// <summary>Handles one unmapped event.</summary>
    Task HandleAsync(XeroWebhookEvent webhookEvent, CancellationToken cancellationToken = default);
}
