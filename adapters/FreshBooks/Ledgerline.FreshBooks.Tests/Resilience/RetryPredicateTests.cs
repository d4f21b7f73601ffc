using System.Net;
using System.Net.Http.Headers;
using Ledgerline.FreshBooks.Http;
using Polly;
using Polly.Timeout;

namespace Ledgerline.FreshBooks.Tests.Resilience;

public sealed class RetryPredicateTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    public static TheoryData<string, bool> TransportErrorByMethod => new()
    {
        { "GET", true },
        { "HEAD", true },
        { "POST", false },
        { "PUT", false },
        { "DELETE", false },
        { "PATCH", false },
    };

    [Theory]
    [MemberData(nameof(TransportErrorByMethod))]
    public void ShouldRetry_TransportErrorWithNoResponse_OnlyForSafeMethods(string method, bool expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "http://127.0.0.1/x");

        var retry = FreshBooksResilience.ShouldRetry(request, Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), MaxRetryAfter, Now);

        Assert.Equal(expected, retry);
    }

    [Fact]
    public void ShouldRetry_AttemptTimeoutOnGet_Retries()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x");

        Assert.True(FreshBooksResilience.ShouldRetry(request, Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), MaxRetryAfter, Now));
    }

    [Fact]
    public void ShouldRetry_CallerCancelled_DoesNotRetry()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x");

        Assert.False(FreshBooksResilience.ShouldRetry(request, Outcome.FromException<HttpResponseMessage>(new OperationCanceledException()), MaxRetryAfter, Now));
    }

    [Fact]
    public void ShouldRetry_NoRequestKnown_DoesNotRetry()
    {
        Assert.False(FreshBooksResilience.ShouldRetry(null, Outcome.FromException<HttpResponseMessage>(new HttpRequestException()), MaxRetryAfter, Now));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.UnprocessableEntity, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void ShouldRetry_GetWithStatus_RetriesTransientOnly(HttpStatusCode status, bool expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x");
        using var response = new HttpResponseMessage(status) { RequestMessage = request };

        Assert.Equal(expected, FreshBooksResilience.ShouldRetry(request, Outcome.FromResult(response), MaxRetryAfter, Now));
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    [InlineData(120, false)]
    public void ShouldRetry_429WithRetryAfterSeconds_OnlyWithinMaxRetryAfter(int seconds, bool expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x");
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, FreshBooksResilience.ShouldRetry(request, Outcome.FromResult(response), MaxRetryAfter, Now));
    }

    [Fact]
    public void RetryAfter_HttpDate_MeasuredFromTheClock()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(90));

        Assert.Equal(TimeSpan.FromSeconds(90), FreshBooksResilience.RetryAfter(response, Now));
        Assert.Equal(TimeSpan.Zero, FreshBooksResilience.RetryAfter(response, Now.AddHours(1)));
    }

    [Fact]
    public void RetryAfter_Absent_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(FreshBooksResilience.RetryAfter(response, Now));
    }
}
