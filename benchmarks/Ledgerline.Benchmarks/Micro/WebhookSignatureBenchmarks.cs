using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Ledgerline.FreshBooks.Webhooks;

namespace Ledgerline.Benchmarks.Micro;

/// <summary>
/// Verifying one FreshBooks webhook delivery (the six form fields FreshBooks posts): rebuild Python's <c>json.dumps</c>
/// text, HMAC-SHA256 it, compare in constant time. The floor is the HMAC alone over the already-built text.
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet derives its generated runner from benchmark classes.</remarks>
[MemoryDiagnoser]
public class WebhookSignatureBenchmarks
{
    private const string Verifier = "3a7d0e6b9c1f4a2e8b5d7c0f1e2a3b4c";

    private static readonly KeyValuePair<string, string>[] Fields =
    [
        new("name", "invoice.update"),
        new("object_id", "1234567"),
        new("account_id", "LL4X7Q"),
        new("business_id", "439001"),
        new("identity_id", "712052"),
        new("user_id", "1"),
    ];

    private KeyValuePair<string, string>[] _fields = [];
    private byte[] _key = [];
    private byte[] _payload = [];
    private string _signature = string.Empty;

    /// <summary>Precomputes the key, the canonical text and the valid signature.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fields = Fields;
        _key = Encoding.UTF8.GetBytes(Verifier);
        _payload = Encoding.UTF8.GetBytes(FreshBooksWebhookSignature.CanonicalPayload(_fields));
        _signature = FreshBooksWebhookSignature.Compute(Verifier, _fields);
        if (!Verify())
        {
            throw new InvalidOperationException("The benchmark signature does not verify.");
        }
    }

    /// <summary>The floor: HMAC-SHA256 of the prepared bytes.</summary>
    [Benchmark(Baseline = true, Description = "HMACSHA256.HashData only (floor)")]
    public int HmacOnly() => HMACSHA256.HashData(_key, _payload)[0];

    /// <summary>Building the canonical text alone.</summary>
    [Benchmark(Description = "Canonical payload (json.dumps text)")]
    public int CanonicalPayload() => FreshBooksWebhookSignature.CanonicalPayload(_fields).Length;

    /// <summary>The whole check the receiver runs per delivery.</summary>
    [Benchmark(Description = "FreshBooksWebhookSignature.IsValid")]
    public bool Verify() => FreshBooksWebhookSignature.IsValid(Verifier, _fields, _signature);
}
