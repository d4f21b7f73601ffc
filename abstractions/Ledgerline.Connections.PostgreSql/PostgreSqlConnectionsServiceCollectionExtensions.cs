using Ledgerline;
using Ledgerline.Connections;
using Ledgerline.Connections.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL connection store.</summary>
public static class PostgreSqlConnectionsServiceCollectionExtensions
{
    /// <summary>
    /// Stores connections (and their tokens) in PostgreSQL, replacing any connection store registered before, and
    /// registers its refresh lease so any number of instances sharing the database renew each connection's tokens once.
    /// The schema is created or migrated when the host starts (or on first use without a host).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">An Npgsql connection string; the store owns the data source it builds from it.</param>
    public static IServiceCollection AddLedgerlinePostgreSqlConnections(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddLedgerlinePostgreSqlConnections(options => options.ConnectionString = connectionString);
    }

    /// <summary>Stores connections in PostgreSQL through <paramref name="dataSource"/>, which the caller owns and disposes.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="dataSource">The data source (its pooling, credentials and TLS settings are used as they are).</param>
    /// <param name="configure">Sets the schema and other options; optional.</param>
    public static IServiceCollection AddLedgerlinePostgreSqlConnections(
        this IServiceCollection services, NpgsqlDataSource dataSource, Action<PostgreSqlConnectionStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        services.AddLedgerlinePostgreSqlConnections(configure ?? (_ => { }));
        services.RemoveAll<DataSourceRegistration>();
        services.AddSingleton(new DataSourceRegistration(dataSource));
        return services;
    }

    /// <summary>Stores connections in PostgreSQL, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the connection string, schema and migration behaviour.</param>
    public static IServiceCollection AddLedgerlinePostgreSqlConnections(this IServiceCollection services, Action<PostgreSqlConnectionStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PostgreSqlConnectionStoreOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Schema), "PostgreSqlConnectionStoreOptions.Schema is required.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Create);
        services.AddHostedService<PostgreSqlConnectionStoreStartup>();

        // An explicit choice of store wins over the in-memory default a provider adds with TryAdd.
        services.RemoveAll<IConnectionStore>();
        services.RemoveAll<IConnectionLeaseStore>();
        services.AddSingleton<IConnectionStore>(sp => sp.GetRequiredService<PostgreSqlConnectionStore>());
        services.AddSingleton<IConnectionLeaseStore>(sp => sp.GetRequiredService<PostgreSqlConnectionStore>());
        return services;
    }

    /// <summary>Stores connections in PostgreSQL; see the service-collection overload.</summary>
    /// <param name="builder">The Ledgerline builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public static LedgerlineBuilder AddPostgreSqlConnections(this LedgerlineBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLedgerlinePostgreSqlConnections(connectionString);
        return builder;
    }

    /// <summary>Stores connections in PostgreSQL through a data source the caller owns; see the service-collection overload.</summary>
    /// <param name="builder">The Ledgerline builder.</param>
    /// <param name="dataSource">The data source.</param>
    /// <param name="configure">Sets the schema and other options; optional.</param>
    public static LedgerlineBuilder AddPostgreSqlConnections(
        this LedgerlineBuilder builder, NpgsqlDataSource dataSource, Action<PostgreSqlConnectionStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLedgerlinePostgreSqlConnections(dataSource, configure);
        return builder;
    }

    /// <summary>Stores connections in PostgreSQL, configured by <paramref name="configure"/>; see the service-collection overload.</summary>
    /// <param name="builder">The Ledgerline builder.</param>
    /// <param name="configure">Sets the connection string, schema and migration behaviour.</param>
    public static LedgerlineBuilder AddPostgreSqlConnections(this LedgerlineBuilder builder, Action<PostgreSqlConnectionStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLedgerlinePostgreSqlConnections(configure);
        return builder;
    }

    private static PostgreSqlConnectionStore Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PostgreSqlConnectionStoreOptions>>().Value;
        var protector = services.GetService<ConnectionTokenProtector>() ?? ConnectionTokenProtector.None;
        var given = services.GetService<DataSourceRegistration>()?.DataSource;
        if (given is null && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OptionsValidationException(
                nameof(PostgreSqlConnectionStoreOptions),
                typeof(PostgreSqlConnectionStoreOptions),
                ["Set PostgreSqlConnectionStoreOptions.ConnectionString or pass an NpgsqlDataSource to AddPostgreSqlConnections."]);
        }

        var store = new PostgreSqlConnectionStore(
            given ?? NpgsqlDataSource.Create(options.ConnectionString!),
            ownsDataSource: given is null,
            options,
            protector,
            services.GetRequiredService<TimeProvider>());
        StoreStartupLog.WarnIfUnencrypted(services, protector, "PostgreSQL", "Ledgerline.Connections.PostgreSql", store.Target);
        return store;
    }

    private sealed record DataSourceRegistration(NpgsqlDataSource DataSource);
}
