using System.Diagnostics.CodeAnalysis;
using Ledgerline.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ledgerline;

/// <summary>
/// Returned by <c>services.AddLedgerline()</c>; providers add themselves to it with extension methods such as
/// <c>AddInMemory()</c> and <c>AddFreshBooks(…)</c>.
/// </summary>
public sealed class LedgerlineBuilder
{
    internal LedgerlineBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for provider extension methods.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers a provider. For plugin authors: call this from your <c>AddYourProvider()</c> extension. Registering the
    /// same provider type twice changes nothing.
    /// </summary>
    /// <typeparam name="TProvider">
    /// The provider; resolved as a singleton through its public constructor, which the annotation keeps in a trimmed or
    /// Native AOT app (without it the container finds no constructor to call there).
    /// </typeparam>
    public LedgerlineBuilder AddProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>()
        where TProvider : class, ILedgerProvider
    {
        Services.TryAddSingleton<TProvider>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILedgerProvider, TProvider>(sp => sp.GetRequiredService<TProvider>()));
        return this;
    }

    /// <summary>
    /// Adds <typeparamref name="TMiddleware"/> around every store call of every ledger (all entities, all providers),
    /// after Ledgerline's own logging, guards and cursor binding and before the provider; several run in registration
    /// order, the first outermost. It is resolved once from the container (register it yourself to control how it is
    /// built; otherwise it is added as a singleton). Adding the same type twice changes nothing.
    /// </summary>
    /// <typeparam name="TMiddleware">The middleware.</typeparam>
    public LedgerlineBuilder UseStoreMiddleware<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMiddleware>()
        where TMiddleware : StoreMiddleware
    {
        if (Services.Any(d => d.ServiceType == typeof(StoreMiddlewareRegistration) &&
                              (d.ImplementationInstance as StoreMiddlewareRegistration)?.Type == typeof(TMiddleware)))
        {
            return this;
        }

        Services.TryAddSingleton<TMiddleware>();
        Services.AddSingleton(new StoreMiddlewareRegistration(typeof(TMiddleware), sp => sp.GetRequiredService<TMiddleware>()));
        return this;
    }

    /// <summary>Adds <paramref name="middleware"/> around every store call; see <see cref="UseStoreMiddleware{TMiddleware}()"/>. Each call adds one.</summary>
    public LedgerlineBuilder UseStoreMiddleware(StoreMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        Services.AddSingleton(new StoreMiddlewareRegistration(null, _ => middleware));
        return this;
    }

    /// <summary>Adds the middleware <paramref name="create"/> builds (once) around every store call; see <see cref="UseStoreMiddleware{TMiddleware}()"/>. Each call adds one.</summary>
    public LedgerlineBuilder UseStoreMiddleware(Func<IServiceProvider, StoreMiddleware> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Services.AddSingleton(new StoreMiddlewareRegistration(null, create));
        return this;
    }
}
