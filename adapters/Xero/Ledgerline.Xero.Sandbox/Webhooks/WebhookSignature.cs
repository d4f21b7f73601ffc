using System.Security.Cryptography;
using System.Text;

namespace Ledgerline.Xero.Sandbox.Webhooks;

/// <summary>Xero's webhook signature: base64(HMAC-SHA256(key = the webhook key's UTF-8 bytes, message = the raw body)).</summary>
public static class WebhookSignature
{
    /// <summary>The <c>x-xero-signature</c> header name.</summary>
    public const string HeaderName = "x-xero-signature";

    /// <summary>Signs <paramref name="body"/> with <paramref name="signingKey"/>.</summary>
    public static string Sign(string signingKey, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), body));
    }
}
