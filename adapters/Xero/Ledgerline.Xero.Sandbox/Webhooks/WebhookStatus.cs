namespace Ledgerline.Xero.Sandbox.Webhooks;

/// <summary>The state of the app's webhook, as Xero's developer portal shows it.</summary>
public enum WebhookStatus
{
    /// <summary>Configured, but intent to receive has not passed yet: nothing is delivered.</summary>
    IntentToReceiveRequired,

    /// <summary>Intent to receive passed: changes are delivered.</summary>
    Ok,

    /// <summary>A delivery kept failing until its retries were spent: nothing is delivered until intent to receive passes again.</summary>
    Disabled,
}
