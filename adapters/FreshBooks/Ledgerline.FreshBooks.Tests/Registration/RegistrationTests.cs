using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Tests.Registration;

public sealed class RegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Valid(FreshBooksOptions o)
    {
        o.ClientId = "id";
        o.ClientSecret = "secret";
    }

    [Fact]
    public void AddFreshBooks_CalledTwice_RegistersServicesOnce()
    {
        var once = new ServiceCollection();
        once.AddLedgerline().AddFreshBooks(Valid);
        var twice = new ServiceCollection();
        twice.AddLedgerline().AddFreshBooks(Valid).AddFreshBooks(Valid);

        static int Count(IServiceCollection s) => s.Count(d => d.ServiceType != typeof(IConfigureOptions<FreshBooksOptions>));

        Assert.Equal(Count(once), Count(twice));
        using var provider = twice.BuildServiceProvider();
        var ledgerProvider = Assert.Single(provider.GetServices<ILedgerProvider>());
        Assert.Equal("FreshBooks", ledgerProvider.Name);
    }

    [Fact]
    public void AddFreshBooks_InvalidOptions_RefusedWithEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddFreshBooks(o =>
        {
            o.ClientId = "";
            o.ApiBaseUrl = new Uri("ftp://example.test/");
            o.ApiVersion = "yesterday";
            o.PageConcurrency = 0;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FreshBooksOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("ClientId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ApiBaseUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ApiVersion", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("PageConcurrency", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("secret", StringComparison.OrdinalIgnoreCase) && f.Contains('=', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("user:clients:read user:invoices:read")]
    [InlineData("user:profile:read\n")]
    [InlineData("")]
    public void AddFreshBooks_ScopeThatIsNotOneOAuthScope_RefusedOnStartNamingTheSetting(string scope)
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddFreshBooks(o =>
        {
            o.ClientId = "client";
            o.ClientSecret = "secret";
            o.Scopes.Add("user:profile:read");
            o.Scopes.Add(scope);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FreshBooksOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Scopes (configuration key Ledgerline:FreshBooks:Scopes", StringComparison.Ordinal)
            && f.Contains("Scopes[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void AddFreshBooks_NoClientIdOrSecret_MessagesNameTheConfigurationKeyAndEnvironmentVariable()
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddFreshBooks(o => o.MaxRetries = 11);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FreshBooksOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(
            "ClientId (configuration key Ledgerline:FreshBooks:ClientId, environment variable Ledgerline__FreshBooks__ClientId) is not set",
            StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Ledgerline:FreshBooks:ClientSecret", StringComparison.Ordinal)
            && f.Contains("Ledgerline__FreshBooks__ClientSecret", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Ledgerline__FreshBooks__MaxRetries) must be between 0 and 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InjectedStore_NoDefaultConnectionStored_SaysWhereTheIdComesFrom()
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddFreshBooks(o =>
        {
            Valid(o);
            o.ApiBaseUrl = new Uri("http://127.0.0.1:9/");
            o.AuthBaseUrl = new Uri("http://127.0.0.1:9/");
        });
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<ReauthorizationRequiredException>(
            () => provider.GetRequiredService<IContactStore>().GetAsync("1", Ct));

        Assert.Contains("'default'", error.Message, StringComparison.Ordinal);
        Assert.Contains("LedgerlineOptions.DefaultConnectionId", error.Message, StringComparison.Ordinal);
        Assert.Contains("ILedgerFactory.Open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFreshBooks_ConfigurationSection_Bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FB:ClientId"] = "from-section",
            ["FB:ClientSecret"] = "s",
            ["FB:ApiBaseUrl"] = "http://127.0.0.1:5080/",
            ["FB:PageConcurrency"] = "6",
        }).Build();
        var services = new ServiceCollection();
        services.AddLedgerline().AddFreshBooks(configuration.GetSection("FB"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<FreshBooksOptions>>().Value;

        Assert.Equal("from-section", options.ClientId);
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), options.ApiBaseUrl);
        Assert.Equal(6, options.PageConcurrency);
    }

    [Fact]
    public void AddFreshBooks_NoArguments_BindsLedgerlineFreshBooksFromAppConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledgerline:FreshBooks:ClientId"] = "from-app",
            ["Ledgerline:FreshBooks:ClientSecret"] = "s",
            ["Ledgerline:FreshBooks:ApiVersion"] = "2023-02-20",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLedgerline().AddFreshBooks();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<FreshBooksOptions>>().Value;

        Assert.Equal("from-app", options.ClientId);
        Assert.Equal("2023-02-20", options.ApiVersion);
    }

    [Fact]
    public async Task HeadersHandler_ApiVersionSetAndGetWithBody_HeaderAddedAndContentRemoved()
    {
        var monitor = new StaticMonitor(new FreshBooksOptions { ApiVersion = "2023-02-20" });
        var inner = new RecordingHandler();
        using var handler = new FreshBooksHeadersHandler(monitor) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/timetracking/business/1/time_entries")
        {
            Content = new StringContent("{}"),
        };

        using var response = await invoker.SendAsync(request, Ct);

        Assert.Equal(["2023-02-20"], inner.Seen!.Headers.GetValues("X-API-VERSION"));
        Assert.Null(inner.Seen.Content);
    }

    [Fact]
    public async Task FactoryOpen_ManyConnections_EachLedgerUsesItsOwnBusiness()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync();
        var primary = await fixture.OpenAsync();
        var secondary = await fixture.OpenAsync(business: fixture.Sandbox.Data.SecondaryBusiness);

        var a = await primary.Contacts.CreateAsync(new NewContact { Organization = "Tenant A" }, Ct);
        var inSecondary = await secondary.Contacts.ListAsync(new ContactQuery { OrganizationContains = "Tenant A" }, Ct).ToListAsync(Ct);

        Assert.Equal("FreshBooks", primary.ProviderName);
        Assert.Empty(inSecondary);
        Assert.Contains(fixture.RequestsTo("/accounting/account/" + fixture.Sandbox.Data.PrimaryBusiness.AccountId), r => r.Method == "POST");
        Assert.Equal(a.Id, (await primary.Contacts.GetAsync(a.Id, Ct)).Id);
    }

    [Fact]
    public async Task DefaultConnection_InjectedStores_UseLedgerlineOptionsDefaultConnectionId()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync(services: s => s.AddLedgerline(o => o.DefaultConnectionId = "tenant-one"));
        await fixture.ConnectAsync(connectionId: "tenant-one");

        var contacts = fixture.Services.GetRequiredService<IContactStore>();
        var created = await contacts.CreateAsync(new NewContact { Organization = "Injected Ltd." }, Ct);

        Assert.Equal("Injected Ltd.", created.Organization);
        Assert.Equal("tenant-one", fixture.Services.GetRequiredService<ILedger>().ConnectionId);
    }

    private sealed class StaticMonitor(FreshBooksOptions value) : IOptionsMonitor<FreshBooksOptions>
    {
        public FreshBooksOptions CurrentValue => value;

        public FreshBooksOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<FreshBooksOptions, string?> listener) => null;
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Seen { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
