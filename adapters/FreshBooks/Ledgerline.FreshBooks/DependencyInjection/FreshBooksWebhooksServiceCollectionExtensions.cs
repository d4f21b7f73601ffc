using Ledgerline;
using Ledgerline.FreshBooks;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;
using Ledgerline.FreshBooks.Api;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Ledgerline's FreshBooks webhook services.</summary>
public static class FreshBooksWebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Adds FreshBooks webhooks: <see cref="IFreshBooksWebhookSubscriptions"/>, <see cref="IFreshBooksWebhookReceiver"/>,
    /// an in-memory <see cref="IWebhookSecretStore"/> and the default <see cref="IFreshBooksAccountResolver"/> (register
    /// your own implementations first to replace them). <c>AddFreshBooks(…)</c> already calls it; call it to configure
    /// <see cref="FreshBooksWebhookOptions"/>. Calling it again only adds configuration.
    /// </summary>
    public static LedgerlineBuilder AddFreshBooksWebhooks(this LedgerlineBuilder builder, Action<FreshBooksWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddFreshBooksWebhooks();
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }

    /// <summary>The registration <c>AddFreshBooks</c> calls; idempotent.</summary>
    internal static IServiceCollection AddFreshBooksWebhooks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(FreshBooksWebhooksMarker)))
        {
            return services;
        }

        services.AddSingleton<FreshBooksWebhooksMarker>();
        services.AddOptions<FreshBooksWebhookOptions>()
            .Validate(o => o.DuplicateWindow > TimeSpan.Zero && o.DuplicateCapacity > 0 && o.MaxBodyBytes > 0,
                "FreshBooks webhook options need a positive duplicate window, duplicate capacity and body limit.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookSecretStore, InMemoryWebhookSecretStore>();
        services.TryAddSingleton<AccountLinks>();
        services.TryAddSingleton<CallbackSecretGate>();
        services.TryAddSingleton<IFreshBooksAccountResolver, DefaultFreshBooksAccountResolver>();
        services.TryAddSingleton<DeliveryDeduplicator>();
        services.TryAddSingleton<IFreshBooksWebhookReceiver, FreshBooksWebhookReceiver>();
        services.TryAddTransient<IFreshBooksWebhookSubscriptions, FreshBooksWebhookSubscriptions>();
        services.TryAddTransient<FreshBooksHeadersHandler>();
        services.TryAddTransient<FreshBooksBodyHandler>();
        services.TryAddSingleton<FreshBooksHttp>();

        // The adapter's handler chain: the whole body read (bounded), API version header, retries for GET only (callbacks
        // are created with POST and verified with PUT, never repeated), the per-connection concurrency limit, and the
        // bearer looked up per request. Transport failures are kept as thrown, for the error table.
        services.AddRefitGeneratedClient<IFreshBooksEventsApi>(_ => new RefitSettings
            {
                TransportExceptionFactory = static (_, exception, _) => exception,
            })
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptions<FreshBooksOptions>>().Value.ApiBaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<FreshBooksBodyHandler>()
            .AddHttpMessageHandler<FreshBooksHeadersHandler>()
            .AddFreshBooksHandlers();
        return services;
    }

    private sealed class FreshBooksWebhooksMarker;
}
