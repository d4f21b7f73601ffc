using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Ledgerline.FreshBooks.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledgerline.FreshBooks.Tests.Webhooks;

/// <summary>The ASP.NET Core endpoint over real HTTP on 127.0.0.1.</summary>
public sealed class WebhookEndpointTests
{
    [Fact]
    public async Task Post_SignedNotice_Answers200AndHandsTheChangeToTheHandler()
    {
        await using var app = await ReceiverApp.StartAsync();

        using var response = await app.PostAsync(FreshBooksWebhookReceiverTests.AsciiBody, FreshBooksWebhookReceiverTests.AsciiSignature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var change = Assert.Single(app.Handler.Changes);
        Assert.Equal((EntityKind.Invoice, ChangeKind.Created, "123"), (change.Entity, change.Kind, change.EntityId));
    }

    [Fact]
    public async Task Post_SameNoticeTwice_SecondIsMarkedDuplicate()
    {
        await using var app = await ReceiverApp.StartAsync();

        (await app.PostAsync(FreshBooksWebhookReceiverTests.AsciiBody, FreshBooksWebhookReceiverTests.AsciiSignature)).Dispose();
        (await app.PostAsync(FreshBooksWebhookReceiverTests.AsciiBody, FreshBooksWebhookReceiverTests.AsciiSignature)).Dispose();

        Assert.Equal([false, true], app.Handler.Changes.Select(c => c.IsDuplicate));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("C23BJMhKkxMj/d4wiBwjoy11d0rDAJ3Na6pFw6uePxw=")]
    [InlineData("not-base64")]
    public async Task Post_MissingOrWrongSignature_Answers401AndHandsNothingOver(string? signature)
    {
        await using var app = await ReceiverApp.StartAsync();

        using var response = await app.PostAsync(FreshBooksWebhookReceiverTests.AsciiBody, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Handler.Changes);
    }

    [Theory]
    [InlineData("name=invoice.create&object_id=1&account_id=ABC123&x=%G0")]
    [InlineData("name=invoice.create&name=invoice.create&object_id=1&account_id=ABC123")]
    [InlineData("object_id=1&account_id=ABC123")]
    [InlineData("name=invoice.create&account_id=ABC123")]
    [InlineData("name=invoice.create&object_id=1")]
    [InlineData("")]
    [InlineData("{\"name\":\"invoice.create\",\"object_id\":\"1\",\"account_id\":\"ABC123\"}")]
    public async Task Post_MalformedBody_Answers400WithAReason(string body)
    {
        await using var app = await ReceiverApp.StartAsync();

        using var response = await app.PostAsync(body, FreshBooksWebhookReceiverTests.AsciiSignature);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(app.Handler.Changes);
    }

    [Theory]
    [InlineData("bill_payment.create")]
    [InlineData("bogus.thing")]
    public async Task Post_SignedUnknownEvent_Answers400(string name)
    {
        await using var app = await ReceiverApp.StartAsync();

        using var response = await app.PostAsync(
            Encoding.ASCII.GetString(FreshBooksWebhookReceiverTests.SignedBody(name, "5")), FreshBooksWebhookReceiverTests.Signature(name, "5"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Handler.Changes);
    }

    [Fact]
    public async Task Post_RandomBytes_NeverAnswers5xx()
    {
        await using var app = await ReceiverApp.StartAsync();
        var random = new Random(20260304);
        var alphabet = Encoding.ASCII.GetBytes("name=object_id&account_id%2B+é=&&%%0aZ\u00ff");
        for (var i = 0; i < 150; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = random.Next(3) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            using var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
            using var response = await app.Client.PostAsync(app.Url, content, TestContext.Current.CancellationToken);
            Assert.True((int)response.StatusCode is 400 or 401, $"iteration {i}: {(int)response.StatusCode}");
        }

        Assert.Empty(app.Handler.Changes);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Answers413()
    {
        await using var app = await ReceiverApp.StartAsync(o => o.MaxBodyBytes = 64);

        using var response = await app.PostAsync(FreshBooksWebhookReceiverTests.AsciiBody + "&pad=" + new string('x', 100), null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_HandlerThrows_Answers500SoFreshBooksDeliversAgain()
    {
        await using var app = await ReceiverApp.StartAsync(handler: (_, _) => throw new InvalidOperationException("boom"));

        using var response = await app.PostAsync(FreshBooksWebhookReceiverTests.AsciiBody, FreshBooksWebhookReceiverTests.AsciiSignature);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Post_DelegateOverload_ReceivesTheChange()
    {
        var received = new ConcurrentQueue<LedgerChange>();
        await using var app = await ReceiverApp.StartAsync(handler: (change, _) =>
        {
            received.Enqueue(change);
            return Task.CompletedTask;
        });

        using var response = await app.PostAsync(FreshBooksWebhookReceiverTests.AsciiBody, FreshBooksWebhookReceiverTests.AsciiSignature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("invoice.create", Assert.Single(received).EventName);
    }

    [Fact]
    public async Task Post_VerificationForAnUnknownAccount_Answers202AndCallsTheVerificationHandler()
    {
        await using var app = await ReceiverApp.StartAsync();

        using var response = await app.PostAsync("name=callback.verify&object_id=77&verifier=Zx9-secret&account_id=NOPE", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var verification = Assert.Single(app.Verifications.Requests);
        Assert.Equal(("77", "Zx9-secret"), (verification.CallbackId, verification.Verifier));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Zx9-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_AnyOutcome_NeverLogsTheVerifierOrSignature()
    {
        await using var app = await ReceiverApp.StartAsync(handler: (_, _) => throw new InvalidOperationException("boom"));

        (await app.PostAsync(FreshBooksWebhookReceiverTests.AsciiBody, FreshBooksWebhookReceiverTests.AsciiSignature)).Dispose();
        (await app.PostAsync(FreshBooksWebhookReceiverTests.AsciiBody, "C23BJMhKkxMj/d4wiBwjoy11d0rDAJ3Na6pFw6uePxw=")).Dispose();

        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.Logs.Lines, l =>
            l.Contains(FreshBooksWebhookReceiverTests.Verifier, StringComparison.Ordinal) ||
            l.Contains("B23BJMhKkxMj", StringComparison.Ordinal));
    }

    [Fact]
    public void MapFreshBooksWebhooks_NoHandlerRegistered_ThrowsWithGuidance()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddLedgerline().AddFreshBooksWebhooks();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapFreshBooksWebhooks("/webhooks/freshbooks"));
        Assert.Contains(nameof(ILedgerChangeHandler), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapFreshBooksWebhooks_ServicesNotRegistered_ThrowsWithGuidance()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapFreshBooksWebhooks("/webhooks/freshbooks", (_, _) => Task.CompletedTask));
        Assert.Contains("AddFreshBooksWebhooks", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A receiving app on 127.0.0.1:0 with a recording handler and a seeded callback secret.</summary>
internal sealed class ReceiverApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReceiverApp(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
    }

    public Uri Url { get; }

    public HttpClient Client { get; }

    public RecordingHandler Handler => _app.Services.GetRequiredService<RecordingHandler>();

    public RecordingVerificationHandler Verifications => _app.Services.GetRequiredService<RecordingVerificationHandler>();

    public ListLoggerProvider Logs => _app.Services.GetRequiredService<ListLoggerProvider>();

    public IServiceProvider Services => _app.Services;

    public static async Task<ReceiverApp> StartAsync(
        Action<FreshBooksWebhookOptions>? configure = null,
        Func<LedgerChange, CancellationToken, Task>? handler = null,
        Action<IServiceCollection>? services = null,
        bool seed = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<RecordingHandler>();
        builder.Services.AddSingleton<ILedgerChangeHandler>(sp => sp.GetRequiredService<RecordingHandler>());
        builder.Services.AddSingleton<RecordingVerificationHandler>();
        builder.Services.AddSingleton<IFreshBooksWebhookVerificationHandler>(sp => sp.GetRequiredService<RecordingVerificationHandler>());
        services?.Invoke(builder.Services);
        builder.Services.AddLedgerline().AddFreshBooksWebhooks(configure);
        var app = builder.Build();
        if (handler is null)
        {
            app.MapFreshBooksWebhooks("/webhooks/freshbooks");
        }
        else
        {
            app.MapFreshBooksWebhooks("/webhooks/freshbooks", handler);
        }

        if (seed)
        {
            await app.Services.GetRequiredService<IWebhookSecretStore>().SaveAsync(new WebhookCallbackSecret
            {
                CallbackId = "11", AccountId = "ABC123", ConnectionId = "conn-1", EventName = "invoice", Verifier = FreshBooksWebhookReceiverTests.Verifier,
            });
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReceiverApp(app, new Uri(new Uri(address), "/webhooks/freshbooks"));
    }

    public async Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(FreshBooksWebhookSignature.HeaderName, signature);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class RecordingHandler : ILedgerChangeHandler
{
    private readonly ConcurrentQueue<LedgerChange> _changes = new();

    public IReadOnlyList<LedgerChange> Changes => [.. _changes];

    public Task HandleAsync(LedgerChange change, CancellationToken cancellationToken = default)
    {
        _changes.Enqueue(change);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingVerificationHandler : IFreshBooksWebhookVerificationHandler
{
    private readonly ConcurrentQueue<FreshBooksVerificationRequest> _requests = new();

    public IReadOnlyList<FreshBooksVerificationRequest> Requests => [.. _requests];

    public Task HandleAsync(FreshBooksVerificationRequest request, CancellationToken cancellationToken = default)
    {
        _requests.Enqueue(request);
        return Task.CompletedTask;
    }
}

/// <summary>Collects every formatted log line (with exception text) for secret-leak checks.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}
