using System.Globalization;
using System.Collections.Concurrent;
using Ledgerline.Xero.Sandbox.Accounting;
using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Identity;
using Ledgerline.Xero.Sandbox.Idempotency;
using Ledgerline.Xero.Sandbox.Projects;
using Ledgerline.Xero.Sandbox.RateLimits;
using Ledgerline.Xero.Sandbox.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ledgerline.Xero.Sandbox;

/// <summary>
/// A local server that behaves like Xero: the identity service (OAuth 2.0 with PKCE, rotating refresh tokens, OpenID
/// Connect), the connections endpoints and the Accounting API's JSON, for two organisations. Start it in-process with
/// <see cref="StartAsync"/>; every endpoint shares one origin.
/// </summary>
public sealed class XeroSandbox : IAsyncDisposable
{
    private const int MaxLoggedRequests = 100_000;
    private static readonly string[] AccountingResources = ["Contacts", "Invoices", "CreditNotes", "Quotes", "Payments", "BankTransactions", "Items", "TaxRates", "Accounts", "Organisation"];
    private static readonly string[] ProjectsResources = ["Projects", "ProjectsUsers", "Projects/{projectId}/Tasks", "Projects/{projectId}/Time"];
    private readonly WebApplication _app;
    private readonly SandboxServices _services;
    private readonly Seeder _seeder;
    private readonly ConcurrentQueue<SandboxRequest> _requests = new();
    private int _disposed;

    private XeroSandbox(WebApplication app, SandboxServices services, Seeder seeder, SandboxFaults faults, SandboxWebhooks webhooks)
    {
        _app = app;
        _services = services;
        _seeder = seeder;
        Faults = faults;
        Webhooks = webhooks;
    }

    /// <summary>The app's webhook (configuration, intent to receive) and the log of posts made.</summary>
    public SandboxWebhooks Webhooks { get; }

    /// <summary>Fault rules, changeable at runtime.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Root URL of the sandbox, with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _services.BaseAddress;

    /// <summary>The options the sandbox was started with; token lifetimes are read at issue time, so changes apply to new tokens.</summary>
    public XeroSandboxOptions Options => _services.Options;

    /// <summary>Sandbox time; <see cref="SandboxClock.Advance"/> moves token expiry, grace periods, timestamps and "today".</summary>
    public SandboxClock Clock => _services.Clock;

    /// <summary>The organisations served, primary (NZD) first.</summary>
    public IReadOnlyList<SandboxTenant> Tenants => [.. _services.Books.Select(b => b.Tenant)];

    /// <summary>The New Zealand organisation (NZD, 15 % GST).</summary>
    public SandboxTenant PrimaryTenant => _services.Books[0].Tenant;

    /// <summary>The Australian organisation (AUD, 10 % GST).</summary>
    public SandboxTenant SecondaryTenant => _services.Books[1].Tenant;

    /// <summary>Xero's call limits, changeable at runtime (same object as <see cref="XeroSandboxOptions.RateLimits"/>).</summary>
    public RateLimitOptions RateLimits => Options.RateLimits;

    /// <summary>Forgets every counted call: all minute and day windows start afresh.</summary>
    public void ResetRateLimits() => _services.Limiter.Reset();

    /// <summary>Snapshot of the request log, oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Requests => [.. _requests];

