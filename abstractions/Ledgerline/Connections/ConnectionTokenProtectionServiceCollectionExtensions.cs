using Ledgerline;
using Ledgerline.Connections;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on encryption of stored connection tokens.</summary>
public static class ConnectionTokenProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Makes durable connection stores (SQLite, PostgreSQL) encrypt access and refresh tokens with ASP.NET Core Data
    /// Protection. Register Data Protection yourself (<c>services.AddDataProtection()</c>) with a key ring that every
    /// instance sharing the store can read and that is kept as long as stored rows may need it. Calling it twice changes
    /// nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    public static IServiceCollection AddLedgerlineConnectionTokenProtection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new ConnectionTokenProtector(
            sp.GetService<IDataProtectionProvider>() ?? throw new InvalidOperationException(
                "Connection token encryption needs ASP.NET Core Data Protection: call services.AddDataProtection() and give every " +
                "instance the same key ring (for example PersistKeysToFileSystem or a database, plus SetApplicationName).")));
        return services;
    }

    /// <summary>Encrypts stored connection tokens; see the service-collection overload.</summary>
    /// <param name="builder">The Ledgerline builder.</param>
    public static LedgerlineBuilder ProtectConnectionTokens(this LedgerlineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLedgerlineConnectionTokenProtection();
        return builder;
    }
}
