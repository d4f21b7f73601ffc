namespace Ledgerline.FreshBooks.Sandbox.Tests;

/// <summary>The sandbox tool's command line (System.CommandLine): every option, bad values, <c>--help</c>, exit codes.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] EveryOption =
    [
        "--urls", "--client-id", "--client-secret", "--app-name", "--redirect-uri", "--no-loopback-redirects", "--scopes", "--seed-clients",
        "--seed-invoices", "--lines-per-invoice", "--seed-unpaid-invoices", "--no-default-data", "--access-token-lifetime", "--start-time",
        "--fault", "--quiet",
    ];

    [Fact]
    public void Parse_EveryOption_SetsItsValue()
    {
        var o = FreshBooksSandboxCommandLine.Parse(
        [
            "--urls", "http://127.0.0.1:6000", "--client-id=app", "--client-secret", "s", "--app-name", "My App",
            "--redirect-uri", "https://app.test/cb", "--redirect-uri", "https://app.test/cb2", "--no-loopback-redirects",
            "--scopes", "user:profile:read user:clients:read", "--seed-clients", "200", "--seed-invoices", "10000", "--lines-per-invoice", "3",
            "--seed-unpaid-invoices", "7", "--no-default-data", "--access-token-lifetime", "250ms", "--start-time", "2026-01-01T10:00:00+02:00",
            "--fault", "503@/accounting#1", "--fault=429:2@/accounting", "--quiet",
        ]);

        Assert.Equal(("http://127.0.0.1:6000", "app", "s", "My App"), (o.Urls, o.ClientId, o.ClientSecret, o.AppName));
        Assert.Equal(["https://app.test/cb", "https://app.test/cb2"], o.RedirectUris);
        Assert.False(o.AllowLoopbackRedirectUris);
        Assert.Equal(["user:profile:read", "user:clients:read"], o.AppScopes);
        Assert.Equal((200, 10000, 3, (int?)7), (o.SeedClients, o.SeedInvoices, o.LinesPerInvoice, o.SeedUnpaidInvoices));
        Assert.False(o.SeedDefaultData);
        Assert.Equal(TimeSpan.FromMilliseconds(250), o.AccessTokenLifetime);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero), o.StartTime);
        Assert.Equal(2, o.Faults.Count);
        Assert.Equal(("/accounting", 503), (o.Faults[0].PathPrefix, o.Faults[0].StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(2), o.Faults[1].RetryAfter);
        Assert.False(o.PrintBanner);
    }

    [Fact]
    public void Parse_Nothing_DefaultsWithTheBanner()
    {
        var o = FreshBooksSandboxCommandLine.Parse([]);

        var defaults = new SandboxOptions();
        Assert.Equal((defaults.ClientId, defaults.ClientSecret, defaults.AccessTokenLifetime, defaults.LinesPerInvoice), (o.ClientId, o.ClientSecret, o.AccessTokenLifetime, o.LinesPerInvoice));
        Assert.Null(o.Urls);
        Assert.True(o.PrintBanner && o.SeedDefaultData && o.AllowLoopbackRedirectUris);
        Assert.Equal(SandboxOptions.AllScopes, o.AppScopes);
        Assert.Empty(o.Faults);
    }

    [Fact]
    public void Parse_OptionGivenTwice_TakesTheLastValue()
    {
        var o = FreshBooksSandboxCommandLine.Parse(["--seed-clients", "1", "--urls", "http://127.0.0.1:1", "--seed-clients=2", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal((2, "http://127.0.0.1:0"), (o.SeedClients, o.Urls));
    }

    [Theory]
    [InlineData("--bogus", "'--bogus'")]
    [InlineData("--seed-clients -1", "Option --seed-clients needs a non-negative integer, not '-1'")]
    [InlineData("--seed-invoices ten", "Option --seed-invoices needs a non-negative integer, not 'ten'")]
    [InlineData("--lines-per-invoice 1.5", "Option --lines-per-invoice needs a non-negative integer")]
    [InlineData("--seed-unpaid-invoices 99999999999", "Option --seed-unpaid-invoices needs a non-negative integer")]
    [InlineData("--access-token-lifetime soon", "Option --access-token-lifetime needs a duration")]
    [InlineData("--start-time yesterday", "Option --start-time needs an ISO 8601 time, not 'yesterday'")]
    [InlineData("--fault 503#x", "Option --fault '503#x'")]
    [InlineData("--fault teapot", "Option --fault 'teapot'")]
    [InlineData("--seed-clients", "--seed-clients")]
    [InlineData("--seed-clients 1 --seed-clients", "Option --seed-clients needs a value")]
    [InlineData("--quiet yes", "'yes'")]
    [InlineData("--urls http://127.0.0.1:1 http://127.0.0.1:2", "'http://127.0.0.1:2'")]
    public void Parse_BadValue_ArgumentExceptionSayingWhich(string commandLine, string message)
    {
        var bad = Assert.Throws<ArgumentException>(() => FreshBooksSandboxCommandLine.Parse(commandLine.Split(' ')));

        Assert.Contains(message, bad.Message, StringComparison.Ordinal);
        Assert.Null(bad.ParamName);
    }

    [Fact]
    public async Task InvokeAsync_BadValue_ExitCode2WithTheMessage_SandboxNotStarted()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var started = false;

        var exit = await FreshBooksSandboxCommandLine.InvokeAsync(["--seed-clients", "many", "--bogus"], (_, _) => { started = true; return Task.FromResult(0); },
            output, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.False(started);
        Assert.Contains("Option --seed-clients needs a non-negative integer, not 'many'.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("'--bogus'", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Run with --help for every option." + Environment.NewLine, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task InvokeAsync_GoodCommandLine_RunsWithTheOptions_ReturnsItsExitCode()
    {
        SandboxOptions? ran = null;

        var exit = await FreshBooksSandboxCommandLine.InvokeAsync(["--seed-clients", "3", "--quiet"], (o, _) => { ran = o; return Task.FromResult(7); },
            TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(7, exit);
        Assert.Equal((3, false), (ran!.SeedClients, ran.PrintBanner));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--seed-clients many --help")]
    public async Task InvokeAsync_Help_PrintsEveryOptionWithItsDescription_Exit0(string commandLine)
    {
        using var output = new StringWriter();
        var started = false;

        var exit = await FreshBooksSandboxCommandLine.InvokeAsync(commandLine.Split(' '), (_, _) => { started = true; return Task.FromResult(1); },
            output, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.False(started);
        var help = output.ToString();
        Assert.Contains("Ledgerline FreshBooks sandbox", help, StringComparison.Ordinal);
        Assert.Contains("FRESHBOOKS_API_URL", help, StringComparison.Ordinal);
        Assert.All(EveryOption, option => Assert.Matches($@"(?m)^\s+{option}( <[A-Z0-9-]+>)?\s{{2,}}\S", help));
        Assert.Contains("--seed-unpaid-invoices <N>", help, StringComparison.Ordinal);
        Assert.Contains("a fault rule, e.g. 429:2@/accounting", help, StringComparison.Ordinal);
        Assert.Contains("-?, -h, --help", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EveryOptionDescribedInTheHelp()
    {
        var command = FreshBooksSandboxCommandLine.Create((_, _) => Task.FromResult(0));
        var help = FreshBooksSandboxCommandLine.HelpText();

        // Every option the README documents, and every option defined (including ones added later) with its description.
        Assert.Subset(command.Options.Select(o => o.Name).ToHashSet(), EveryOption.ToHashSet());
        Assert.All(command.Options, option =>
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Description), option.Name);
            Assert.Contains(option.Name, help, StringComparison.Ordinal);
            Assert.Contains(option.Description!.Split(' ')[0], help, StringComparison.Ordinal);
        });
        Assert.Equal(help, SandboxOptions.Usage);
    }
}
