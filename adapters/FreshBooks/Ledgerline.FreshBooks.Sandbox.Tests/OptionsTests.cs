namespace Ledgerline.FreshBooks.Sandbox.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void FromCommandLine_ParsesEveryOption()
    {
        var o = SandboxOptions.FromCommandLine([
            "--urls", "http://127.0.0.1:5080", "--client-id=app", "--client-secret", "s", "--redirect-uri", "https://app.test/cb",
            "--seed-clients", "200", "--seed-invoices", "10000", "--lines-per-invoice", "3", "--access-token-lifetime", "60",
            "--no-default-data", "--scopes", "user:profile:read user:clients:read",
        ]);
        Assert.Equal("http://127.0.0.1:5080", o.Urls);
        Assert.Equal("app", o.ClientId);
        Assert.Equal("s", o.ClientSecret);
        Assert.Contains("https://app.test/cb", o.RedirectUris);
        Assert.Equal(200, o.SeedClients);
        Assert.Equal(10000, o.SeedInvoices);
        Assert.Equal(3, o.LinesPerInvoice);
        Assert.Equal(TimeSpan.FromSeconds(60), o.AccessTokenLifetime);
        Assert.False(o.SeedDefaultData);
        Assert.Equal(["user:profile:read", "user:clients:read"], o.AppScopes);
        Assert.True(o.PrintBanner);
    }

    [Fact]
    public void FromCommandLine_UnknownOption_Throws() =>
        Assert.Throws<ArgumentException>(() => SandboxOptions.FromCommandLine(["--bogus"]));

    [Fact]
    public void Defaults_MatchContract()
    {
        var o = new SandboxOptions();
        Assert.Equal("ledgerline-sandbox", o.ClientId);
        Assert.Equal("ledgerline-sandbox-secret", o.ClientSecret);
        Assert.Equal(TimeSpan.FromHours(12), o.AccessTokenLifetime);
        Assert.Equal(5, o.LinesPerInvoice);
        Assert.Equal(28, o.AppScopes.Count);
    }

    [Fact]
    public async Task StartAsync_BindsLoopbackPortZero_AndTokensRedacted()
    {
        await using var sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("127.0.0.1", sandbox.BaseAddress.Host);
        Assert.NotEqual(0, sandbox.BaseAddress.Port);
        Assert.EndsWith("/", sandbox.BaseAddress.AbsolutePath, StringComparison.Ordinal);
        var tokens = sandbox.IssueTokens(["user:profile:read"]);
        Assert.Equal("user:profile:read", tokens.Scope);
        Assert.DoesNotContain(tokens.AccessToken, tokens.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken, tokens.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_DescribesEveryOption()
    {
        string[] options =
        [
            "--urls", "--client-id", "--client-secret", "--app-name", "--redirect-uri", "--no-loopback-redirects", "--scopes",
            "--seed-clients", "--seed-invoices", "--lines-per-invoice", "--no-default-data", "--access-token-lifetime",
            "--start-time", "--fault", "--quiet", "--help",
        ];

        Assert.All(options, option => Assert.Contains(option + " ", SandboxOptions.Usage, StringComparison.Ordinal));
        Assert.All(options.Where(o => o != "--help"), option => SandboxOptions.FromCommandLine(
            option switch
            {
                "--no-loopback-redirects" or "--no-default-data" or "--quiet" => [option],
                "--start-time" => [option, "2026-01-01T00:00:00Z"],
                "--fault" => [option, "503@/accounting#1"],
                "--urls" or "--client-id" or "--client-secret" or "--app-name" or "--redirect-uri" or "--scopes" => [option, "x"],
                _ => [option, "1"],
            }));
    }
}
