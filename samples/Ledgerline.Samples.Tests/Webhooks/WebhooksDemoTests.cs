using Ledgerline.Samples.Webhooks;

namespace Ledgerline.Samples.Tests.Webhooks;

/// <summary>Runs the webhooks sample's demo in-process (sandbox and receiver on loopback) and reads what it printed.</summary>
public sealed class WebhooksDemoTests
{
    [Fact]
    public async Task RunAsync_Demo_PrintsACanonicalEventForEveryChangeAndExits()
    {
        using var buffer = new StringWriter();
        var output = TextWriter.Synchronized(buffer);

        var exitCode = await WebhooksDemo.RunAsync(["--timeout", "60"], output, TestContext.Current.CancellationToken);

        var printed = buffer.ToString();
        Assert.True(exitCode == 0, printed);
        Assert.Contains("Verified 2 callbacks: client, invoice.", printed, StringComparison.Ordinal);
        Assert.Matches(@"change: Contact Created id=\d+ event=client\.create connection=default duplicate=no -> contact ""Lovelace Analytical Engines""", printed);
        Assert.Matches(@"change: Contact Updated id=\d+ event=client\.update connection=default .*-> contact "".*"" <accounts@example\.test>", printed);
        Assert.Matches(@"change: Invoice Created id=\d+ event=invoice\.create connection=default .*-> invoice \S+ total 300\.00 USD", printed);
        Assert.Matches(@"change: Invoice Deleted id=\d+ event=invoice\.delete connection=default .*-> \(no record\)", printed);
        Assert.Contains("Received all 4 expected change events.", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Timed out", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_PrintsUsageAndFails()
    {
        using var output = new StringWriter();

        var exitCode = await WebhooksDemo.RunAsync(["--bogus"], output, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("--keep-listening", output.ToString(), StringComparison.Ordinal);
    }
}
