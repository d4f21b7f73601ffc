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
    /// <typeparam name="TProvider">The provider; resolved as a singleton.</typeparam>
    public LedgerlineBuilder AddProvider<TProvider>()
        where TProvider : class, ILedgerProvider
    {
        Services.TryAddSingleton<TProvider>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILedgerProvider, TProvider>(sp => sp.GetRequiredService<TProvider>()));
        return this;
    }
}
