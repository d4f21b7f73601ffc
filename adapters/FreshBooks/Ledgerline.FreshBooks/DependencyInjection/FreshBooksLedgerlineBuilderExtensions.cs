using Ledgerline;
using Ledgerline.Connections;
using Ledgerline.FreshBooks;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Auth;
using Ledgerline.FreshBooks.Connections;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the FreshBooks provider to Ledgerline.</summary>
public static class FreshBooksLedgerlineBuilderExtensions
{
    /// <summary>
    /// Adds FreshBooks with options bound from configuration section <c>Ledgerline:FreshBooks</c>
    /// (<see cref="FreshBooksOptions.SectionName"/>) of the app's <see cref="IConfiguration"/>.
    /// </summary>
    public static LedgerlineBuilder AddFreshBooks(this LedgerlineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<FreshBooksOptions>().BindConfiguration(FreshBooksOptions.SectionName);
        return builder.AddFreshBooksCore();
    }

    /// <summary>Adds FreshBooks configured in code, e.g. <c>o =&gt; { o.ClientId = …; o.ApiBaseUrl = sandbox.BaseAddress; }</c>.</summary>
    public static LedgerlineBuilder AddFreshBooks(this LedgerlineBuilder builder, Action<FreshBooksOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder.AddFreshBooksCore();
    }

    /// <summary>Adds FreshBooks with options bound from <paramref name="section"/>.</summary>
    public static LedgerlineBuilder AddFreshBooks(this LedgerlineBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<FreshBooksOptions>().Bind(section);
        return builder.AddFreshBooksCore();
    }

