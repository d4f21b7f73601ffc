using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.Samples.Quickstart;

namespace Ledgerline.Samples.Tests.Quickstart;

/// <summary>Runs the quickstart once, in-process, on a sandbox of its own, and keeps what it printed and the sandbox it changed.</summary>
public sealed class QuickstartRunFixture : IAsyncLifetime
{
    public const int SeededInvoices = 250;

    public FreshBooksSandbox Sandbox { get; private set; } = null!;

    internal QuickstartResult Result { get; private set; } = null!;

    public string Output { get; private set; } = string.Empty;

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions { SeedInvoices = SeededInvoices, LinesPerInvoice = 3 }, TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        Result = await QuickstartStory.RunAsync(output, new QuickstartOptions { Sandbox = Sandbox }, TestContext.Current.CancellationToken);
        Output = output.ToString();
        Lines = Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    public async ValueTask DisposeAsync() => await Sandbox.DisposeAsync();
}
