using System.Text;
using Ledgerline.FreshBooks.Webhooks;

namespace Ledgerline.FreshBooks.Tests.Webhooks;

/// <summary>
/// Expected values were computed independently with CPython 3 (json.dumps with default arguments, hmac, base64) and are
/// hard-coded here. The one-liner for each vector:
/// <code>
/// python3 -c 'import json,hmac,hashlib,base64; d={...}; print(json.dumps(d)); print(base64.b64encode(hmac.new(KEY.encode(), json.dumps(d).encode(), hashlib.sha256).digest()).decode())'
/// </code>
/// </summary>
public sealed class FreshBooksWebhookSignatureTests
{
    public static TheoryData<string, string, string[], string, string> Vectors => new()
    {
        // d={"name":"invoice.create","object_id":"123","account_id":"ABC123","business_id":"456","identity_id":"789","user_id":"1"}; KEY="s3cr3t-verifier"
        {
            "ascii", "s3cr3t-verifier",
            ["name", "invoice.create", "object_id", "123", "account_id", "ABC123", "business_id", "456", "identity_id", "789", "user_id", "1"],
            """{"name": "invoice.create", "object_id": "123", "account_id": "ABC123", "business_id": "456", "identity_id": "789", "user_id": "1"}""",
            "B23BJMhKkxMj/d4wiBwjoy11d0rDAJ3Na6pFw6uePxw="
        },

        // Same fields, another order: the order is part of what is signed.
        // d={"account_id":"ABC123","object_id":"123","name":"invoice.create","business_id":"456","identity_id":"789","user_id":"1"}; KEY="s3cr3t-verifier"
        {
            "reordered", "s3cr3t-verifier",
            ["account_id", "ABC123", "object_id", "123", "name", "invoice.create", "business_id", "456", "identity_id", "789", "user_id", "1"],
            """{"account_id": "ABC123", "object_id": "123", "name": "invoice.create", "business_id": "456", "identity_id": "789", "user_id": "1"}""",
            "sWhb+h9fM78E5vBPuemxmMZM7CF5WnYjXl2ZxyDmghI="
        },

        // é, 日本 and an emoji (astral: a surrogate pair, lowercase hex).
        // d={"name":"client.update","object_id":"42","account_id":"xZ9","note":"Caf\u00e9 \u65e5\u672c \U0001F600"}; KEY="s3cr3t-verifier"
        {
            "non-ascii", "s3cr3t-verifier",
            ["name", "client.update", "object_id", "42", "account_id", "xZ9", "note", "Café 日本 😀"],
            """{"name": "client.update", "object_id": "42", "account_id": "xZ9", "note": "Caf\u00e9 \u65e5\u672c \ud83d\ude00"}""",
            "jBEf8zOd/p3ST+hgyrAVQLg3EKwPnewGlIKYX7NED0c="
        },

        // Every separator: + / : , " \ = & and a space; the key itself is non-ASCII and has base64 characters.
        // d={"name":"payment.delete","object_id":"7","account_id":"ABC123","memo":"a+b/c:d,e\"f\\g=h&i j"}; KEY="k\u00e9y+/="
        {
            "separators", "kéy+/=",
            ["name", "payment.delete", "object_id", "7", "account_id", "ABC123", "memo", "a+b/c:d,e\"f\\g=h&i j"],
            """{"name": "payment.delete", "object_id": "7", "account_id": "ABC123", "memo": "a+b/c:d,e\"f\\g=h&i j"}""",
            "+kbCyl31Dn1sL3ilLhR6Xibk0gsRMyqv4pHaepjVwsk="
        },

        // Control characters: the short escapes, \u00XX for the rest, and DEL (0x7f) escaped too.
        // d={"name":"expense.create","object_id":"1","account_id":"A","text":"l1\nl2\r\t\b\f\x01\x1f\x7f~"}; KEY="v"
        {
            "controls", "v",
            ["name", "expense.create", "object_id", "1", "account_id", "A", "text", "l1\nl2\r\t\b\f\u0001\u001f\u007f~"],
            """{"name": "expense.create", "object_id": "1", "account_id": "A", "text": "l1\nl2\r\t\b\f\u0001\u001f\u007f~"}""",
            "w15pGHb9SDIqTySSqyoI0AXb+faMtTih6HQ5klAd4Rg="
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void CanonicalPayload_PythonVector_MatchesJsonDumpsByteForByte(string vector, string key, string[] flat, string expectedJson, string expectedSignature)
    {
        _ = (vector, key, expectedSignature);
        Assert.Equal(expectedJson, FreshBooksWebhookSignature.CanonicalPayload(Pairs(flat)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Compute_PythonVector_MatchesPythonSignature(string vector, string key, string[] flat, string expectedJson, string expectedSignature)
    {
        _ = (vector, expectedJson);
        Assert.Equal(expectedSignature, FreshBooksWebhookSignature.Compute(key, Pairs(flat)));
        Assert.True(FreshBooksWebhookSignature.IsValid(key, Pairs(flat), expectedSignature));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void IsValid_AnySingleCharacterOfAnyFieldTampered_IsRejected(string vector, string key, string[] flat, string expectedJson, string expectedSignature)
    {
        _ = (vector, expectedJson);
        for (var f = 0; f < flat.Length; f++)
        {
            for (var i = 0; i < flat[f].Length; i++)
            {
                var tampered = (string[])flat.Clone();
                var chars = tampered[f].ToCharArray();
                chars[i] = (char)(chars[i] ^ 0x01);
                tampered[f] = new string(chars);
                Assert.False(FreshBooksWebhookSignature.IsValid(key, Pairs(tampered), expectedSignature), $"field {f} char {i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void IsValid_AnySingleByteOfTheSignatureTampered_IsRejected(string vector, string key, string[] flat, string expectedJson, string expectedSignature)
    {
        _ = (vector, expectedJson);
        var raw = Convert.FromBase64String(expectedSignature);
        for (var i = 0; i < raw.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var tampered = (byte[])raw.Clone();
                tampered[i] ^= (byte)(1 << bit);
                Assert.False(FreshBooksWebhookSignature.IsValid(key, Pairs(flat), Convert.ToBase64String(tampered)), $"byte {i} bit {bit}");
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("B23BJMhKkxMj/d4wiBwjoy11d0rDAJ3Na6pFw6uePx")]
    [InlineData("B23BJMhKkxMj/d4wiBwjoy11d0rDAJ3Na6pFw6uePxw=B23B")]
    [InlineData("QUJD")]
    public void IsValid_MissingTruncatedOrNonBase64Signature_IsRejected(string? signature)
    {
        string[] flat = ["name", "invoice.create", "object_id", "123", "account_id", "ABC123", "business_id", "456", "identity_id", "789", "user_id", "1"];
        Assert.False(FreshBooksWebhookSignature.IsValid("s3cr3t-verifier", Pairs(flat), signature));
    }

    [Fact]
    public void IsValid_RightSignatureWrongVerifier_IsRejected()
    {
        string[] flat = ["name", "invoice.create", "object_id", "123", "account_id", "ABC123", "business_id", "456", "identity_id", "789", "user_id", "1"];
        Assert.False(FreshBooksWebhookSignature.IsValid("s3cr3t-verifieR", Pairs(flat), "B23BJMhKkxMj/d4wiBwjoy11d0rDAJ3Na6pFw6uePxw="));
    }

    [Fact]
    public void Compute_SystemTextJsonWouldDiffer_CanonicalTextIsNotCompactJson()
    {
        // The trap the hand-built text avoids: a serializer's compact output signs different bytes.
        var fields = Pairs(["memo", "a+b/c"]);
        var compact = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["memo"] = "a+b/c" });
        Assert.NotEqual(compact, FreshBooksWebhookSignature.CanonicalPayload(fields));
        Assert.Equal("{\"memo\": \"a+b/c\"}", FreshBooksWebhookSignature.CanonicalPayload(fields));
    }

    [Fact]
    public void Compute_SandboxSignerAndOurs_Agree()
    {
        // The sandbox signs deliveries with its own implementation; both must produce FreshBooks' bytes.
        var fields = Pairs(["name", "invoice.update", "object_id", "9", "account_id", "ABC", "note", "é/日本😀\"\\+,:=&"]);
        Assert.Equal(Ledgerline.FreshBooks.Sandbox.Webhooks.WebhookSignature.Sign("key", fields), FreshBooksWebhookSignature.Compute("key", fields));
    }

    internal static List<KeyValuePair<string, string>> Pairs(string[] flat)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < flat.Length; i += 2)
        {
            pairs.Add(new(flat[i], flat[i + 1]));
        }

        return pairs;
    }

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
