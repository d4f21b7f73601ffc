using System.Security.Cryptography;
using System.Text;

namespace Ledgerline.Xero.Webhooks;

/// <summary>Xero's webhook signature: <c>x-xero-signature</c> = base64(HMAC-SHA256(key = the webhook key's UTF-8 bytes, message = the raw body)).</summary>
public static class XeroWebhookSignature
{
    /// <summary>The header carrying the signature.</summary>
    public const string HeaderName = "x-xero-signature";

    /// <summary>The signature of <paramref name="body"/> with <paramref name="signingKey"/>, as Xero computes it.</summary>
    /// <exception cref="LedgerValidationException">The key is null or empty (code <c>Required</c> on <c>signingKey</c>; the message quotes no key).</exception>
    public static string Compute(string signingKey, ReadOnlySpan<byte> body)
    {
        RequireKey(signingKey);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), body));
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is the signature of <paramref name="body"/> with <paramref name="signingKey"/>,
    /// compared in constant time over the decoded bytes. A missing or non-base64 signature is not valid.
    /// </summary>
    /// <exception cref="LedgerValidationException">The key is null or empty (code <c>Required</c> on <c>signingKey</c>; the message quotes no key).</exception>
    public static bool IsValid(string signingKey, ReadOnlySpan<byte> body, string? signature)
    {
        RequireKey(signingKey);
        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (string.IsNullOrEmpty(signature) || signature.Length > 64 ||
            !Convert.TryFromBase64String(signature.Trim(), presented, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    // An empty key would sign with a zero-length HMAC key, which anyone can compute: refused as missing input.
    private static void RequireKey(string signingKey)
    {
        if (string.IsNullOrEmpty(signingKey))
        {
            throw PublicInput.Invalid(nameof(signingKey), "The signingKey is required: the webhook key of the Xero app.", "Required", Http.XeroRequest.ProviderName);
        }
    }
}
