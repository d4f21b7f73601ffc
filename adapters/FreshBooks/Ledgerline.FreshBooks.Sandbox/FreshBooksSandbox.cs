using System.Collections.Concurrent;
using Ledgerline.FreshBooks.Sandbox.Accounting;
using Ledgerline.FreshBooks.Sandbox.Auth;
using Ledgerline.FreshBooks.Sandbox.Control;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Projects;
using Ledgerline.FreshBooks.Sandbox.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ledgerline.FreshBooks.Sandbox;

/// <summary>
/// A local server that behaves like FreshBooks' JSON API (OAuth, identity, accounting, time tracking, projects,
/// webhooks) with switchable faults. Start it in-process with <see cref="StartAsync"/>; API and auth paths share one origin.
/// </summary>
public sealed class FreshBooksSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxServices _services;
    private readonly ConcurrentQueue<SandboxRequest> _requests = new();
    private const int MaxLoggedRequests = 100_000;
    private int _disposed;

    private FreshBooksSandbox(WebApplication app, SandboxServices services, SandboxFaults faults, SandboxWebhooks webhooks)
    {
        _app = app;
        _services = services;
        Faults = faults;
        Webhooks = webhooks;
    }

    /// <summary>Root URL of the sandbox, with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _services.BaseAddress;

    /// <summary>The options the sandbox was started with.</summary>
    public SandboxOptions Options => _services.Options;

    /// <summary>Identity, businesses and seeding helpers.</summary>
    public SandboxData Data => _services.Data;

    /// <summary>Fault rules, changeable at runtime.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Sandbox time; <see cref="SandboxClock.Advance"/> moves token expiry, codes, timestamps and overdue status.</summary>
    public SandboxClock Clock => _services.Clock;

    /// <summary>Webhook callbacks and the log of deliveries.</summary>
    public SandboxWebhooks Webhooks { get; }

    /// <summary>Snapshot of the request log, oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Requests => [.. _requests];

    /// <summary>How many <c>POST /auth/oauth/token</c> calls arrived (any outcome).</summary>
    public int TokenRequestCount => Volatile.Read(ref _services.TokenRequests);

    /// <summary>Lifetime of access tokens issued from now on (default 12 hours).</summary>
    public TimeSpan AccessTokenLifetime
    {
        get => _services.Options.AccessTokenLifetime;
        set => _services.Options.AccessTokenLifetime = value;
    }

    /// <summary>Empties the request log.</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>Issues a token pair for the default identity without walking OAuth (all app scopes by default).</summary>
    public SandboxTokens IssueTokens(IEnumerable<string>? scopes = null)
    {
        var granted = scopes?.ToArray() ?? [.. Options.AppScopes];
        var grant = _services.Tokens.Issue(Data.Identity.Id, granted, Options.ClientId);
        return new SandboxTokens(grant.AccessToken, grant.RefreshToken, grant.ExpiresAt, string.Join(' ', grant.Scopes));
    }

    /// <summary>Revokes an access or refresh token (and its pair), as <c>POST /auth/oauth/revoke</c> would.</summary>
    public bool RevokeToken(string token) => _services.Tokens.Revoke(token, Options.ClientId);

    /// <summary>Starts a sandbox on <c>http://127.0.0.1:0</c> (or <see cref="SandboxOptions.Urls"/>) and seeds its data.</summary>
    public static async Task<FreshBooksSandbox> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var clock = new SandboxClock(options.TimeProvider, options.StartTime);
        SandboxWebhooks? webhooks = null;
        var data = new SandboxData(clock, change => webhooks?.OnChange(change));
        var tokens = new TokenStore(clock, () => options.AccessTokenLifetime);
        var services = new SandboxServices
        {
            Options = options,
            Clock = clock,
            Data = data,
            Tokens = tokens,
            Gate = new AuthGate(tokens),
        };
        webhooks = new SandboxWebhooks(services);
        var faults = new SandboxFaults(clock);
        foreach (var rule in options.Faults)
        {
            faults.Add(rule);
        }

        if (options.SeedDefaultData)
        {
            data.SeedDefaultData(data.PrimaryBusiness.AccountId);
        }

        if (options.SeedClients > 0)
        {
            data.SeedClients(data.PrimaryBusiness.AccountId, options.SeedClients);
        }

        if (options.SeedInvoices > 0)
        {
            data.SeedInvoices(data.PrimaryBusiness.AccountId, options.SeedInvoices, options.LinesPerInvoice, options.SeedUnpaidInvoices);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(FreshBooksSandbox).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(options.Urls ?? "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sandbox = new FreshBooksSandbox(app, services, faults, webhooks);
        app.Use((context, next) => sandbox.LogAsync(context, next));
        app.Use((context, next) => FaultMiddleware.InvokeAsync(context, () => next(context), faults));
        app.MapGet("/", (HttpContext c) => sandbox.IndexAsync(c));
        OAuthEndpoints.Map(app, services);
        IdentityEndpoint.Map(app, services);
        AccountingEndpoints.Map(app, services);
        ProjectEndpoints.Map(app, services);
        WebhookEndpoints.Map(app, services, webhooks);
        SandboxControlEndpoints.Map(app, services, () => sandbox.Requests);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        services.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        webhooks.Start();
        if (options.PrintBanner)
        {
            Console.WriteLine($"FreshBooks sandbox listening on {services.BaseAddress}");
            Console.WriteLine($"  FRESHBOOKS_API_URL={services.BaseAddress.ToString().TrimEnd('/')}");
            Console.WriteLine($"  FRESHBOOKS_AUTH_URL={services.BaseAddress.ToString().TrimEnd('/')}");
            Console.WriteLine($"  authorize: {services.BaseAddress}oauth/authorize   token: {services.BaseAddress}auth/oauth/token");
            Console.WriteLine($"  client_id={options.ClientId}  client_secret={options.ClientSecret}  (sandbox-only credentials)");
            Console.WriteLine($"  tokens without the consent page: POST {services.BaseAddress}_sandbox/tokens   request log: GET {services.BaseAddress}_sandbox/requests");
            Console.WriteLine($"  identity {data.Identity.Email}; businesses: " +
                string.Join("; ", data.Businesses.Select(b => $"{b.Name} account_id={b.AccountId} business_id={b.BusinessId} role={b.Role}")));
        }

        return sandbox;
    }

    private async Task LogAsync(HttpContext context, RequestDelegate next)
    {
        var time = Clock.GetUtcNow();
        if (HttpMethods.IsPost(context.Request.Method) &&
            context.Request.Path.Equals("/auth/oauth/token", StringComparison.OrdinalIgnoreCase))
        {
            // Counted on arrival, before any fault answers for the endpoint: "how many token requests were sent".
            Interlocked.Increment(ref _services.TokenRequests);
        }

        var logged = 0;
        void Log()
        {
            if (Interlocked.Exchange(ref logged, 1) != 0)
            {
                return;
            }

            var dropped = context.Items.ContainsKey(FaultMiddleware.DroppedKey);
            _requests.Enqueue(new SandboxRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.QueryString.Value ?? "",
                dropped ? 0 : context.Response.StatusCode,
                AuthGate.BearerToken(context.Request),
                time));
            // Long benchmark runs must not grow the log without bound.
            while (_requests.Count > MaxLoggedRequests && _requests.TryDequeue(out _))
            {
            }
        }

        // Logged when the response starts, so a client that has read a response always finds its request in the log;
        // a dropped connection logs itself (through the fault middleware) before it drops.
        context.Items[FaultMiddleware.LogKey] = (Action)Log;
        context.Response.OnStarting(() =>
        {
            Log();
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        catch (Exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Bad input must never surface as a bare 500; this is the last line of defence.
            context.Response.Clear();
            await Errors.MessageAsync(context, 500, "An unexpected error occurred.");
        }
        finally
        {
            Log();
        }
    }

    private Task IndexAsync(HttpContext context) => HttpJson.WriteAsync(context, 200, w =>
    {
        w.WriteStartObject();
        w.WriteString("name", "Ledgerline FreshBooks sandbox");
        w.WriteString("base_url", BaseAddress.ToString());
        w.WriteString("authorize_url", BaseAddress + "oauth/authorize");
        w.WriteString("token_url", BaseAddress + "auth/oauth/token");
        w.WriteString("client_id", Options.ClientId);
        w.WriteStartArray("businesses");
        foreach (var b in Data.Businesses)
        {
            w.WriteStartObject();
            w.WriteString("name", b.Name);
            w.WriteString("account_id", b.AccountId);
            w.WriteNumber("business_id", b.BusinessId);
            w.WriteString("role", b.Role);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Blocks until the host shuts down (Ctrl+C in standalone mode).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server and the webhook sender; <see cref="Data"/> cannot be used after that.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Webhooks.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Data.Close();
    }
}