    /// <summary>Empties the request log.</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>
    /// Issues tokens as a completed consent would, without the browser step: <paramref name="scopes"/> (default: every
    /// scope the app may have) and connections to <paramref name="tenantIds"/> (default: both organisations).
    /// </summary>
    /// <exception cref="ArgumentException">A scope or tenant is unknown.</exception>
    public SandboxTokens IssueTokens(IEnumerable<string>? scopes = null, IEnumerable<Guid>? tenantIds = null)
    {
        var granted = scopes?.Distinct(StringComparer.Ordinal).ToArray() ?? [.. XeroSandboxOptions.AllScopes];
        if (granted.FirstOrDefault(sc => !XeroSandboxOptions.AllScopes.Contains(sc, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"Unknown scope {unknown}.", nameof(scopes));
        }

        var tenants = (tenantIds ?? _services.Books.Select(b => b.Tenant.TenantId))
            .Select(id => _services.Book(id)?.Tenant ?? throw new ArgumentException($"Unknown tenant {id}.", nameof(tenantIds))).ToList();
        var grant = new Grant
        {
            Id = Guid.NewGuid(),
            ClientId = Options.ClientId,
            User = _services.User,
            Scopes = granted,
            AuthEventId = Guid.NewGuid(),
            AuthTime = Clock.GetUtcNow(),
        };
        _services.Connections.Connect(grant, tenants);
        var t = _services.Tokens.Issue(grant);
        return new SandboxTokens(t.AccessToken, t.RefreshToken ?? "", t.IdToken, t.ExpiresAt, t.Scope);
    }

    /// <summary>
    /// Empties an organisation's contacts, invoices, bills, credit notes, quotes, payments, bank transactions and items, removes the tax rates it
    /// added (its tax regime stays, as does the chart of accounts), and restarts its invoice, credit note and quote numbering, so a test starts
    /// from clean books without a new server.
    /// </summary>
    public void ClearData(Guid tenantId)
    {
        var book = RequireBook(tenantId);
        lock (book.Gate)
        {
            book.Contacts.Clear();
            book.Invoices.Clear();
            book.Payments.Clear();
            book.BankTransactions.Clear();
            book.CreditNotes.Clear();
            book.Quotes.Clear();
            book.Items.Clear();
            book.Projects.Clear();
            foreach (var added in book.TaxRates.All.Where(t => !t.IsSystem).ToList())
            {
                book.TaxRates.Remove(added.Id);
            }

            book.NextInvoiceNumber = 1;
            book.NextCreditNoteNumber = 1;
            book.NextQuoteNumber = 1;
        }
    }

    /// <summary>Adds <paramref name="count"/> deterministic contacts to an organisation.</summary>
    public void SeedContacts(Guid tenantId, int count)
    {
        var book = RequireBook(tenantId);
        lock (book.Gate)
        {
            _seeder.SeedContacts(book, count, Clock.GetUtcNow());
        }
    }

    /// <summary>Adds <paramref name="count"/> deterministic sales invoices (draft, submitted, authorised and paid) to an organisation.</summary>
    public void SeedInvoices(Guid tenantId, int count, int linesPerInvoice = 3)
    {
        var book = RequireBook(tenantId);
        lock (book.Gate)
        {
            _seeder.SeedInvoices(book, count, linesPerInvoice, Clock.GetUtcNow());
        }
    }

    /// <summary>The ids of the organisation's Projects users (<c>GET /ProjectsUsers</c>), in the order the API lists them.</summary>
    public IReadOnlyList<Guid> ProjectsUserIds(Guid tenantId)
    {
        var book = RequireBook(tenantId);
        lock (book.Gate)
        {
            return [.. book.Projects.Users.Select(u => u.UserId)];
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> projects in progress for a contact, named <c>Project 0001</c> onwards and listed in that
    /// order after the projects already there, and returns their ids: for tests of listings longer than a page of 500.
    /// </summary>
    public IReadOnlyList<Guid> SeedProjects(Guid tenantId, Guid contactId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var book = RequireBook(tenantId);
        lock (book.Gate)
        {
            var ids = new List<Guid>(count);
            for (var i = 1; i <= count; i++)
            {
                var project = new ProjectRecord
                {
                    ProjectId = Guid.NewGuid(),
                    ContactId = contactId,
                    Name = string.Create(CultureInfo.InvariantCulture, $"Project {i:D4}"),
                    CurrencyCode = book.Tenant.BaseCurrency,
                };
                book.Projects.Projects.Add(project);
                ids.Add(project.ProjectId);
            }

            return ids;
        }
    }

    /// <summary>
    /// Adds a task to a project, as someone would in Xero's app, and returns its id: for tests of a client that logs time
    /// but makes no tasks. <paramref name="chargeType"/> is <c>TIME</c>, <c>FIXED</c> or <c>NON_CHARGEABLE</c>; the rate is
    /// in the project's currency.
    /// </summary>
    public Guid AddProjectTask(Guid tenantId, Guid projectId, string name, string chargeType, decimal rate = 0m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (chargeType is not ("TIME" or "FIXED" or "NON_CHARGEABLE"))
        {
            throw new ArgumentException($"Unknown charge type {chargeType}.", nameof(chargeType));
        }

        var book = RequireBook(tenantId);
        lock (book.Gate)
        {
            if (book.Projects.Project(projectId) is null)
            {
                throw new ArgumentException($"Unknown project {projectId}.", nameof(projectId));
            }

            var task = new ProjectTask { TaskId = Guid.NewGuid(), ProjectId = projectId, Name = name, ChargeType = chargeType, Rate = rate };
            book.Projects.Tasks.Add(task);
            return task.TaskId;
        }
    }

    private TenantBook RequireBook(Guid tenantId) => _services.Book(tenantId) ?? throw new ArgumentException($"Unknown tenant {tenantId}.", nameof(tenantId));

    /// <summary>Starts a sandbox on <c>http://127.0.0.1:0</c> (or <see cref="XeroSandboxOptions.Urls"/>) and seeds its data.</summary>
    public static async Task<XeroSandbox> StartAsync(XeroSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new XeroSandboxOptions();
        var clock = new SandboxClock(options.TimeProvider, options.StartTime);
        var seeder = new Seeder(options.Seed);
        var now = clock.GetUtcNow();
        var user = new SandboxUser(seeder.NextGuid(), "sandy@ledgerline.test", "Sandy", "Ledger", seeder.NextGuid());
        var books = seeder.CreateBooks(now);
        if (options.SeedDefaultData)
        {
            foreach (var book in books)
            {
                seeder.SeedDefaultData(book, now);
            }
        }

        if (options.SeedContacts > 0)
        {
            seeder.SeedContacts(books[0], options.SeedContacts, now);
        }

        if (options.SeedInvoices > 0)
        {
            seeder.SeedInvoices(books[0], options.SeedInvoices, options.LinesPerInvoice, now);
        }

        var signer = new JwtSigner();
        SandboxServices? services = null;
        var tokens = new TokenStore(clock, options, signer, () => services!.Issuer);
        services = new SandboxServices
        {
            Options = options,
            Clock = clock,
            User = user,
            Books = books,
            Tokens = tokens,
            Connections = new ConnectionStore(clock),
            Signer = signer,
            Limiter = new RateLimiter(clock, options.RateLimits),
            Idempotency = new IdempotencyStore(clock),
        };

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(XeroSandbox).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(options.Urls ?? "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var faults = new SandboxFaults(options.Seed);
        foreach (var rule in options.Faults)
        {
            faults.Add(rule);
        }

        var webhooks = new SandboxWebhooks(services);
        if (options.WebhookUrl is { } webhookUrl)
        {
            webhooks.Configure(webhookUrl, signingKey: options.WebhookSigningKey);
        }

        var sandbox = new XeroSandbox(app, services, seeder, faults, webhooks);
        app.Use((context, next) => sandbox.LogAsync(context, next));
        app.Use((context, next) => FaultMiddleware.InvokeAsync(context, () => next(context), faults));
        app.MapGet("/", (HttpContext c) => sandbox.IndexAsync(c));
        IdentityEndpoints.Map(app, services);
        ConnectionEndpoints.Map(app, services);
        AccountingEndpoints.Map(app, services);
        WebhookEndpoints.Map(app, webhooks);
        ProjectsEndpoints.Map(app, services);
        Control.SandboxTokenEndpoint.Map(app, sandbox);

        await app.StartAsync(cancellationToken);
        webhooks.Start();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        services.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        if (options.PrintBanner)
        {
            Console.WriteLine($"Xero sandbox listening on {services.BaseAddress}");
            Console.WriteLine($"  OpenID discovery: {services.Issuer}{IdentityEndpoints.DiscoveryPath}");
            Console.WriteLine($"  authorize: {services.Issuer}{IdentityEndpoints.AuthorizePath}   token: {services.Issuer}{IdentityEndpoints.TokenPath}");
            Console.WriteLine($"  connections: {services.Issuer}/connections   accounting: {services.Issuer}{AccountingEndpoints.BasePath}   projects: {services.Issuer}{ProjectsEndpoints.BasePath}");
            Console.WriteLine($"  tokens without the consent page: POST {services.BaseAddress}_sandbox/tokens");
            if (webhooks.Subscription is { } hook)
            {
                Console.WriteLine($"  webhook: {hook.Url} ({hook.Status}; POST {services.Issuer}{WebhookEndpoints.Path}/intent-to-receive to activate)");
            }

            Console.WriteLine($"  client_id={options.ClientId}  client_secret={options.ClientSecret}  (sandbox-only credentials)");
            foreach (var b in books)
            {
                Console.WriteLine($"  tenant {b.Tenant.Name}: xero-tenant-id={b.Tenant.TenantId} ({b.Tenant.BaseCurrency})");
            }
        }

        return sandbox;
    }

    private async Task LogAsync(HttpContext context, RequestDelegate next)
    {
        var time = Clock.GetUtcNow();
        var logged = 0;
        void Log()
        {
            if (Interlocked.Exchange(ref logged, 1) != 0)
            {
                return;
            }

            var tenant = context.Request.Headers["xero-tenant-id"].ToString();
            var dropped = context.Items.ContainsKey(FaultMiddleware.DroppedKey);
            _requests.Enqueue(new SandboxRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "",
                dropped ? 0 : context.Response.StatusCode, tenant.Length == 0 ? null : tenant, time));
            // Long runs must not grow the log without bound.
            while (_requests.Count > MaxLoggedRequests && _requests.TryDequeue(out _))
            {
            }
        }

        // Logged when the response starts, so a client that has read a response always finds its request in the log; a
        // dropped connection logs itself before it drops.
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
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && Report(ex))
        {
            // Bad input must never surface as a bare 500 with a stack trace; reaching this is a sandbox bug, reported as Xero's 500.
            context.Response.Clear();
            await HttpJson.WriteTextAsync(context, 500, FaultMiddleware.ServerErrorText);
        }
        finally
        {
            Log();
        }
    }

    /// <summary>Reports a sandbox bug on standard error in standalone mode; in-process tests see the 500 instead.</summary>
    private bool Report(Exception ex)
    {
        if (Options.PrintBanner)
        {
            Console.Error.WriteLine(ex);
        }

        return true;
    }

    private Task IndexAsync(HttpContext context) => HttpJson.WriteAsync(context, 200, w =>
    {
        var iss = _services.Issuer;
        w.WriteStartObject();
        w.WriteString("name", "Ledgerline Xero sandbox");
        w.WriteString("base_url", BaseAddress.ToString());
        w.WriteString("openid_configuration", iss + IdentityEndpoints.DiscoveryPath);
        w.WriteString("authorize_url", iss + IdentityEndpoints.AuthorizePath);
        w.WriteString("token_url", iss + IdentityEndpoints.TokenPath);
        w.WriteString("revocation_url", iss + IdentityEndpoints.RevocationPath);
        w.WriteString("connections_url", iss + "/connections");
        w.WriteString("accounting_api", iss + AccountingEndpoints.BasePath);
        w.WriteString("projects_api", iss + ProjectsEndpoints.BasePath);
        w.WriteString("client_id", Options.ClientId);
        w.WriteNumber("access_token_lifetime_seconds", (long)Options.AccessTokenLifetime.TotalSeconds);
        w.WriteNumber("refresh_token_lifetime_seconds", (long)Options.RefreshTokenLifetime.TotalSeconds);
        w.WriteNumber("refresh_token_reuse_grace_seconds", (long)Options.RefreshTokenReuseGrace.TotalSeconds);
        w.WriteStartObject("rate_limits");
        w.WriteBoolean("enabled", RateLimits.Enabled);
        w.WriteNumber("per_minute", RateLimits.PerMinute);
        w.WriteNumber("per_day", RateLimits.PerDay);
        w.WriteNumber("app_per_minute", RateLimits.AppPerMinute);
        w.WriteNumber("concurrent", RateLimits.Concurrent);
        w.WriteEndObject();
        w.WriteString("webhook_admin", iss + WebhookEndpoints.Path);
        w.WriteStartArray("accounting_resources");
        foreach (var r in AccountingResources)
        {
            w.WriteStringValue(r);
        }

        w.WriteEndArray();
        w.WriteStartArray("projects_resources");
        foreach (var r in ProjectsResources)
        {
            w.WriteStringValue(r);
        }

        w.WriteEndArray();
        w.WriteStartArray("tenants");
        foreach (var t in Tenants)
        {
            w.WriteStartObject();
            w.WriteString("tenantId", t.TenantId);
            w.WriteString("tenantName", t.Name);
            w.WriteString("baseCurrency", t.BaseCurrency);
            w.WriteString("countryCode", t.CountryCode);
            w.WriteString("timezone", t.Timezone);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Blocks until the host shuts down (Ctrl+C in standalone mode).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Webhooks.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _services.Signer.Dispose();
    }
}
