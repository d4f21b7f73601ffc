using Ledgerline;
using Ledgerline.Connections;
using Ledgerline.Xero;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Auth;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Xero provider to Ledgerline.</summary>
public static class XeroLedgerlineBuilderExtensions
{
    /// <summary>
    /// Adds Xero with options bound from configuration section <c>Ledgerline:Xero</c> (<see cref="XeroOptions.SectionName"/>)
    /// of the app's <see cref="IConfiguration"/>.
    /// </summary>
    public static LedgerlineBuilder AddXero(this LedgerlineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<XeroOptions>().BindConfiguration(XeroOptions.SectionName);
        return builder.AddXeroCore();
    }

    /// <summary>Adds Xero configured in code, e.g. <c>o =&gt; { o.ClientId = …; o.ApiBaseUrl = sandbox.BaseAddress; }</c>.</summary>
    public static LedgerlineBuilder AddXero(this LedgerlineBuilder builder, Action<XeroOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder.AddXeroCore();
    }

    /// <summary>Adds Xero with options bound from <paramref name="section"/>.</summary>
    public static LedgerlineBuilder AddXero(this LedgerlineBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<XeroOptions>().Bind(section);
        return builder.AddXeroCore();
    }

    /// <summary>
    /// The services every overload shares, registered once: options validation (data annotations plus
    /// <see cref="XeroOptionsValidator"/>, checked on start), the connection store (in memory unless the app registered
    /// one), the Accounting client with its handler chain, and the provider. A second <c>AddXero</c> only adds its
    /// configuration.
    /// </summary>
    private static LedgerlineBuilder AddXeroCore(this LedgerlineBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(XeroProviderMarker)))
        {
            return builder;
        }

        services.AddSingleton<XeroProviderMarker>();
        services.AddOptions<XeroOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XeroOptions>, XeroOptionsAnnotations>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XeroOptions>, XeroOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectionStore>(sp => new InMemoryConnectionStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<XeroTokenClient>();
        services.TryAddSingleton<XeroTokenRefresher>();
        services.TryAddKeyedSingleton(XeroRequest.ProviderName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<XeroOptions>>();
            return new ConnectionTokenManager(
                sp.GetRequiredService<XeroTokenRefresher>(),
                sp.GetRequiredService<IConnectionStore>(),
                () => options.CurrentValue.TokenTimings(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ConnectionTokenManager>>(),
                sp.GetService<IConnectionLeaseStore>());
        });

        // The token endpoint gets no retry handler: the refresher itself resends a refresh whose answer was lost (Xero's
        // 30-minute reuse grace), and nothing else; the manager bounds each refresh with its own deadline.
        services.AddHttpClient(XeroTokenClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.TryAddSingleton<XeroConnectionsClient>();
        services.TryAddSingleton(sp => new XeroConnector(
            sp.GetRequiredService<IOptionsMonitor<XeroOptions>>(),
            sp.GetRequiredService<XeroTokenClient>(),
            sp.GetRequiredService<XeroConnectionsClient>(),
            sp.GetRequiredService<IConnectionStore>(),
            sp.GetRequiredKeyedService<ConnectionTokenManager>(XeroRequest.ProviderName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<XeroConnector>>()));
        // GET /connections is retried like any safe call (5xx, 429, transport errors); DELETE is sent once. Each attempt is
        // bounded by XeroOptions.RequestTimeout, not HttpClient's default.
        services.AddHttpClient(XeroConnectionsClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(XeroResilience.PipelineName, XeroResilience.Configure);
        services.TryAddSingleton<XeroHttp>();
        services.TryAddTransient<XeroBodyHandler>();
        services.TryAddTransient<XeroHeadersHandler>();
        services.TryAddTransient<XeroAuthHandler>();

        services.AddAccountingClient<IXeroAccountingApi>("Ledgerline.Xero.Accounting");
        services.AddAccountingClient<IXeroSettingsApi>("Ledgerline.Xero.Settings");
        services.AddAccountingClient<IXeroBankTransactionsApi>("Ledgerline.Xero.BankTransactions");
        services.AddAccountingClient<IXeroProjectsApi>("Ledgerline.Xero.Projects");
        builder.AddProvider<XeroLedgerProvider>();
        return builder;
    }

    /// <summary>
    /// One Refit client of the Accounting API, every family with the same handlers, outermost first: the bounded body
    /// read, Accept + unitdp=4, the retry pipeline (safe methods only, Retry-After honoured), then the bearer for this
    /// attempt's connection. The factory's default logger is removed: it hands raw header values (the bearer) to
    /// structured sinks. Named clients: the name is what logs, metrics and the resilience pipeline report
    /// (<c>Ledgerline.Xero.Accounting-retry</c>), not the generated type's full name. <see cref="XeroOptions.RequestTimeout"/>
    /// applies per attempt, in the resilience pipeline and the body handler, instead of HttpClient's timeout.
    /// </summary>
    private static void AddAccountingClient<TApi>(this IServiceCollection services, string httpClientName)
        where TApi : class
    {
        var client = services.AddRefitGeneratedClient<TApi>(
                _ => new RefitSettings
                {
                    ContentSerializer = new SystemTextJsonContentSerializer(XeroJson.Options),

                    // Keep the transport failure (and Ledgerline's own errors from the auth handler) as thrown, so the error
                    // table sees what actually happened rather than Refit's wrapper.
                    TransportExceptionFactory = static (_, exception, _) => exception,
                },
                httpClientName)
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<XeroOptions>>().CurrentValue.ApiBaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllLoggers()
            .AddHttpMessageHandler<XeroBodyHandler>()
            .AddHttpMessageHandler<XeroHeadersHandler>();
        client.AddResilienceHandler(XeroResilience.PipelineName, XeroResilience.Configure);
        client.AddHttpMessageHandler<XeroAuthHandler>();
    }

    private sealed class XeroProviderMarker;
}
