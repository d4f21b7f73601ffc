using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>
/// Signs Xero-style RS256 JWTs (access and id tokens) with a key made at start-up and publishes it as a JWKS, so an
/// OpenID Connect client (xero-node's openid-client) can validate the id_token as it does against identity.xero.com.
/// </summary>
internal sealed class JwtSigner : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string KeyId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public string Sign(Action<Utf8JsonWriter> claims)
    {
        var header = HttpJson.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("alg", "RS256");
            w.WriteString("kid", KeyId);
            w.WriteString("typ", "JWT");
            w.WriteEndObject();
        });
        var payload = HttpJson.Build(w =>
        {
            w.WriteStartObject();
            claims(w);
            w.WriteEndObject();
        });
        var signingInput = Base64Url(header) + "." + Base64Url(payload);
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    public void WriteJwks(Utf8JsonWriter w)
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        w.WriteStartObject();
        w.WriteStartArray("keys");
        w.WriteStartObject();
        w.WriteString("kty", "RSA");
        w.WriteString("use", "sig");
        w.WriteString("alg", "RS256");
        w.WriteString("kid", KeyId);
        w.WriteString("e", Base64Url(p.Exponent!));
        w.WriteString("n", Base64Url(p.Modulus!));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => _rsa.Dispose();
}
