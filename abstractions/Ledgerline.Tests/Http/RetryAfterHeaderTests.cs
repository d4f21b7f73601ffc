using System.Net.Http.Headers;
using Ledgerline.Http;

namespace Ledgerline.Tests.Http;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Wait_Seconds_IsThatManySeconds()
    {
        using var response = new HttpResponseMessage();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(42));

        Assert.Equal(TimeSpan.FromSeconds(42), RetryAfterHeader.Wait(response.Headers, Now));
    }

    [Fact]
    public void Wait_HttpDate_IsMeasuredFromNowAndNeverNegative()
    {
        using var later = new HttpResponseMessage();
        later.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(2));
        using var earlier = new HttpResponseMessage();
        earlier.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(-2));

        Assert.Equal(TimeSpan.FromMinutes(2), RetryAfterHeader.Wait(later.Headers, Now));
        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Wait(earlier.Headers, Now));
    }

    [Fact]
    public void Wait_NoHeader_IsNull()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(RetryAfterHeader.Wait(response.Headers, Now));
        Assert.Null(RetryAfterHeader.Wait(null, Now));
    }
}
