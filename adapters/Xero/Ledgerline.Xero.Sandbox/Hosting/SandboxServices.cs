using Ledgerline.Xero.Sandbox.Accounting;
using Ledgerline.Xero.Sandbox.Identity;
using Ledgerline.Xero.Sandbox.Idempotency;
using Ledgerline.Xero.Sandbox.RateLimits;

namespace Ledgerline.Xero.Sandbox.Hosting;

/// <summary>The sandbox's shared state, handed to every endpoint group.</summary>
internal sealed class SandboxServices
{
    public required XeroSandboxOptions Options { get; init; }

    public required SandboxClock Clock { get; init; }

    public required SandboxUser User { get; init; }

    public required IReadOnlyList<TenantBook> Books { get; init; }

    public required TokenStore Tokens { get; init; }

    public required ConnectionStore Connections { get; init; }

    public required JwtSigner Signer { get; init; }

    public required RateLimiter Limiter { get; init; }

    public required IdempotencyStore Idempotency { get; init; }

    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

    /// <summary>The OIDC issuer: the base address without its trailing slash (id_token <c>iss</c> must equal discovery's <c>issuer</c>).</summary>
    public string Issuer => BaseAddress.ToString().TrimEnd('/');

    public TenantBook? Book(Guid tenantId) => Books.FirstOrDefault(b => b.Tenant.TenantId == tenantId);
}
