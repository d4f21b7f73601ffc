using Ledgerline.Connections;
using Ledgerline.FreshBooks;
using Ledgerline.FreshBooks.Auth;
using Ledgerline.FreshBooks.Connections;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FreshBooks connections (OAuth, token rotation) and the handlers of the adapter's HTTP clients.</summary>
internal static class FreshBooksConnectionsServiceCollectionExtensions
{
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
        services.TryAddSingleton(sp => new FreshBooksTokenManager(
            sp.GetRequiredService<IConnectionStore>(),
            sp.GetRequiredService<FreshBooksTokenClient>(),
            sp.GetRequiredService<IOptionsMonitor<FreshBooksOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FreshBooksTokenManager>>(),
            sp.GetService<IConnectionLeaseStore>()));
        services.TryAddSingleton(sp => new FreshBooksConnector(
            sp.GetRequiredService<IOptionsMonitor<FreshBooksOptions>>(),
            sp.GetRequiredService<FreshBooksTokenClient>(),
            sp.GetRequiredService<FreshBooksIdentityClient>(),
            sp.GetRequiredService<IConnectionStore>()));
        services.TryAddSingleton<ConnectionConcurrencyLimiter>();
        services.TryAddTransient<FreshBooksAuthHandler>();
        services.TryAddTransient<ConnectionConcurrencyHandler>();

        // The token endpoint gets no retry handler on purpose (a repeated refresh spends a single-use token twice); its
        // timeout is applied per request by the token manager, not by HttpClient.
        services.AddHttpClient(FreshBooksTokenClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .UseFreshBooksLogging();
        services.AddHttpClient(FreshBooksIdentityClient.HttpClientName)
            .UseFreshBooksLogging()
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
