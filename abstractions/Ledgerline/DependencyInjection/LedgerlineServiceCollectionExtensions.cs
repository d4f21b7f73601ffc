using Ledgerline;
using Ledgerline.Pipeline;
using Ledgerline.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Ledgerline.</summary>
public static class LedgerlineServiceCollectionExtensions
{
    /// <summary>
    /// Adds Ledgerline: the ledger factory, the injected default ledger and its stores, input validation and capability
    /// guards. Chain a provider: <c>services.AddLedgerline().AddFreshBooks(…)</c>. Calling it again changes nothing.
    /// </summary>
    public static LedgerlineBuilder AddLedgerline(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddCore(services);
    }

    /// <summary>Adds Ledgerline and configures the injected default ledger.</summary>
    public static LedgerlineBuilder AddLedgerline(this IServiceCollection services, Action<LedgerlineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        // Each configure delegate is kept (as with services.Configure), so only this overload adds a registration.
        services.Configure(configure);
        return AddCore(services);
    }

    private static LedgerlineBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<LedgerlineOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILedgerFactory, LedgerFactory>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LedgerlineOptions>>().Value;
            return sp.GetRequiredService<ILedgerFactory>().Open(options.DefaultConnectionId);
        });
        services.TryAddSingleton(sp => new StorePipeline(sp, sp.GetServices<StoreMiddlewareRegistration>()));
        foreach (var entity in LedgerEntities.All)
        {
            var storeType = entity.StoreType;
            services.TryAdd(ServiceDescriptor.Singleton(storeType, sp => sp.GetRequiredService<ILedger>().GetStore(storeType)!));
        }

        LedgerlineValidators.Register(services);
        return new LedgerlineBuilder(services);
    }
}
