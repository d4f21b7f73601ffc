using System.Collections.Concurrent;
using System.Text;
using Ledgerline.Connections;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Xero.Tests.Webhooks;

/// <summary>A receiving app on 127.0.0.1:0 with <c>MapXeroWebhooks</c>, a recording handler, and a connection pinned to <see cref="Tenant"/>.</summary>
internal sealed class XeroWebhookApp : IAsyncDisposable
{
    public const string Key = "test-webhook-key/4mSi3HVZ8w8s+Qn5n0Xq2bq1Dq7lFq9wq3rP0Zr1S5tZ7n1qXo8sT3yW6uP2eR4==";
    public const string Tenant = "aef86862-2015-4b6b-88bc-d89032cecc50";
    public const string ConnectionId = "acme";

    private readonly WebApplication _app;

    private XeroWebhookApp(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
    }

    public Uri Url { get; }

    public HttpClient Client { get; }

    public RecordingChangeHandler Handler => _app.Services.GetRequiredService<RecordingChangeHandler>();

    public LogLines Logs => _app.Services.GetRequiredService<LogLines>();

    public T Services<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<XeroWebhookApp> StartAsync(
        Action<XeroWebhookOptions>? configure = null,
        Func<LedgerChange, CancellationToken, Task>? handler = null,
        Action<IServiceCollection>? services = null,
        IConnectionStore? store = null,
        string key = Key)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new LogLines();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<RecordingChangeHandler>();
        builder.Services.AddSingleton<ILedgerChangeHandler>(sp => sp.GetRequiredService<RecordingChangeHandler>());
        if (store is null)
        {
            store = new InMemoryConnectionStore(TimeProvider.System);
            await store.SaveAsync(new LedgerConnection
            {
                Id = ConnectionId,
                Provider = XeroRequest.ProviderName,
                Properties = new Dictionary<string, string>(StringComparer.Ordinal) { [XeroConnectionProperties.TenantId] = Tenant },
            });
        }

        builder.Services.AddSingleton(store);
        services?.Invoke(builder.Services);
        builder.Services.AddLedgerline().AddXeroWebhooks(o =>
        {
            o.SigningKey = key;
            o.ConnectionIds.Add(ConnectionId);
            configure?.Invoke(o);
        });
        var app = builder.Build();
        if (handler is null)
        {
            app.MapXeroWebhooks("/webhooks/xero");
        }
        else
        {
            app.MapXeroWebhooks("/webhooks/xero", handler);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new XeroWebhookApp(app, new Uri(new Uri(address), "/webhooks/xero"));
    }

    public static string Sign(string body, string key = Key) => XeroWebhookSignature.Compute(key, Encoding.UTF8.GetBytes(body));

    public async Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(XeroWebhookSignature.HeaderName, signature);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostSignedAsync(string body) => PostAsync(body, Sign(body));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class RecordingChangeHandler : ILedgerChangeHandler
{
    private readonly ConcurrentQueue<LedgerChange> _changes = new();

    public IReadOnlyList<LedgerChange> Changes => [.. _changes];

    public Task HandleAsync(LedgerChange change, CancellationToken cancellationToken = default)
    {
        _changes.Enqueue(change);
        return Task.CompletedTask;
    }

    public async Task<LedgerChange> WaitForAsync(Func<LedgerChange, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_changes.FirstOrDefault(predicate) is { } found)
            {
                return found;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("No matching change arrived.");
    }
}

internal sealed class RecordingUnmappedHandler : IXeroUnmappedWebhookEventHandler
{
    private readonly ConcurrentQueue<XeroWebhookEvent> _events = new();

    public IReadOnlyList<XeroWebhookEvent> Events => [.. _events];

    public Task HandleAsync(XeroWebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        _events.Enqueue(webhookEvent);
        return Task.CompletedTask;
    }
}

/// <summary>Collects every formatted log line (with exception text) for secret-leak checks.</summary>
internal sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogLines owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}
