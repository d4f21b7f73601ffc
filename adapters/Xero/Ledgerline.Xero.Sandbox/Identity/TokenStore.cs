using System.Security.Cryptography;
using System.Text;

namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>
/// Issues, rotates, validates and revokes tokens. Refresh follows Xero's documented rule: each exchange returns a new
/// refresh token, and the spent one may be retried for a grace period (30 minutes) after its first use.
/// </summary>
internal sealed class TokenStore(SandboxClock clock, XeroSandboxOptions options, JwtSigner signer, Func<string> issuer)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AccessTokenRecord> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshTokenRecord> _refresh = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);

    /// <summary>Bounds memory of long-running sandboxes: expired entries are swept when the maps grow past this.</summary>
    private const int SweepThreshold = 50_000;

    public static string NewSecret(int bytes = 32) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        // Whole seconds: JWT times and expires_in are integers on the wire.
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public AuthorizationCode NewCode(Grant grant, string redirectUri, string? codeChallenge)
    {
        var code = new AuthorizationCode
        {
            Code = NewSecret(24),
            Grant = grant,
            RedirectUri = redirectUri,
            ExpiresAt = clock.GetUtcNow() + options.AuthorizationCodeLifetime,
            CodeChallenge = codeChallenge,
        };
        lock (_gate)
        {
            Sweep();
            _codes[code.Code] = code;
        }

        return code;
    }

    /// <summary>Spends a code. With a PKCE challenge the verifier replaces the client secret; without one the client must have authenticated.</summary>
    public RedeemResult RedeemCode(string code, string clientId, string? redirectUri, string? verifier, bool clientAuthenticated)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var c) || c.Used || c.Grant.ClientId != clientId)
            {
                return RedeemResult.Fail("invalid_grant", "The authorization code is incorrect, expired or has already been used.");
            }

            c.Used = true;
            if (c.ExpiresAt <= clock.GetUtcNow() || !string.Equals(c.RedirectUri, redirectUri, StringComparison.Ordinal))
            {
                return RedeemResult.Fail("invalid_grant", "The authorization code is incorrect, expired or has already been used.");
            }

            if (c.CodeChallenge is not null)
            {
                if (verifier is null || !VerifierMatches(verifier, c.CodeChallenge))
                {
                    return RedeemResult.Fail("invalid_grant", "The code_verifier does not match the code_challenge.");
                }
            }
            else if (!clientAuthenticated)
            {
                return RedeemResult.Fail("invalid_client", "Client authentication failed.");
            }

            return new RedeemResult(IssueLocked(c.Grant), null, null);
        }
    }

    /// <summary>PKCE S256: base64url(SHA-256(verifier)), verifier 43–128 unreserved characters.</summary>
    internal static bool VerifierMatches(string verifier, string challenge)
    {
        if (verifier.Length is < 43 or > 128 || !verifier.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_' or '~'))
        {
            return false;
        }

        var hash = JwtSigner.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(challenge));
    }

    public IssuedTokens Issue(Grant grant)
    {
        lock (_gate)
        {
            Sweep();
            return IssueLocked(grant);
        }
    }

    /// <summary>
    /// Exchanges a refresh token. First use: a new pair, the old token marked spent. A retry of the spent token within
    /// the grace: a new access token with the same successor refresh token (so the client converges on one token).
    /// </summary>
    /// <remarks>A grant obtained with PKCE refreshes with the client id alone; others need the client secret.</remarks>
    public RedeemResult Refresh(string token, string clientId, bool clientAuthenticated)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (!_refresh.TryGetValue(token, out var r) || r.Grant.ClientId != clientId || r.Grant.Revoked || r.ExpiresAt <= now)
            {
                return RedeemResult.Fail("invalid_grant", "The refresh token is invalid, expired or revoked.");
            }

            if (!clientAuthenticated && !r.Grant.PublicClient)
            {
                return RedeemResult.Fail("invalid_client", "Client authentication failed.");
            }

            if (r.SpentAt is { } spent)
            {
                if (now >= spent + options.RefreshTokenReuseGrace || r.Successor is null)
                {
                    return RedeemResult.Fail("invalid_grant", "The refresh token has already been used.");
                }

                return new RedeemResult(IssueLocked(r.Grant, r.Successor), null, null);
            }

            var tokens = IssueLocked(r.Grant);
            r.SpentAt = now;
            r.Successor = _refresh[tokens.RefreshToken!];
            return new RedeemResult(tokens, null, null);
        }
    }

    /// <summary>Revokes the grant behind a refresh (or access) token; returns it, or null for a token the app does not own.</summary>
    public Grant? Revoke(string token, string clientId)
    {
        lock (_gate)
        {
            var grant = _refresh.TryGetValue(token, out var r) ? r.Grant : _access.TryGetValue(token, out var a) ? a.Grant : null;
            if (grant is null || grant.ClientId != clientId)
            {
                return null;
            }

            grant.Revoked = true;
            return grant;
        }
    }

    public (TokenCheck Check, AccessTokenRecord? Record) Validate(string? bearer)
    {
        if (string.IsNullOrEmpty(bearer))
        {
            return (TokenCheck.Missing, null);
        }

        lock (_gate)
        {
            if (!_access.TryGetValue(bearer, out var record))
            {
                return (TokenCheck.Unknown, null);
            }

            if (record.Grant.Revoked)
            {
                return (TokenCheck.Revoked, record);
            }

            return record.ExpiresAt <= clock.GetUtcNow() ? (TokenCheck.Expired, record) : (TokenCheck.Valid, record);
        }
    }

    private IssuedTokens IssueLocked(Grant grant, RefreshTokenRecord? reuseRefresh = null)
    {
        var now = Now();
        var lifetime = options.AccessTokenLifetime;
        var expires = now + lifetime;
        var iss = issuer();
        var jti = NewSecret(16);
        var access = signer.Sign(w =>
        {
            w.WriteNumber("nbf", now.ToUnixTimeSeconds());
            w.WriteNumber("exp", expires.ToUnixTimeSeconds());
            w.WriteString("iss", iss);
            w.WriteString("aud", iss + "/resources");
            w.WriteString("client_id", grant.ClientId);
            w.WriteString("sub", Subject(grant.User));
            w.WriteNumber("auth_time", grant.AuthTime.ToUnixTimeSeconds());
            w.WriteString("xero_userid", grant.User.XeroUserId.ToString());
            w.WriteString("global_session_id", grant.User.GlobalSessionId.ToString("N"));
            w.WriteString("sid", grant.User.GlobalSessionId.ToString("N"));
            w.WriteString("authentication_event_id", grant.AuthEventId.ToString());
            w.WriteString("jti", jti);
            w.WriteStartArray("scope");
            foreach (var s in grant.Scopes)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteStartArray("amr");
            w.WriteStringValue("pwd");
            w.WriteEndArray();
        });
        _access[access] = new AccessTokenRecord(access, grant, expires);

        string? refresh = null;
        if (reuseRefresh is not null)
        {
            refresh = reuseRefresh.Token;
        }
        else if (grant.HasScope("offline_access"))
        {
            refresh = NewSecret();
            _refresh[refresh] = new RefreshTokenRecord { Token = refresh, Grant = grant, ExpiresAt = now + options.RefreshTokenLifetime };
        }

        string? idToken = null;
        if (grant.HasScope("openid"))
        {
            idToken = signer.Sign(w =>
            {
                w.WriteNumber("nbf", now.ToUnixTimeSeconds());
                w.WriteNumber("exp", (now + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds());
                w.WriteString("iss", iss);
                w.WriteString("aud", grant.ClientId);
                w.WriteNumber("iat", now.ToUnixTimeSeconds());
                w.WriteNumber("auth_time", grant.AuthTime.ToUnixTimeSeconds());
                w.WriteString("sub", Subject(grant.User));
                if (grant.Nonce is not null)
                {
                    w.WriteString("nonce", grant.Nonce);
                }

                w.WriteString("xero_userid", grant.User.XeroUserId.ToString());
                w.WriteString("global_session_id", grant.User.GlobalSessionId.ToString("N"));
                w.WriteString("sid", grant.User.GlobalSessionId.ToString("N"));
                if (grant.HasScope("email") || grant.HasScope("profile"))
                {
                    w.WriteString("preferred_username", grant.User.Email);
                    w.WriteString("email", grant.User.Email);
                }

                if (grant.HasScope("profile"))
                {
                    w.WriteString("given_name", grant.User.GivenName);
                    w.WriteString("family_name", grant.User.FamilyName);
                }
            });
        }

        return new IssuedTokens(access, refresh, idToken, expires, (int)lifetime.TotalSeconds, string.Join(' ', grant.Scopes));
    }

    /// <summary>The OIDC subject: stable per user, distinct from the Xero user id as in Xero's tokens.</summary>
    private static string Subject(SandboxUser user) => user.XeroUserId.ToString("N")[..16] + user.GlobalSessionId.ToString("N")[..16];

    private void Sweep()
    {
        if (_access.Count + _refresh.Count + _codes.Count < SweepThreshold)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var (k, v) in _access.Where(p => p.Value.ExpiresAt <= now || p.Value.Grant.Revoked).ToList())
        {
            _access.Remove(k);
        }

        foreach (var (k, v) in _refresh.Where(p => p.Value.ExpiresAt <= now || p.Value.Grant.Revoked ||
            (p.Value.SpentAt is { } s && s + options.RefreshTokenReuseGrace <= now)).ToList())
        {
            _refresh.Remove(k);
        }

        foreach (var (k, v) in _codes.Where(p => p.Value.ExpiresAt <= now || p.Value.Used).ToList())
        {
            _codes.Remove(k);
        }
    }
}
