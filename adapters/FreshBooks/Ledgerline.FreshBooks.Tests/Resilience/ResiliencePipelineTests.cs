using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Tests.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ledgerline.FreshBooks.Tests.Resilience;

public sealed class ResiliencePipelineTests : IAsyncLifetime
{
    private const string MePath = "/auth/api/v1/users/me";
    private FreshBooksSandbox _sandbox = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static DateTimeOffset Fresh => DateTimeOffset.UtcNow.AddHours(6);

    public async ValueTask InitializeAsync() => _sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: Cancellation);

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Get_429WithRetryAfter_WaitsThatLongOnTheClockThenRetries()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var stack = new ConnectionsStack(_sandbox, timeProvider: clock);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        _sandbox.Faults.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(2), MePath, times: 1));

        var call = stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);
        await WaitUntilAsync(() => MeRequests() == 1);
        await Task.Delay(200, Cancellation);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(200, Cancellation);
        var completedEarly = call.IsCompleted;
        var requestsBeforeWait = MeRequests();
        clock.Advance(TimeSpan.FromMilliseconds(150));

        // Well under the 2 s a real-time wait would still need: the wait ran on the injected clock.
        using var response = await call.WaitAsync(TimeSpan.FromSeconds(1), Cancellation);

        Assert.False(completedEarly);
        Assert.Equal(1, requestsBeforeWait);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, MeRequests());
    }

    [Fact]
    public async Task Get_429WithRetryAfterBeyondMaxRetryAfter_ReturnsThe429AtOnce()
    {
        await using var stack = new ConnectionsStack(_sandbox, configure: o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        _sandbox.Faults.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(120), MePath));

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation).WaitAsync(TimeSpan.FromSeconds(5), Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, MeRequests());
    }

    [Fact]
    public async Task Get_503ThenSuccess_RetriedWithBackoff()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        _sandbox.Faults.Add(FaultRule.ServerError(503, MePath, times: 2));

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([503, 503, 200], _sandbox.Requests.Where(r => r.Path == MePath).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Get_ConnectionDropped_Retried()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        _sandbox.Faults.Add(FaultRule.Drop(MePath, times: 1));

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, MeRequests());
    }

    [Fact]
    public async Task Get_AlwaysFailing_GivesUpAfterMaxRetries()
    {
        await using var stack = new ConnectionsStack(_sandbox, configure: o => o.MaxRetries = 1);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        _sandbox.Faults.Add(FaultRule.ServerError(500, MePath));

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(2, MeRequests());
    }

    [Fact]
    public async Task Post_500_SentOnceAndTheFailureSurfaces()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        var path = ClientsPath();
        _sandbox.Faults.Add(FaultRule.ServerError(500, "/" + path));

        using var response = await stack.SendAsync(HttpMethod.Post, path, "tenant-a", NewClient(), Cancellation);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, _sandbox.Requests.Count(r => r.Method == "POST" && r.Path == "/" + path));
    }

    [Fact]
    public async Task Post_ConnectionDropped_SentOnceAndTheTransportErrorSurfaces()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        var path = ClientsPath();
        _sandbox.Faults.Add(FaultRule.Drop("/" + path));

        await Assert.ThrowsAsync<HttpRequestException>(() => stack.SendAsync(HttpMethod.Post, path, "tenant-a", NewClient(), Cancellation));

        await Task.Delay(200, Cancellation);
        Assert.Equal(1, _sandbox.Requests.Count(r => r.Method == "POST" && r.Path == "/" + path));
    }

    [Fact]
    public async Task Post_429WithShortRetryAfter_NotRetried()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        var path = ClientsPath();
        _sandbox.Faults.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(1), "/" + path));

        using var response = await stack.SendAsync(HttpMethod.Post, path, "tenant-a", NewClient(), Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _sandbox.Requests.Count(r => r.Path == "/" + path));
    }

    [Fact]
    public async Task Put_503_SentOnce()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        var path = ClientsPath() + "/1";
        _sandbox.Faults.Add(FaultRule.ServerError(503, "/" + path));

        using var response = await stack.SendAsync(HttpMethod.Put, path, "tenant-a", NewClient(), Cancellation);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _sandbox.Requests.Count(r => r.Path == "/" + path));
    }

    [Fact]
    public async Task Send_ManyCallsPerConnection_NoMoreInFlightThanTheLimitAndOtherTenantsUnblocked()
    {
        var probe = new InFlightProbe();
        await using var stack = new ConnectionsStack(
            _sandbox,
            configure: o => o.MaxConcurrentRequestsPerConnection = 2,
            client: c => c.AddHttpMessageHandler(() => probe));
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-b", Fresh);
        _sandbox.Faults.Add(FaultRule.Delay(TimeSpan.FromMilliseconds(150), MePath));

        var calls = Enumerable.Range(0, 20).Select(i => stack.GetMeAsync(i % 2 == 0 ? "tenant-a" : "tenant-b", cancellationToken: Cancellation));
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, probe.MaxFor("tenant-a"));
        Assert.Equal(2, probe.MaxFor("tenant-b"));
        Assert.True(probe.MaxOverall >= 3, $"Tenants blocked each other: at most {probe.MaxOverall} in flight overall.");
    }

    private int MeRequests() => _sandbox.Requests.Count(r => r.Path == MePath);

    private string ClientsPath() => $"accounting/account/{_sandbox.Data.PrimaryBusiness.AccountId}/users/clients";

    private static StringContent NewClient() =>
        new("""{"client":{"organization":"Once Only Ltd","email":"once@example.com"}}""", Encoding.UTF8, "application/json");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 10 s.");
            await Task.Delay(10, Cancellation);
        }
    }

    /// <summary>Sits on the wire side of the handlers and records how many requests per connection overlap.</summary>
    private sealed class InFlightProbe : DelegatingHandler
    {
        private readonly ConcurrentDictionary<string, int> _current = new();
        private readonly ConcurrentDictionary<string, int> _max = new();
        private int _overall;
        private int _maxOverall;

        public int MaxOverall => Volatile.Read(ref _maxOverall);

        public int MaxFor(string connectionId) => _max.GetValueOrDefault(connectionId);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(Http.FreshBooksRequest.ConnectionId, out var id);
            id ??= "?";
            var now = _current.AddOrUpdate(id, 1, (_, n) => n + 1);
            _max.AddOrUpdate(id, now, (_, m) => Math.Max(m, now));
            var overall = Interlocked.Increment(ref _overall);
            InterlockedMax(ref _maxOverall, overall);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                _current.AddOrUpdate(id, 0, (_, n) => n - 1);
                Interlocked.Decrement(ref _overall);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
