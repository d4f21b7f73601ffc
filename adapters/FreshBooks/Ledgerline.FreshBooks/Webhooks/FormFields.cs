using System.Text;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body into its pairs in the order sent. The signature covers the
/// order, so ASP.NET Core's form collection (a dictionary) cannot be used. Strict: a bad percent escape, invalid UTF-8,
/// an empty or repeated name is malformed (FreshBooks signs a dict, which cannot repeat a name).
/// </summary>
internal static class FormFields
{
    public static bool TryParse(ReadOnlySpan<byte> body, out List<KeyValuePair<string, string>> fields, out string? error)
    {
        fields = [];
        error = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var eq = pair.IndexOf((byte)'=');
            var rawName = eq < 0 ? pair : pair[..eq];
            var rawValue = eq < 0 ? [] : pair[(eq + 1)..];
            if (!TryDecode(rawName, out var name) || !TryDecode(rawValue, out var value))
            {
                error = "The form body has an invalid percent escape or is not UTF-8.";
                return false;
            }

            if (name.Length == 0)
            {
                error = "The form body has a field with no name.";
                return false;
            }

            if (!names.Add(name))
            {
                error = $"The form field '{name}' appears more than once.";
                return false;
            }

            fields.Add(new(name, value));
        }

        return true;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool TryDecode(ReadOnlySpan<byte> raw, out string text)
    {
        text = string.Empty;
        var bytes = new byte[raw.Length];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)'+')
            {
                bytes[n++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= raw.Length || HexValue(raw[i + 1]) is not { } hi || HexValue(raw[i + 2]) is not { } lo)
                {
                    return false;
                }

                bytes[n++] = (byte)((hi << 4) | lo);
                i += 2;
            }
            else
            {
                bytes[n++] = b;
            }
        }

        try
        {
            text = StrictUtf8.GetString(bytes, 0, n);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int? HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => null,
    };
}
