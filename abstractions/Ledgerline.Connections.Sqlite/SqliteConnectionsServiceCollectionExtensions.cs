using Ledgerline;
using Ledgerline.Connections;
using Ledgerline.Connections.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite connection store.</summary>
public static class SqliteConnectionsServiceCollectionExtensions
{
    /// <summary>
    /// Stores connections (and their tokens) in the SQLite file at <paramref name="databasePath"/>, replacing any
    /// connection store registered before, and registers its refresh lease so several processes sharing the file renew
    /// each connection's tokens once. Call it before or after <c>AddFreshBooks(…)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="databasePath">The database file; created if missing.</param>
    public static IServiceCollection AddLedgerlineSqliteConnections(this IServiceCollection services, string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return services.AddLedgerlineSqliteConnections(options => options.DatabasePath = databasePath);
    }

    /// <summary>Stores connections in SQLite, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the database path and timeouts.</param>
    public static IServiceCollection AddLedgerlineSqliteConnections(this IServiceCollection services, Action<SqliteConnectionStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteConnectionStoreOptions>().Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SqliteConnectionStoreOptions>>();
            var protector = sp.GetService<ConnectionTokenProtector>() ?? ConnectionTokenProtector.None;
            StoreStartupLog.WarnIfUnencrypted(sp, protector, "SQLite", "Ledgerline.Connections.Sqlite", options.Value.DatabasePath);
            return new SqliteConnectionStore(options, sp.GetRequiredService<TimeProvider>(), protector);
        });

        // An explicit choice of store wins over the in-memory default a provider adds with TryAdd.
        services.RemoveAll<IConnectionStore>();
        services.RemoveAll<IConnectionLeaseStore>();
        services.AddSingleton<IConnectionStore>(sp => sp.GetRequiredService<SqliteConnectionStore>());
        services.AddSingleton<IConnectionLeaseStore>(sp => sp.GetRequiredService<SqliteConnectionStore>());
        return services;
    }

    /// <summary>Stores connections in the SQLite file at <paramref name="databasePath"/>; see the service-collection overload.</summary>
    /// <param name="builder">The Ledgerline builder.</param>
    /// <param name="databasePath">The database file; created if missing.</param>
    public static LedgerlineBuilder AddSqliteConnections(this LedgerlineBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLedgerlineSqliteConnections(databasePath);
        return builder;
    }
}
