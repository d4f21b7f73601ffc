using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using Ledgerline.Connections.Tests.Support;
using Ledgerline.FreshBooks;
using Ledgerline.FreshBooks.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Connections.Tests.MultiProcess;

/// <summary>
/// Several app instances as separate OS processes (the worker project, started with <c>dotnet &lt;dll&gt;</c>) share one
/// store and one connection whose access token has expired; each makes concurrent calls at the same moment. FreshBooks'
/// refresh tokens are single-use, so exactly one refresh may reach the token endpoint, every call must succeed, and the
/// stored refresh token must still be live afterwards.
/// </summary>
public sealed class MultiProcessRefreshTests : IAsyncLifetime
{
    private const int Instances = 4;
    private const int CallsEach = 20;
    private const string TokenPath = "/auth/oauth/token";
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("ledgerline-multi-").FullName;
    private readonly PostgreSqlScratch _scratch = new();
    private readonly List<ServiceProvider> _providers = [];
    private FreshBooksSandbox _sandbox = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: Cancellation);

    [Fact]
    public async Task Calls_FourProcessesOnOnePostgreSqlDatabaseWithAnExpiredToken_OneRefreshAndNothingLost()
    {
        var schema = _scratch.NewSchema();
        var store = Track(new ServiceCollection().AddLedgerlinePostgreSqlConnections(o =>
        {
            o.ConnectionString = PostgreSqlTestServer.ConnectionString;
            o.Schema = schema;
        }).BuildServiceProvider()).GetRequiredService<IConnectionStore>();

        await RunAsync(store, ["--store", "postgres", "--target", PostgreSqlTestServer.ConnectionString, "--schema", schema]);
    }

    [Fact]
    public async Task Calls_FourProcessesOnOneSqliteFileWithAnExpiredToken_OneRefreshAndNothingLost()
    {
        var path = Path.Combine(_directory, "shared.db");
        var store = Track(new ServiceCollection().AddLedgerlineSqliteConnections(path).BuildServiceProvider()).GetRequiredService<IConnectionStore>();

        await RunAsync(store, ["--store", "sqlite", "--target", path]);
    }

    private async Task RunAsync(IConnectionStore store, string[] storeArguments)
    {
        var seeded = await SeedExpiredAsync(store, "tenant-a");

        // A slow token endpoint keeps the first refresh in flight while every other instance's calls arrive.
        _sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(1500), TokenPath);

        var outputs = await RunWorkersAsync([
            .. storeArguments,
            "--sandbox", _sandbox.BaseAddress.ToString(),
            "--client-id", _sandbox.Options.ClientId,
            "--client-secret", _sandbox.Options.ClientSecret,
            "--connection", "tenant-a",
            "--calls", CallsEach.ToString(CultureInfo.InvariantCulture)]);

        Assert.All(outputs, o => Assert.Contains($"done ok={CallsEach} failed=0", o, StringComparison.Ordinal));
        Assert.Equal(1, _sandbox.TokenRequestCount);
        var stored = (await store.GetAsync("tenant-a", Cancellation))!;
        Assert.NotEqual(seeded.Tokens!.RefreshToken, stored.Tokens!.RefreshToken);
        var apiCalls = _sandbox.Requests.Where(r => r.Path != TokenPath).ToArray();
        Assert.Equal(Instances * CallsEach, apiCalls.Length);
        Assert.All(apiCalls, r => Assert.Equal(stored.Tokens.AccessToken, r.BearerToken));

        // Nothing lost: the refresh token the store kept is the live one, so the grant survives the next rotation.
        Assert.Equal(HttpStatusCode.OK, await RefreshAtSandboxAsync(stored.Tokens.RefreshToken));
    }

    private async Task<LedgerConnection> SeedExpiredAsync(IConnectionStore store, string connectionId)
    {
        var tokens = _sandbox.IssueTokens();
        return await store.SaveAsync(
            new LedgerConnection
            {
                Id = connectionId,
                Provider = "FreshBooks",
                Tokens = new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, DateTimeOffset.UtcNow.AddMinutes(-5)),
                Scopes = new HashSet<string>(tokens.Scope.Split(' '), StringComparer.Ordinal),
                Properties = new Dictionary<string, string> { [FreshBooksConnectionProperties.AccountId] = _sandbox.Data.PrimaryBusiness.AccountId },
            },
            Cancellation);
    }

    private static async Task<string[]> RunWorkersAsync(string[] arguments)
    {
        var worker = typeof(MultiProcessRefreshTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WorkerPath").Value!;
        Assert.True(File.Exists(worker), $"The worker was not built: {worker}");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        limit.CancelAfter(ProcessLimit);
        var processes = new List<Process>();
        try
        {
            for (var i = 0; i < Instances; i++)
            {
                var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                start.ArgumentList.Add(worker);
                foreach (var argument in arguments)
                {
                    start.ArgumentList.Add(argument);
                }

                processes.Add(Process.Start(start)!);
            }

            // Everyone is up with its store open before anyone calls, so the calls really overlap.
            foreach (var process in processes)
            {
                var before = new List<string>();
                string? line;
                while ((line = await process.StandardOutput.ReadLineAsync(limit.Token)) is not null and not "ready")
                {
                    before.Add(line);
                }

                if (line is null)
                {
                    Assert.Fail($"A worker ended before it was ready: {string.Join(' ', before)} {await process.StandardError.ReadToEndAsync(limit.Token)}");
                }
            }

            foreach (var process in processes)
            {
                await process.StandardInput.WriteLineAsync("go");
                await process.StandardInput.FlushAsync(limit.Token);
            }

            // Read both streams to the end whatever happens (they close when a worker exits or is killed), so a worker that
            // hangs is reported with what it printed.
            var outputs = processes.Select(async p =>
            {
                var output = p.StandardOutput.ReadToEndAsync(CancellationToken.None);
                var errors = p.StandardError.ReadToEndAsync(CancellationToken.None);
                string exit;
                try
                {
                    await p.WaitForExitAsync(limit.Token);
                    exit = p.ExitCode.ToString(CultureInfo.InvariantCulture);
                }
                catch (OperationCanceledException)
                {
                    p.Kill(entireProcessTree: true);
                    exit = "killed after " + ProcessLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
                }

                return $"exit {exit}: {(await output).Trim()} {(await errors).Trim()}";
            }).ToArray();
            return await Task.WhenAll(outputs);
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }
    }

    private async Task<HttpStatusCode> RefreshAtSandboxAsync(string refreshToken)
    {
        using var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = _sandbox.Options.ClientId,
            ["client_secret"] = _sandbox.Options.ClientSecret,
        });
        using var response = await http.PostAsync(new Uri(TokenPath.TrimStart('/'), UriKind.Relative), form, Cancellation);
        return response.StatusCode;
    }

    private ServiceProvider Track(ServiceProvider provider)
    {
        _providers.Add(provider);
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _scratch.DisposeAsync();
        await _sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }
}
