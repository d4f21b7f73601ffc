using Microsoft.Extensions.Time.Testing;

namespace Ledgerline.FreshBooks.Tests.Support;

/// <summary>Drives a call that waits on a timeout measured by a <see cref="FakeTimeProvider"/>.</summary>
internal static class ClockSteps
{
    /// <summary>
    /// Starts <paramref name="call"/>, then moves <paramref name="clock"/> a second at a time (yielding between steps, so
    /// the request is sent and its timer armed) until the call ends, and returns its exception. A call still running once
    /// the clock is three minutes on fails the test; it is then cancelled rather than left waiting for the sandbox.
    /// </summary>
    public static async Task<Exception> FailureAsClockPassesAsync<T>(FakeTimeProvider clock, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(call);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = call(stop.Token);
        for (var step = 0; step < 200 && !running.IsCompleted; step++)
        {
            await Task.Delay(5, cancellationToken);
            if (step >= 20)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var completed = running.IsCompleted;
        await stop.CancelAsync();
        var failure = await Record.ExceptionAsync(() => running);
        Assert.True(completed, "The call was still waiting after the clock passed its timeout.");
        Assert.NotNull(failure);
        Assert.IsNotType<TaskCanceledException>(failure);
        return failure;
    }
}
