using Ledgerline.Xero.Sandbox.Faults;

namespace Ledgerline.Xero.Sandbox.Tests.Hosting;

/// <summary>The sandbox tool's command line (System.CommandLine): every option, bad values, <c>--help</c>, exit codes.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] EveryOption =
    [
        "--urls", "--client-id", "--client-secret", "--app-name", "--redirect-uri", "--no-loopback-redirects", "--seed", "--seed-contacts",
        "--seed-invoices", "--lines-per-invoice", "--no-default-data", "--access-token-lifetime", "--refresh-token-lifetime", "--refresh-grace",
        "--no-rate-limits", "--rate-limit-minute", "--rate-limit-day", "--rate-limit-app-minute", "--rate-limit-concurrent", "--fault",
        "--start-time", "--quiet",
    ];

    [Fact]
    public void Parse_EveryOption_SetsItsValue()
    {
        var o = XeroSandboxCommandLine.Parse(
        [
            "--urls", "http://127.0.0.1:6000", "--client-id=abc", "--client-secret", "s", "--app-name", "My App",
            "--redirect-uri", "https://app.example/cb", "--redirect-uri", "https://app.example/cb2", "--no-loopback-redirects",
            "--seed", "9", "--seed-contacts", "5", "--seed-invoices", "6", "--lines-per-invoice", "2", "--no-default-data",
            "--access-token-lifetime", "1.5s", "--refresh-token-lifetime", "3600", "--refresh-grace", "00:05:00",
            "--no-rate-limits", "--rate-limit-minute", "10", "--rate-limit-day", "20", "--rate-limit-app-minute", "30", "--rate-limit-concurrent", "2",
            "--fault", "drop@/connect#1", "--fault=latency:1s", "--start-time", "2026-01-01T00:00:00Z", "--quiet",
        ]);

        Assert.Equal(("http://127.0.0.1:6000", "abc", "s", "My App"), (o.Urls, o.ClientId, o.ClientSecret, o.AppName));
        Assert.Equal(["https://app.example/cb", "https://app.example/cb2"], o.RedirectUris);
        Assert.False(o.AllowLoopbackRedirectUris);
        Assert.Equal((9, 5, 6, 2), (o.Seed, o.SeedContacts, o.SeedInvoices, o.LinesPerInvoice));
        Assert.False(o.SeedDefaultData);
        Assert.Equal((TimeSpan.FromSeconds(1.5), TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), (o.AccessTokenLifetime, o.RefreshTokenLifetime, o.RefreshTokenReuseGrace));
        Assert.Equal((false, 10, 20, 30, 2), (o.RateLimits.Enabled, o.RateLimits.PerMinute, o.RateLimits.PerDay, o.RateLimits.AppPerMinute, o.RateLimits.Concurrent));
        Assert.Equal([(FaultKind.DropConnection, "/connect"), (FaultKind.Latency, null)], o.Faults.Select(f => (f.Kind, f.PathPrefix)));
        Assert.Equal(TimeSpan.FromSeconds(1), o.Faults[1].Latency);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), o.StartTime);
        Assert.False(o.PrintBanner);
    }

    [Fact]
    public void Parse_Nothing_DefaultsWithTheBanner()
    {
        var o = XeroSandboxCommandLine.Parse([]);

        var defaults = new XeroSandboxOptions();
        Assert.Equal((defaults.ClientId, defaults.Seed, defaults.LinesPerInvoice, defaults.AccessTokenLifetime), (o.ClientId, o.Seed, o.LinesPerInvoice, o.AccessTokenLifetime));
        Assert.Null(o.Urls);
        Assert.True(o.PrintBanner && o.SeedDefaultData && o.AllowLoopbackRedirectUris && o.RateLimits.Enabled);
        Assert.Empty(o.Faults);
    }

    [Fact]
    public void Parse_OptionGivenTwice_TakesTheLastValue()
    {
        var o = XeroSandboxCommandLine.Parse(["--seed", "1", "--app-name", "A", "--seed=2", "--app-name", "B"]);

        Assert.Equal((2, "B"), (o.Seed, o.AppName));
    }

    [Theory]
    [InlineData("--bogus", "'--bogus'")]
    [InlineData("--seed-contacts -1", "Option --seed-contacts needs an integer from 0 to 1000000, not '-1'")]
    [InlineData("--seed-invoices 1000001", "Option --seed-invoices needs an integer from 0 to 1000000, not '1000001'")]
    [InlineData("--rate-limit-minute ten", "Option --rate-limit-minute needs an integer from 0 to 1000000")]
    [InlineData("--rate-limit-concurrent 2.5", "Option --rate-limit-concurrent needs an integer from 0 to 1000000")]
    [InlineData("--access-token-lifetime soon", "Option --access-token-lifetime needs a duration")]
    [InlineData("--refresh-token-lifetime -00:05:00", "Option --refresh-token-lifetime needs a duration")]
    [InlineData("--refresh-grace 1h", "Option --refresh-grace needs a duration")]
    [InlineData("--start-time yesterday", "Option --start-time needs an ISO 8601 time, not 'yesterday'")]
    [InlineData("--fault 503~2", "Option --fault '503~2'")]
    [InlineData("--fault teapot", "Option --fault 'teapot'")]
    [InlineData("--seed", "--seed")]
    [InlineData("--seed 1 --seed", "Option --seed needs a value")]
    [InlineData("--no-rate-limits false", "'false'")]
    [InlineData("--urls http://127.0.0.1:1 http://127.0.0.1:2", "'http://127.0.0.1:2'")]
    public void Parse_BadValue_ArgumentExceptionSayingWhich(string commandLine, string message)
    {
        var bad = Assert.Throws<ArgumentException>(() => XeroSandboxCommandLine.Parse(commandLine.Split(' ')));

        Assert.Contains(message, bad.Message, StringComparison.Ordinal);
        Assert.Null(bad.ParamName);
    }

    [Fact]
    public async Task InvokeAsync_BadValue_ExitCode2WithTheMessage_SandboxNotStarted()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var started = false;

        var exit = await XeroSandboxCommandLine.InvokeAsync(["--rate-limit-day", "lots", "--bogus"], (_, _) => { started = true; return Task.FromResult(0); },
            output, error, TestContext.Current.CancellationToken);

        Assert.Equal(XeroSandboxCommandLine.InvalidArguments, exit);
        Assert.Equal(2, exit);
        Assert.False(started);
        Assert.Contains("Option --rate-limit-day needs an integer from 0 to 1000000, not 'lots'.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("'--bogus'", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Run with --help for every option." + Environment.NewLine, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task InvokeAsync_GoodCommandLine_RunsWithTheOptions_ReturnsItsExitCode()
    {
        XeroSandboxOptions? ran = null;

        var exit = await XeroSandboxCommandLine.InvokeAsync(["--seed-contacts", "3", "--no-rate-limits"], (o, _) => { ran = o; return Task.FromResult(7); },
            TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(7, exit);
        Assert.Equal((3, false, true), (ran!.SeedContacts, ran.RateLimits.Enabled, ran.PrintBanner));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--seed many --help")]
    public async Task InvokeAsync_Help_PrintsEveryOptionWithItsDescription_Exit0(string commandLine)
    {
        using var output = new StringWriter();
        var started = false;

        var exit = await XeroSandboxCommandLine.InvokeAsync(commandLine.Split(' '), (_, _) => { started = true; return Task.FromResult(1); },
            output, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.False(started);
        var help = output.ToString();
        Assert.Contains(XeroSandboxCommandLine.Description, help, StringComparison.Ordinal);
        Assert.All(EveryOption, option => Assert.Matches($@"(?m)^\s+{option}( <[A-Z0-9-]+>)?\s{{2,}}\S", help));
        Assert.Contains("--rate-limit-day <N>", help, StringComparison.Ordinal);
        Assert.Contains("429day[:seconds]", help, StringComparison.Ordinal);
        Assert.Contains("-?, -h, --help", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EveryOptionDescribedInTheHelp()
    {
        var command = XeroSandboxCommandLine.Create((_, _) => Task.FromResult(0));
        var help = XeroSandboxCommandLine.HelpText();

        // Every option the README documents, and every option defined (including ones added later) with its description.
        Assert.Subset(command.Options.Select(o => o.Name).ToHashSet(), EveryOption.ToHashSet());
        Assert.All(command.Options, option =>
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Description), option.Name);
            Assert.Contains(option.Name, help, StringComparison.Ordinal);
            Assert.Contains(option.Description!.Split(' ')[0], help, StringComparison.Ordinal);
        });
        Assert.Equal(help, XeroSandboxOptions.HelpText);
    }
}
