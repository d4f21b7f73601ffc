namespace Ledgerline.Xero.Sandbox.Webhooks;

/// <summary>
/// The app's one webhook (Xero configures it per app in its developer portal): where deliveries go, the key that signs
/// them, the event categories chosen, and its state. <see cref="ToString"/> never prints the key.
/// </summary>
public sealed class WebhookSubscription
{
    internal WebhookSubscription(Uri url, string signingKey, IReadOnlyList<string> categories)
    {
        Url = url;
        SigningKey = signingKey;
        Categories = categories;
    }

    /// <summary>The delivery URL (loopback only in the sandbox).</summary>
    public Uri Url { get; }

    /// <summary>The webhook signing key: <c>x-xero-signature</c> is base64(HMAC-SHA256(UTF-8 key, raw body)).</summary>
    public string SigningKey { get; }

    /// <summary>The event categories delivered: some of <c>CONTACT</c>, <c>INVOICE</c> and <c>CREDITNOTE</c>.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Whether deliveries are made.</summary>
    public WebhookStatus Status { get; internal set; } = WebhookStatus.IntentToReceiveRequired;

    /// <summary>Names the URL, categories and state; never the key.</summary>
    public override string ToString() => $"Xero webhook -> {Url} [{string.Join(",", Categories)}] {Status}";
}
