using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// FreshBooks' webhook signature, byte for byte. FreshBooks signs the form fields it posts as Python's default
/// <c>json.dumps</c> of a dict of strings, in the order posted: separators <c>", "</c> and <c>": "</c>, every character
/// outside printable ASCII escaped as lowercase <c>\uXXXX</c> per UTF-16 code unit, <c>"</c> and <c>\</c> escaped,
/// <c>/</c> left alone. The header <c>X-FreshBooks-Hmac-SHA256</c> carries base64(HMAC-SHA256(verifier, that text)).
/// No JSON serializer produces that text (System.Text.Json is compact and escapes differently), so it is built by hand.
/// </summary>
public static class FreshBooksWebhookSignature
{
    /// <summary>The HTTP header that carries the signature.</summary>
    public const string HeaderName = "X-FreshBooks-Hmac-SHA256";

    private const int HmacSha256Length = 32;

    /// <summary>The exact text FreshBooks signs for these form fields, in the order received.</summary>
    /// <exception cref="LedgerValidationException"><c>fields</c> is null (code <c>Required</c>).</exception>
    public static string CanonicalPayload(IEnumerable<KeyValuePair<string, string>> fields)
    {
        PublicInput.Required(nameof(fields), fields, Http.FreshBooksRequest.ProviderName);
        var json = new StringBuilder(256).Append('{');
        var first = true;
        foreach (var (name, value) in fields)
        {
            if (!first)
            {
                json.Append(", ");
            }

            first = false;
            AppendPythonString(json, name);
            json.Append(": ");
            AppendPythonString(json, value);
        }

        return json.Append('}').ToString();
    }

    /// <summary>Computes the signature FreshBooks sends for these fields when signing with <paramref name="verifier"/>.</summary>
    /// <exception cref="LedgerValidationException"><c>verifier</c> or <c>fields</c> is null (code <c>Required</c>; the message quotes no verifier).</exception>
    public static string Compute(string verifier, IEnumerable<KeyValuePair<string, string>> fields)
    {
        PublicInput.Required(nameof(verifier), verifier, Http.FreshBooksRequest.ProviderName);
        return Convert.ToBase64String(ComputeBytes(verifier, fields));
    }

    /// <summary>
    /// Whether <paramref name="signature"/> (the header value) is FreshBooks' signature of <paramref name="fields"/> under
    /// <paramref name="verifier"/>. Compares in constant time; a missing, empty or non-base64 signature is not valid.
    /// </summary>
    /// <exception cref="LedgerValidationException"><c>verifier</c> or <c>fields</c> is null (code <c>Required</c>; the message quotes no verifier).</exception>
    public static bool IsValid(string verifier, IEnumerable<KeyValuePair<string, string>> fields, string? signature)
    {
        PublicInput.Required(nameof(verifier), verifier, Http.FreshBooksRequest.ProviderName);
        return TryDecode(signature, out var presented) &&
            CryptographicOperations.FixedTimeEquals(ComputeBytes(verifier, fields), presented);
    }

    internal static bool TryDecode(string? signature, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var buffer = new byte[HmacSha256Length + 3];
        if (!Convert.TryFromBase64String(signature.Trim(), buffer, out var written) || written != HmacSha256Length)
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    internal static byte[] ComputeBytes(string verifier, IEnumerable<KeyValuePair<string, string>> fields) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(verifier), Encoding.UTF8.GetBytes(CanonicalPayload(fields)));

    // Python's py_encode_basestring_ascii: escapes '"', '\\', the five short control escapes, and every other char
    // outside ' '..'~' as \uXXXX (lowercase hex) per UTF-16 code unit, so astral characters become surrogate pairs.
    private static void AppendPythonString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case >= ' ' and <= '~': json.Append(c); break;
                default: json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }

        json.Append('"');
    }
}
