using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ledgerline.FreshBooks.Sandbox.Auth;

/// <summary>One issued access/refresh pair. Mutable flags are only touched under the store lock.</summary>
internal sealed class TokenGrant
{
    public required string AccessToken { get; init; }

    public required string RefreshToken { get; init; }

    public required int IdentityId { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required string ClientId { get; init; }

    public bool Revoked { get; set; }

    public bool RefreshUsed { get; set; }

    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}

/// <summary>An authorization code waiting to be exchanged (single use, short-lived).</summary>
internal sealed class AuthorizationCode
{
    public required string Code { get; init; }

    public required string ClientId { get; init; }

    public required string RedirectUri { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required int IdentityId { get; init; }

    public bool Used { get; set; }
}

internal enum TokenCheck
{
    Valid,
    Missing,
    Unknown,
    Expired,
    Revoked,
}

/// <summary>Issues, rotates, validates and revokes tokens. Rotation is atomic so a refresh token is spent once.</summary>
internal sealed class TokenStore(SandboxClock clock, Func<TimeSpan> accessLifetime)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, TokenGrant> _byAccess = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenGrant> _byRefresh = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);

    public static string NewSecret(int bytes = 32) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    public TokenGrant Issue(int identityId, IReadOnlyList<string> scopes, string clientId)
    {
        var now = clock.GetUtcNow();
        // Whole seconds, because the wire carries created_at and expires_in as integers.
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var grant = new TokenGrant
        {
            AccessToken = NewSecret(),
            RefreshToken = NewSecret(),
            IdentityId = identityId,
            Scopes = scopes,
            CreatedAt = now,
            ExpiresAt = now + accessLifetime(),
            ClientId = clientId,
        };
        _byAccess[grant.AccessToken] = grant;
        _byRefresh[grant.RefreshToken] = grant;
        return grant;
    }

    public AuthorizationCode NewCode(string clientId, string redirectUri, IReadOnlyList<string> scopes, int identityId, TimeSpan lifetime)
    {
        var code = new AuthorizationCode
        {
            Code = NewSecret(20),
            ClientId = clientId,
            RedirectUri = redirectUri,
            Scopes = scopes,
            ExpiresAt = clock.GetUtcNow() + lifetime,
            IdentityId = identityId,
        };
        _codes[code.Code] = code;
        return code;
    }

    /// <summary>Spends a code; null when unknown, used, expired or issued for another client or redirect URI.</summary>
    public AuthorizationCode? RedeemCode(string code, string clientId, string? redirectUri)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var c) || c.Used || c.ClientId != clientId)
            {
                return null;
            }

            c.Used = true;
            if (c.ExpiresAt <= clock.GetUtcNow() || !string.Equals(c.RedirectUri, redirectUri, StringComparison.Ordinal))
            {
                return null;
            }

            return c;
        }
    }

    /// <summary>Spends a refresh token and issues the next pair; null when the token is unknown, spent or revoked.</summary>
    public TokenGrant? Rotate(string refreshToken, string clientId)
    {
        lock (_gate)
        {
            if (!_byRefresh.TryGetValue(refreshToken, out var old) || old.RefreshUsed || old.Revoked || old.ClientId != clientId)
            {
                return null;
            }

            old.RefreshUsed = true;
            return Issue(old.IdentityId, old.Scopes, clientId);
        }
    }

    public (TokenCheck Check, TokenGrant? Grant) Validate(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return (TokenCheck.Missing, null);
        }

        if (!_byAccess.TryGetValue(accessToken, out var grant))
        {
            return (TokenCheck.Unknown, null);
        }

        if (grant.Revoked)
        {
            return (TokenCheck.Revoked, grant);
        }

        return grant.ExpiresAt <= clock.GetUtcNow() ? (TokenCheck.Expired, grant) : (TokenCheck.Valid, grant);
    }

    /// <summary>Revokes the pair that <paramref name="token"/> (access or refresh) belongs to.</summary>
    public bool Revoke(string token, string clientId)
    {
        lock (_gate)
        {
            if ((_byAccess.TryGetValue(token, out var g) || _byRefresh.TryGetValue(token, out g)) && g.ClientId == clientId)
            {
                g.Revoked = true;
                return true;
            }

            return false;
        }
    }

    /// <summary>An unverifiable-by-design but well-formed HS256 JWT, so SDKs that decode id_token find one.</summary>
    public static string IdToken(string issuer, string subject, string audience, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string key)
    {
        static string B64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var payload = B64(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["sub"] = subject,
            ["aud"] = audience,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
        }));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + B64(signature);
    }
}
