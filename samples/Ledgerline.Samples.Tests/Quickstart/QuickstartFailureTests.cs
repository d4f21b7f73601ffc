using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.Samples.Quickstart;
using Ledgerline.Samples.Quickstart.Consent;

namespace Ledgerline.Samples.Tests.Quickstart;

/// <summary>A failing step ends the story with a failed result, a non-zero exit code and one clear line; nothing is written after it.</summary>
public sealed class QuickstartFailureTests
{
    [Fact]
    public async Task RunAsync_TokenEndpointFails_FailsAtConnectingWithTheHttpStatus()
    {
        await using var sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        sandbox.Faults.Add(FaultRule.ServerError(500, "/auth/oauth/token"));
        var clients = sandbox.Data.Count(sandbox.Data.PrimaryBusiness.AccountId, "clients");
        using var output = new StringWriter();

        var result = await QuickstartStory.RunAsync(output, new QuickstartOptions { Sandbox = sandbox }, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Connecting FreshBooks failed: FreshBooks failed exchange token with HTTP 500.", result.Error, StringComparison.Ordinal);
        // One attempt only: a code exchange is never retried blindly.
        var tokenCall = Assert.Single(sandbox.Requests, r => r.Path == "/auth/oauth/token");
        Assert.Equal(500, tokenCall.StatusCode);
        Assert.Null(result.ConnectionId);
        Assert.Equal(clients, sandbox.Data.Count(sandbox.Data.PrimaryBusiness.AccountId, "clients"));
        Assert.DoesNotContain("Done in", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConsentDenied_FailsWithAccessDeniedAndNeverCallsTheTokenEndpoint()
    {
        await using var sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        using var output = new StringWriter();

        var result = await QuickstartStory.RunAsync(
            output, new QuickstartOptions { Sandbox = sandbox, SandboxConsent = ConsentDecision.Deny }, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("Connecting FreshBooks failed: FreshBooks did not grant access (access_denied", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
        Assert.Contains("pressing Deny", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Requests, r => r.Path == "/auth/oauth/token");
    }

    [Fact]
    public async Task RunAsync_AccountingFailsAfterConnecting_FailsAtTheStepThatBroke()
    {
        await using var sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        sandbox.Faults.Add(FaultRule.ServerError(503, "/accounting") with { Method = "POST" });
        using var output = new StringWriter();

        var result = await QuickstartStory.RunAsync(output, new QuickstartOptions { Sandbox = sandbox }, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Creating a client failed: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("quickstart", result.ConnectionId);
        Assert.Null(result.Contact);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsInsteadOfReportingAFailure()
    {
        await using var sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            QuickstartStory.RunAsync(TextWriter.Null, new QuickstartOptions { Sandbox = sandbox }, cancellation.Token));
    }
}
