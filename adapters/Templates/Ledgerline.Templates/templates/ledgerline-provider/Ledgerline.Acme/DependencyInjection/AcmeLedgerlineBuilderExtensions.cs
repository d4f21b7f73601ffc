using Ledgerline;
using Ledgerline.Acme;
using Ledgerline.Acme.Auth;
using Ledgerline.Acme.Http;
using Ledgerline.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Acme provider to Ledgerline: <c>services.AddLedgerline().AddAcme(o => …)</c>.</summary>
public static class AcmeLedgerlineBuilderExtensions
{
    /// <summary>Adds Acme with options bound from configuration section <c>Ledgerline:Acme</c> (<see cref="AcmeOptions.SectionName"/>).</summary>
    public static LedgerlineBuilder AddAcme(this LedgerlineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AcmeOptions>().BindConfiguration(AcmeOptions.SectionName);
        return builder.AddAcmeCore();
    }

    /// <summary>Adds Acme configured in code.</summary>
    public static LedgerlineBuilder AddAcme(this LedgerlineBuilder builder, Action<AcmeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder.AddAcmeCore();
    }

    /// <summary>Adds Acme with options bound from <paramref name="section"/>.</summary>
    public static LedgerlineBuilder AddAcme(this LedgerlineBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<AcmeOptions>().Bind(section);
        return builder.AddAcmeCore();
    }

    /// <summary>
    /// What every overload shares, registered once (a second <c>AddAcme</c> only adds its configuration): options
    /// validated on start, the connection store (in memory unless the app registered a durable one), the token manager,
    /// the HTTP client with its handlers, and the provider.
    /// </summary>
    private static LedgerlineBuilder AddAcmeCore(this LedgerlineBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(AcmeProviderMarker)))
        {
            return builder;
        }

        services.AddSingleton<AcmeProviderMarker>();
        services.AddOptions<AcmeOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AcmeOptions>, AcmeOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectionStore>(sp => new InMemoryConnectionStore(sp.GetRequiredService<TimeProvider>()));

        // One token manager per provider, shared by every connection: single-flight refresh, persisted before use.
        services.TryAddSingleton<AcmeTokenRefresher>();
        services.TryAddKeyedSingleton(AcmeLedgerProvider.ProviderName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<AcmeOptions>>();
            return new ConnectionTokenManager(
                sp.GetRequiredService<AcmeTokenRefresher>(),
                sp.GetRequiredService<IConnectionStore>(),
                () => options.CurrentValue.Tokens,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ConnectionTokenManager>>(),
                sp.GetService<IConnectionLeaseStore>());
        });

        // The API client. Handlers run outermost first: retries (safe methods only), then the bearer of the attempt's
        // connection. The factory's default loggers are removed: they hand raw header values (the bearer) to log sinks.
        services.TryAddTransient<AcmeBearerHandler>();
        var client = services.AddHttpClient(AcmeHttp.ClientName)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<AcmeOptions>>().CurrentValue.ApiBaseUrl)
            .RemoveAllLoggers();
        client.AddResilienceHandler(AcmeResilience.PipelineName, AcmeResilience.Configure);
        client.AddHttpMessageHandler<AcmeBearerHandler>();
        services.TryAddSingleton<AcmeHttp>();
        return builder.AddProvider<AcmeLedgerProvider>();
    }

    private sealed class AcmeProviderMarker;
}
