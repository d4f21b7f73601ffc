using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Xero.Sandbox.Tests.Support;

/// <summary>
/// A loopback webhook receiver for the sandbox's posts: by default it does what Xero asks (200 to a correct
/// <c>x-xero-signature</c>, 401 to a wrong one, no body); <see cref="Behaviour"/> makes it answer wrongly on purpose.
/// </summary>
public sealed class WebhookTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failNext;

    private WebhookTarget(WebApplication app) => _app = app;

    public sealed record Post(byte[] Body, string? Signature, string ContentType, int AnsweredWith)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    public ConcurrentQueue<Post> Posts { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <summary>The key the target verifies with (set it to the subscription's key).</summary>
    public string? Key { get; set; }

    /// <summary>How the target answers: <c>correct</c>, <c>always200</c>, <c>withBody</c>, <c>slow</c> or <c>fail</c> (500).</summary>
    public string Behaviour { get; set; } = "correct";

    /// <summary>Answers 500 to the next <paramref name="count"/> posts, then behaves.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failNext, count);

    public static async Task<WebhookTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var target = new WebhookTarget(app);
        app.MapPost("/{**path}", async (HttpContext c) =>
        {
            using var ms = new MemoryStream();
            await c.Request.Body.CopyToAsync(ms);
            var body = ms.ToArray();
            var signature = c.Request.Headers["x-xero-signature"].FirstOrDefault();
            var status = target.Answer(body, signature);
            if (target.Behaviour == "slow")
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            target.Posts.Enqueue(new Post(body, signature, c.Request.ContentType ?? "", status));
            c.Response.StatusCode = status;
            if (target.Behaviour == "withBody")
            {
                await c.Response.WriteAsync("OK");
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        target.Url = new Uri(address + "/hooks/xero");
        return target;
    }

    private int Answer(byte[] body, string? signature)
    {
        if (Interlocked.Decrement(ref _failNext) >= 0 || Behaviour == "fail")
        {
            return 500;
        }

        if (Behaviour == "always200")
        {
            return 200;
        }

        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key ?? ""), body));
        return signature == expected ? 200 : 401;
    }

    public static bool Verifies(string key, byte[] body, string? signature) =>
        signature == Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
