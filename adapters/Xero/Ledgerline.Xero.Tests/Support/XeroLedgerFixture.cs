using System.Net.Http.Headers;
using Ledgerline.Connections;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.Tests.Support;

/// <summary>
/// A Xero sandbox on 127.0.0.1:0 (no default data, rate limits off unless asked) plus a service provider with
/// <c>AddLedgerline().AddXero(…)</c> pointed at it. <see cref="OpenAsync"/> stores a connection pinned to the primary
/// organisation with freshly issued tokens and opens the guarded ledger.
/// </summary>
public sealed class XeroLedgerFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private XeroLedgerFixture(XeroSandbox sandbox, ServiceProvider services)
    {
        Sandbox = sandbox;
        _services = services;
    }

    public XeroSandbox Sandbox { get; }

    public IServiceProvider Services => _services;

    public Guid TenantId => Sandbox.PrimaryTenant.TenantId;

    public static async Task<XeroLedgerFixture> StartAsync(
        Action<XeroOptions>? configure = null, Action<XeroSandboxOptions>? sandboxOptions = null, Action<IServiceCollection>? services = null)
    {
        var options = new XeroSandboxOptions { SeedDefaultData = false };
        options.RateLimits.Enabled = false;
        sandboxOptions?.Invoke(options);
        var sandbox = await XeroSandbox.StartAsync(options);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(sandbox.Clock);
        services?.Invoke(collection);
        collection.AddLedgerline().AddXero(o =>
        {
            o.ClientId = sandbox.Options.ClientId;
            o.ClientSecret = sandbox.Options.ClientSecret;
            o.ApiBaseUrl = sandbox.BaseAddress;
            o.IdentityBaseUrl = sandbox.BaseAddress;
            o.LoginBaseUrl = sandbox.BaseAddress;
            o.PaymentAccountCode = "090";
            o.SalesAccountCode = "200";
            o.PurchaseAccountCode = "400";
            o.ExpenseBankAccountCode = "090";
            o.ExpenseAccountCode = "429";
            o.MaxRetryAfter = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });
        return new XeroLedgerFixture(sandbox, collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>
    /// Stores a connection pinned to <paramref name="tenantId"/> (the primary organisation by default), its tokens granted
    /// <paramref name="scopes"/> (default: every scope) and recorded on the connection unless <paramref name="recordScopes"/> is false.
    /// </summary>
    public async Task<string> ConnectAsync(Guid? tenantId = null, IEnumerable<string>? scopes = null, bool recordScopes = true)
    {
        var tokens = Sandbox.IssueTokens(scopes);
        var id = "xero-" + Guid.NewGuid().ToString("N");
        await Services.GetRequiredService<IConnectionStore>().SaveAsync(new LedgerConnection
        {
            Id = id,
            Provider = XeroRequest.ProviderName,
            Tokens = new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt),
            Scopes = recordScopes ? new HashSet<string>(tokens.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal),
            Properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [XeroConnectionProperties.TenantId] = (tenantId ?? TenantId).ToString(),
            },
        });
        return id;
    }

    public async Task<ILedger> OpenAsync(Guid? tenantId = null, IEnumerable<string>? scopes = null, bool recordScopes = true) =>
        Services.GetRequiredService<ILedgerFactory>().Open(await ConnectAsync(tenantId, scopes, recordScopes));

    /// <summary>An HTTP client speaking to the sandbox directly, as another Xero app would (to set up data Ledgerline does not write).</summary>
    public HttpClient DirectClient()
    {
        var tokens = Sandbox.IssueTokens();
        var http = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        http.DefaultRequestHeaders.Add("xero-tenant-id", TenantId.ToString());
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        return http;
    }

    /// <summary>Requests the sandbox answered under the Accounting API.</summary>
    public IReadOnlyList<SandboxRequest> AccountingRequests() =>
        Sandbox.Requests.Where(r => r.Path.StartsWith("/api.xro/", StringComparison.OrdinalIgnoreCase)).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
