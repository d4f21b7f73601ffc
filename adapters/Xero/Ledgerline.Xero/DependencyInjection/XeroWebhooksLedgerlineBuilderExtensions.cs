using Ledgerline;
using Ledgerline.Xero.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the receiving side of Xero webhooks (the endpoint is <c>MapXeroWebhooks</c> in Ledgerline.Xero.AspNetCore).</summary>
public static class XeroWebhooksLedgerlineBuilderExtensions
{
    /// <summary>Adds Xero webhooks with options bound from <c>Ledgerline:Xero:Webhooks</c> (<see cref="XeroWebhookOptions.SectionName"/>).</summary>
    public static LedgerlineBuilder AddXeroWebhooks(this LedgerlineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<XeroWebhookOptions>().BindConfiguration(XeroWebhookOptions.SectionName);
        return builder.AddXeroWebhooksCore();
    }

    /// <summary>Adds Xero webhooks configured in code, e.g. <c>o =&gt; o.SigningKey = configuration["Xero:WebhookKey"]</c>.</summary>
    public static LedgerlineBuilder AddXeroWebhooks(this LedgerlineBuilder builder, Action<XeroWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder.AddXeroWebhooksCore();
    }

    /// <summary>Adds Xero webhooks with options bound from <paramref name="section"/>.</summary>
    public static LedgerlineBuilder AddXeroWebhooks(this LedgerlineBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<XeroWebhookOptions>().Bind(section);
        return builder.AddXeroWebhooksCore();
    }

    /// <summary>
    /// The receiver, the default <see cref="IXeroTenantResolver"/> (register your own first to replace it), the
    /// duplicate memory and options validation on start (a signing key is required). Registered once.
    /// </summary>
    private static LedgerlineBuilder AddXeroWebhooksCore(this LedgerlineBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(XeroWebhooksMarker)))
        {
            return builder;
        }

        services.AddSingleton<XeroWebhooksMarker>();
        services.AddOptions<XeroWebhookOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XeroWebhookOptions>, XeroWebhookOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<XeroDeliveryDeduplicator>();
        services.TryAddSingleton<IXeroTenantResolver, DefaultXeroTenantResolver>();
        services.TryAddSingleton<IXeroWebhookReceiver, XeroWebhookReceiver>();
        return builder;
    }

    private sealed class XeroWebhooksMarker;
}
