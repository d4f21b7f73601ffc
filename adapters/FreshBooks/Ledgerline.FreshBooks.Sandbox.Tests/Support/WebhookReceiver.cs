using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Support;

/// <summary>A loopback HTTP endpoint that records webhook posts and can fail on purpose.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failNext;

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Post(string Path, string ContentType, string RawBody, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Signature)
    {
        public string this[string key] => Fields.First(f => f.Key == key).Value;
    }

    public ConcurrentQueue<Post> Posts { get; } = new();

    public Uri Url { get; private set; } = null!;

    public void FailNext(int count) => Volatile.Write(ref _failNext, count);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var raw = await reader.ReadToEndAsync();
            // Keep the posted order: it is the order the signature covers.
            var fields = raw.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                return new KeyValuePair<string, string>(Uri.UnescapeDataString(p[..eq].Replace('+', ' ')), Uri.UnescapeDataString(p[(eq + 1)..].Replace('+', ' ')));
            }).ToList();
            receiver.Posts.Enqueue(new Post(c.Request.Path, c.Request.ContentType ?? "", raw, fields, c.Request.Headers["X-FreshBooks-Hmac-SHA256"].FirstOrDefault()));
            if (Interlocked.Decrement(ref receiver._failNext) >= 0)
            {
                c.Response.StatusCode = 500;
                return;
            }

            c.Response.StatusCode = 200;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hooks");
        return receiver;
    }

    public async Task<Post> WaitForAsync(Func<Post, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (Posts.FirstOrDefault(predicate) is { } post)
            {
                return post;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No matching webhook arrived.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
