using Npgsql;

namespace Ledgerline.Connections.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: <c>LEDGERLINE_TEST_POSTGRES</c> (an Npgsql connection string), which
/// <c>.ci/run</c> sets after starting a throwaway cluster on loopback. Without it the tests skip, except in CI
/// (<c>CI=true</c>), where a missing server is a failure.
/// </summary>
internal static class PostgreSqlTestServer
{
    public const string Variable = "LEDGERLINE_TEST_POSTGRES";

    /// <summary>Whether a server is configured; cleanup checks it so that a skipped test does not skip (or fail) again on dispose.</summary>
    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            const string Reason = $"No PostgreSQL server: set {Variable} to an Npgsql connection string (bash .ci/run starts a " +
                "throwaway server on 127.0.0.1 and sets it).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(Reason + " CI must run these tests, not skip them.");
            }

            Assert.Skip(Reason);
            return null!;
        }
    }
}

/// <summary>Fresh schemas on the test server, one per store, dropped at the end of the test.</summary>
internal sealed class PostgreSqlScratch : IAsyncDisposable
{
    private readonly List<string> _schemas = [];
    private NpgsqlDataSource? _admin;

    public string NewSchema()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N");
        _schemas.Add(schema);
        return schema;
    }

    public NpgsqlDataSource Admin => _admin ??= NpgsqlDataSource.Create(PostgreSqlTestServer.ConnectionString);

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var command = Admin.CreateCommand(sql);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if ((_admin is null && _schemas.Count == 0) || !PostgreSqlTestServer.IsConfigured)
        {
            return;
        }

        try
        {
            foreach (var schema in _schemas)
            {
                await using var command = Admin.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // The server is gone (or never was): the throwaway cluster is removed as a whole.
        }
        finally
        {
            if (_admin is not null)
            {
                await _admin.DisposeAsync();
            }
        }
    }
}
