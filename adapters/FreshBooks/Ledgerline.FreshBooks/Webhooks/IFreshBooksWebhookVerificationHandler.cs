namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Optional: what an application registers to take verification notices Ledgerline does not complete itself (automatic
/// completion is off, or no connection is known for the account).
/// </summary>
public interface IFreshBooksWebhookVerificationHandler
{
    /// <summary>Handles one verification notice.</summary>
    Task HandleAsync(FreshBooksVerificationRequest request, CancellationToken cancellationToken = default);
}
