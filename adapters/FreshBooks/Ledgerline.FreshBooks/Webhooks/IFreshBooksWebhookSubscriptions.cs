namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Manages FreshBooks webhook callbacks for a connection: subscribe to canonical change topics, complete the
/// verification round-trip, list, resend verification, delete. A new callback is inactive until its verifier (which
/// FreshBooks posts to the callback's URI) is sent back; the webhook endpoint does that by itself when it can.
/// </summary>
/// <remarks>
/// Every method refuses, before any request, a null or blank <c>connectionId</c> or <c>callbackId</c> with
/// <see cref="LedgerValidationException"/> (code <c>BlankId</c> on the parameter), and a connection that is not stored or
/// not pinned to a FreshBooks account with <see cref="ReauthorizationRequiredException"/>.
/// </remarks>
public interface IFreshBooksWebhookSubscriptions
{
    /// <summary>
    /// Creates a callback for <paramref name="topic"/> delivering to <paramref name="uri"/> (a whole entity subscribes to
    /// the bare FreshBooks object, e.g. <c>invoice</c>; one change kind to e.g. <c>invoice.create</c>). FreshBooks then posts
    /// a verification notice to <paramref name="uri"/>.
    /// </summary>
    /// <exception cref="LedgerValidationException">
    /// Before any request: <c>uri</c> null (code <c>Required</c>) or not absolute (code <c>NotAbsoluteUri</c>), or a blank
    /// <c>connectionId</c> (code <c>BlankId</c>).
    /// </exception>
    /// <exception cref="OperationNotSupportedException">FreshBooks has no events for the topic's entity (e.g. bill payments), before any request.</exception>
    Task<FreshBooksCallback> SubscribeAsync(string connectionId, LedgerChangeTopic topic, Uri uri, CancellationToken cancellationToken = default);

    /// <summary>Lists the account's callbacks, every page.</summary>
    Task<IReadOnlyList<FreshBooksCallback>> ListAsync(string connectionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends the verifier back, making the callback live, and stores it in <see cref="IWebhookSecretStore"/> as the key
    /// its deliveries are checked with.
    /// </summary>
    /// <exception cref="LedgerValidationException">A null or blank <c>verifier</c> (code <c>Required</c>), <c>connectionId</c> or <c>callbackId</c> (code <c>BlankId</c>), before any request.</exception>
    /// <exception cref="LedgerlineException">FreshBooks refused the verifier or the callback does not exist.</exception>
    Task<FreshBooksCallback> VerifyAsync(string connectionId, string callbackId, string verifier, CancellationToken cancellationToken = default);

    /// <summary>Asks FreshBooks to post the verification notice again.</summary>
    Task ResendVerificationAsync(string connectionId, string callbackId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the callback and forgets its verifier.</summary>
    Task DeleteAsync(string connectionId, string callbackId, CancellationToken cancellationToken = default);
}
