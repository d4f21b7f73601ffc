namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// A verification notice FreshBooks sent after a callback was created: send <see cref="Verifier"/> back with
/// <see cref="IFreshBooksWebhookSubscriptions.VerifyAsync"/> to make the callback live. The verifier is a secret:
/// <see cref="ToString"/> never shows it.
/// </summary>
/// <param name="CallbackId">The callback to verify (the notice's <c>object_id</c>).</param>
/// <param name="AccountId">The FreshBooks account, when the notice or the secret store says.</param>
/// <param name="ConnectionId">The application's connection for the account, when known.</param>
/// <param name="Verifier">The verification code, also the key FreshBooks signs the callback's deliveries with.</param>
public sealed record FreshBooksVerificationRequest(string CallbackId, string? AccountId, string? ConnectionId, string Verifier)
{
    /// <summary>Describes the notice without the verifier.</summary>
    public override string ToString() =>
        $"FreshBooksVerificationRequest {{ CallbackId = {CallbackId}, AccountId = {AccountId}, ConnectionId = {ConnectionId}, Verifier = *** }}";
}
