namespace Ledgerline.Xero.Sandbox.Webhooks;

/// <summary>
/// The outcome of one intent-to-receive round: every validation request sent, and whether each was answered as Xero
/// requires (200 to a correct signature, 401 to a wrong one, no body, within <see cref="XeroSandboxOptions.WebhookTimeout"/>).
/// </summary>
/// <param name="Passed">Whether every request was answered correctly; the webhook is <see cref="WebhookStatus.Ok"/> then.</param>
/// <param name="Requests">The validation requests, in the order sent.</param>
public sealed record IntentToReceiveResult(bool Passed, IReadOnlyList<WebhookDelivery> Requests)
{
    /// <summary>Why the round failed, one line per wrongly answered request; empty when it passed.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}