    /// <summary>
    /// The services every overload shares, registered once: options validation (data annotations plus
    /// <see cref="FreshBooksOptionsValidator"/>, checked on start), connections and auth, the Refit clients with their
    /// handler chain, webhooks and the provider. A second <c>AddFreshBooks</c> only adds its configuration.
    /// </summary>
    private static LedgerlineBuilder AddFreshBooksCore(this LedgerlineBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(FreshBooksProviderMarker)))
        {
            return builder;
        }

        services.AddSingleton<FreshBooksProviderMarker>();
        services.AddOptions<FreshBooksOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FreshBooksOptions>, FreshBooksOptionsAnnotations>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FreshBooksOptions>, FreshBooksOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddFreshBooksConnections();
        services.TryAddSingleton<FreshBooksHttp>();
        services.TryAddTransient<FreshBooksHeadersHandler>();
        services.TryAddTransient<FreshBooksBodyHandler>();

        AddClient<IFreshBooksAccountingApi>(services, "Ledgerline.FreshBooks.Accounting");
        AddClient<IFreshBooksTimeTrackingApi>(services, "Ledgerline.FreshBooks.TimeTracking");
        AddClient<IFreshBooksProjectsApi>(services, "Ledgerline.FreshBooks.Projects");
        AddClient<IFreshBooksIdentityApi>(services, "Ledgerline.FreshBooks.UsersMe");
        services.AddFreshBooksWebhooks();
        builder.AddProvider<FreshBooksLedgerProvider>();
        return builder;
    }

    // Named clients: the name is what logs, metrics and the resilience pipeline report (not the generated type's full name).
    private static void AddClient<TApi>(IServiceCollection services, string httpClientName)
        where TApi : class =>
        services.AddRefitGeneratedClient<TApi>(
            _ => new RefitSettings
            {
                // Bodies are read and written with the adapter's source-generated metadata and strict converters.
                ContentSerializer = new FreshBooksContentSerializer(),

                // Keep the transport failure (and Ledgerline's own errors from the auth handler) as thrown, so the error
                // table sees what actually happened rather than Refit's wrapper.
                TransportExceptionFactory = static (_, exception, _) => exception,
            },
            httpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptionsMonitor<FreshBooksOptions>>().CurrentValue.ApiBaseUrl;

                // FreshBooksOptions.RequestTimeout applies per attempt, in the resilience pipeline and the body handler.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<FreshBooksBodyHandler>()
            .AddHttpMessageHandler<FreshBooksHeadersHandler>()
            .AddFreshBooksHandlers();

    private sealed class FreshBooksProviderMarker;

    // Connections (OAuth, token rotation) and the handler chain every FreshBooks client shares.

    /// <summary>
    /// Registers the token manager (singleton), <see cref="FreshBooksConnector"/>, the auth and concurrency handlers, the
    /// token and identity HTTP clients, <see cref="TimeProvider"/> (if absent) and an in-memory <see cref="IConnectionStore"/>
    /// (if absent, so an app's own or SQLite store registered earlier wins). Calling it again changes nothing.
    /// </summary>
    internal static IServiceCollection AddFreshBooksConnections(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(FreshBooksConnectionsMarker)))
        {
            return services;
        }

        services.AddSingleton<FreshBooksConnectionsMarker>();
        services.AddOptions<FreshBooksOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectionStore>(sp => new InMemoryConnectionStore(sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<FreshBooksTokenClient>();
        services.TryAddSingleton<FreshBooksIdentityClient>();
        services.TryAddSingleton<FreshBooksTokenRefresher>();
        services.TryAddKeyedSingleton(FreshBooksRequest.ProviderName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<FreshBooksOptions>>();
            return new ConnectionTokenManager(
                sp.GetRequiredService<FreshBooksTokenRefresher>(),
                sp.GetRequiredService<IConnectionStore>(),
                () => options.CurrentValue.TokenTimings(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ConnectionTokenManager>>(),
                sp.GetService<IConnectionLeaseStore>());
        });
        services.TryAddSingleton(sp => new FreshBooksConnector(
            sp.GetRequiredService<IOptionsMonitor<FreshBooksOptions>>(),
            sp.GetRequiredService<FreshBooksTokenClient>(),
            sp.GetRequiredService<FreshBooksIdentityClient>(),
            sp.GetRequiredService<IConnectionStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ConnectionConcurrencyLimiter>();
        services.TryAddTransient<FreshBooksAuthHandler>();
        services.TryAddTransient<ConnectionConcurrencyHandler>();
        services.TryAddTransient<FreshBooksBodyHandler>();

        // The token endpoint gets no retry handler on purpose (a repeated refresh spends a single-use token twice); its
        // timeout is applied per request by the token manager, not by HttpClient.
        services.AddHttpClient(FreshBooksTokenClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .UseFreshBooksLogging();
        services.AddHttpClient(FreshBooksIdentityClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .UseFreshBooksLogging()
            .AddHttpMessageHandler<FreshBooksBodyHandler>()
            .AddResilienceHandler(FreshBooksResilience.PipelineName, FreshBooksResilience.Configure);
        return services;
    }

    /// <summary>
    /// Adds, in order, the retry pipeline (outermost: safe methods only, <c>Retry-After</c> honoured), the per-connection
    /// concurrency limit (per attempt) and the auth handler (innermost: the bearer for this attempt's connection).
    /// </summary>
    internal static IHttpClientBuilder AddFreshBooksHandlers(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddFreshBooksConnections();
        builder.UseFreshBooksLogging();
        builder.AddResilienceHandler(FreshBooksResilience.PipelineName, FreshBooksResilience.Configure);
        builder.AddHttpMessageHandler<ConnectionConcurrencyHandler>();
        builder.AddHttpMessageHandler<FreshBooksAuthHandler>();
        return builder;
    }

    // The factory's default logger exposes raw header values (the bearer) in its structured state; ours logs no header.
    private static IHttpClientBuilder UseFreshBooksLogging(this IHttpClientBuilder builder) => builder
        .RemoveAllLoggers()
        .AddLogger(
            sp => new FreshBooksHttpLogger(sp.GetRequiredService<ILoggerFactory>().CreateLogger(FreshBooksHttpLogger.CategoryName)),
            wrapHandlersPipeline: true);

    private sealed class FreshBooksConnectionsMarker;
}
