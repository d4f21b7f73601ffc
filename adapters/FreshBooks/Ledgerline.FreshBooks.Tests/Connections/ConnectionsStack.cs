using Ledgerline.Connections;
using Ledgerline.FreshBooks.Connections;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ledgerline.FreshBooks.Tests.Connections;

/// <summary>
/// One independent client stack (its own container, token manager, handlers) pointed at a sandbox, with a plain
/// <see cref="HttpClient"/> carrying the adapter's handlers — standing in for the adapter's Refit clients.
/// </summary>
internal sealed class ConnectionsStack : IAsyncDisposable
{
    public const string RedirectUri = "http://127.0.0.1:5999/callback";
    public const string ClientName = "connections-test";

    private readonly ServiceProvider _provider;

    public ConnectionsStack(
        FreshBooksSandbox sandbox,
        TimeProvider? timeProvider = null,
        string? sqlitePath = null,
        Action<FreshBooksOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<IHttpClientBuilder>? client = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        collection.AddFakeLogging();
        if (timeProvider is not null)
        {
            collection.AddSingleton(timeProvider);
        }

        if (sqlitePath is not null)
        {
            collection.AddLedgerlineSqliteConnections(sqlitePath);
        }

        collection.Configure<FreshBooksOptions>(o =>
        {
            o.ClientId = sandbox.Options.ClientId;
            o.ClientSecret = sandbox.Options.ClientSecret;
            o.ApiBaseUrl = sandbox.BaseAddress;
            o.AuthBaseUrl = sandbox.BaseAddress;
            o.RedirectUri = new Uri(RedirectUri);
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        collection.AddFreshBooksConnections();
        var builder = collection.AddHttpClient(ClientName, c => c.BaseAddress = sandbox.BaseAddress).AddFreshBooksHandlers();
        client?.Invoke(builder);
        _provider = collection.BuildServiceProvider();
    }

    public IServiceProvider Services => _provider;

    public IConnectionStore Store => _provider.GetRequiredService<IConnectionStore>();

    public FreshBooksConnector Connector => _provider.GetRequiredService<FreshBooksConnector>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public HttpClient Client => _provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);

    /// <summary>Sends a request on behalf of <paramref name="connectionId"/>, as the adapter's Refit clients do.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string connectionId, HttpContent? content = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Options.Set(FreshBooksRequest.ConnectionId, connectionId);
        return await Client.SendAsync(request, cancellationToken);
    }

    public Task<HttpResponseMessage> GetMeAsync(string connectionId, string? marker = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "auth/api/v1/users/me" + (marker is null ? string.Empty : "?marker=" + marker), connectionId, null, cancellationToken);

    /// <summary>Stores a connection with sandbox-issued tokens, expiring at <paramref name="expiresAt"/> in the client's view.</summary>
    public static async Task<LedgerConnection> SeedAsync(IConnectionStore store, FreshBooksSandbox sandbox, string connectionId, DateTimeOffset expiresAt)
    {
        var tokens = sandbox.IssueTokens();
        var account = sandbox.Data.PrimaryBusiness.AccountId;
        return await store.SaveAsync(new LedgerConnection
        {
            Id = connectionId,
            Provider = FreshBooksRequest.ProviderName,
            Tokens = new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, expiresAt),
            Scopes = new HashSet<string>(tokens.Scope.Split(' '), StringComparer.Ordinal),
            Properties = new Dictionary<string, string> { [FreshBooksRequest.AccountIdProperty] = account },
        });
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
