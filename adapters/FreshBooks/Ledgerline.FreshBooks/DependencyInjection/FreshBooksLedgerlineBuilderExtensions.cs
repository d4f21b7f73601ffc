using Ledgerline;
using Ledgerline.FreshBooks;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddOptions<FreshBooksOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FreshBooksOptions>, FreshBooksOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddFreshBooksConnections();
        services.TryAddSingleton<FreshBooksHttp>();
        services.TryAddTransient<FreshBooksHeadersHandler>();
        services.TryAddTransient<FreshBooksBodyHandler>();

        AddClient<IFreshBooksAccountingApi>(services);
        AddClient<IFreshBooksTimeTrackingApi>(services);
        services.AddFreshBooksWebhooks();
        builder.AddProvider<FreshBooksLedgerProvider>();
        return builder;
    }

    private static void AddClient<TApi>(IServiceCollection services)
        where TApi : class =>
        services.AddRefitGeneratedClient<TApi>(_ => new RefitSettings
            {
                // Bodies are read and written with the adapter's source-generated metadata and strict converters.
                ContentSerializer = new FreshBooksContentSerializer(),

                // Keep the transport failure (and Ledgerline's own errors from the auth handler) as thrown, so the error
                // table sees what actually happened rather than Refit's wrapper.
                TransportExceptionFactory = static (_, exception, _) => exception,
            })
            .ConfigureHttpClient((sp, client) => client.BaseAddress = sp.GetRequiredService<IOptionsMonitor<FreshBooksOptions>>().CurrentValue.ApiBaseUrl)
            .AddHttpMessageHandler<FreshBooksBodyHandler>()
            .AddHttpMessageHandler<FreshBooksHeadersHandler>()
            .AddFreshBooksHandlers();

    private sealed class FreshBooksProviderMarker;
}
