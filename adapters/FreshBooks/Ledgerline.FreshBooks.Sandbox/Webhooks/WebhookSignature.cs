using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ledgerline.FreshBooks.Sandbox.Webhooks;

/// <summary>
/// FreshBooks' webhook signature: base64(HMAC-SHA256(key = verifier, message = Python's default <c>json.dumps</c> of the
/// form fields in order)). Python's defaults matter: ", " and ": " separators, every character outside printable ASCII
/// escaped as lowercase <c>\uXXXX</c> (UTF-16 code units), and "/" left alone.
/// </summary>
public static class WebhookSignature
{
    /// <summary>Computes the <c>X-FreshBooks-Hmac-SHA256</c> header value.</summary>
    public static string Sign(string verifier, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var message = Encoding.UTF8.GetBytes(PythonJsonDumps(fields));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(verifier), message));
    }

    /// <summary>Serializes string pairs exactly as Python's <c>json.dumps(dict)</c> with default arguments.</summary>
    public static string PythonJsonDumps(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in fields)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            AppendString(sb, key);
            sb.Append(": ");
            AppendString(sb, value);
        }

        return sb.Append('}').ToString();
    }

    private static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
