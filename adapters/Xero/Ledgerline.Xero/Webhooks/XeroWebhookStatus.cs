namespace Ledgerline.Xero.Webhooks;

/// <summary>What became of one request to the webhook endpoint.</summary>
public enum XeroWebhookStatus
{
    /// <summary>Correctly signed and well formed: its events are in <see cref="XeroWebhookResult.Changes"/> and <see cref="XeroWebhookResult.Unmapped"/> (none for intent to receive). Answer 200, no body.</summary>
    Accepted,

    /// <summary>The <c>x-xero-signature</c> is missing or wrong (as in intent to receive's deliberately wrong requests). Answer 401, no body.</summary>
    Unauthorized,

    /// <summary>Correctly signed but not a Xero event payload (bad JSON, a missing or mistyped field, too large). Answer 400.</summary>
    Malformed,
}
