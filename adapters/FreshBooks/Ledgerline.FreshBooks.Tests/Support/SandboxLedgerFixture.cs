using Ledgerline.Connections;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Support;

/// <summary>
/// A FreshBooks sandbox on 127.0.0.1:0 plus a service provider with <c>AddLedgerline().AddFreshBooks(…)</c> pointed at it,
/// the adapter running on the sandbox's clock. <see cref="ConnectAsync"/> stores a connection pinned to a sandbox business
/// with freshly issued tokens; <see cref="OpenAsync"/> does that and opens the guarded ledger.
/// </summary>
/// <remarks>Shared by the adapter's tests (and usable by other test projects that reference the sandbox).</remarks>
public sealed class SandboxLedgerFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SandboxLedgerFixture(FreshBooksSandbox sandbox, ServiceProvider services)
    {
        Sandbox = sandbox;
        _services = services;
    }

    /// <summary>The running sandbox.</summary>
    public FreshBooksSandbox Sandbox { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The primary business's accounting account id.</summary>
    public string AccountId => Sandbox.Data.PrimaryBusiness.AccountId;

    /// <summary>Starts a sandbox (no default data unless asked) and the services; <paramref name="configure"/> adjusts the adapter's options.</summary>
    public static async Task<SandboxLedgerFixture> StartAsync(
        Action<FreshBooksOptions>? configure = null, Action<SandboxOptions>? sandboxOptions = null, Action<IServiceCollection>? services = null)
    {
        var options = new SandboxOptions { SeedDefaultData = false };
        sandboxOptions?.Invoke(options);
        var sandbox = await FreshBooksSandbox.StartAsync(options);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(sandbox.Clock);
        services?.Invoke(collection);
        collection.AddLedgerline().AddFreshBooks(o =>
        {
            o.ClientId = sandbox.Options.ClientId;
            o.ClientSecret = sandbox.Options.ClientSecret;
            o.RedirectUri = new Uri("http://127.0.0.1/callback");
            o.ApiBaseUrl = sandbox.BaseAddress;
            o.AuthBaseUrl = sandbox.BaseAddress;
            o.MaxRetryAfter = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });
        return new SandboxLedgerFixture(sandbox, collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>
    /// Stores a connection to a sandbox business (primary by default) with new tokens (every app scope unless
    /// <paramref name="scopes"/> narrows them) and returns its id.
    /// </summary>
    public async Task<string> ConnectAsync(IEnumerable<string>? scopes = null, SandboxBusiness? business = null, string? connectionId = null)
    {
        business ??= Sandbox.Data.PrimaryBusiness;
        var tokens = Sandbox.IssueTokens(scopes);
        var id = connectionId ?? "fb-" + Guid.NewGuid().ToString("N");
        var store = Services.GetRequiredService<IConnectionStore>();
        await store.SaveAsync(new LedgerConnection
        {
            Id = id,
            Provider = FreshBooksRequest.ProviderName,
            Tokens = new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt),
            Scopes = new HashSet<string>(tokens.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal),
            Properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FreshBooksRequest.AccountIdProperty] = business.AccountId,
                [FreshBooksRequest.BusinessIdProperty] = business.BusinessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [FreshBooksRequest.BusinessNameProperty] = business.Name,
            },
        });
        return id;
    }

    /// <summary>Connects (see <see cref="ConnectAsync"/>) and opens the guarded ledger, as an app would through <see cref="ILedgerFactory"/>.</summary>
    public async Task<ILedger> OpenAsync(IEnumerable<string>? scopes = null, SandboxBusiness? business = null)
    {
        var id = await ConnectAsync(scopes, business);
        return Services.GetRequiredService<ILedgerFactory>().Open(id);
    }

    /// <summary>
    /// Connects and opens the provider's own ledger, without Ledgerline's guards (validation, capabilities, cursor sealing),
    /// to see what FreshBooks itself answers.
    /// </summary>
    internal async Task<ILedger> OpenRawAsync(IEnumerable<string>? scopes = null, SandboxBusiness? business = null)
    {
        var id = await ConnectAsync(scopes, business);
        return Services.GetRequiredService<FreshBooksLedgerProvider>().Open(id);
    }

    /// <summary>Requests the sandbox answered for paths starting with <paramref name="pathPrefix"/>.</summary>
    public IReadOnlyList<SandboxRequest> RequestsTo(string pathPrefix) =>
        Sandbox.Requests.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
