using Ledgerline.Samples.Quickstart;
using Ledgerline.Samples.Quickstart.Consent;
using Ledgerline.Samples.Quickstart.Output;
using Microsoft.Extensions.Configuration;

namespace Ledgerline.Samples.Tests.Quickstart;

/// <summary>How the quickstart chooses between the sandbox and real FreshBooks, and its small parsing and formatting helpers.</summary>
public sealed class QuickstartConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Read_NoCredentials_RunsOnTheSandbox()
    {
        var options = QuickstartConfiguration.Read(Config(), []);

        Assert.Null(options.FreshBooks);
        Assert.Equal(250, options.SeedInvoices);
    }

    [Fact]
    public void Read_AllCredentials_RunsOnRealFreshBooks()
    {
        var options = QuickstartConfiguration.Read(
            Config(("Ledgerline:FreshBooks:ClientId", "app-id"), ("Ledgerline:FreshBooks:ClientSecret", "s3cret"), ("Ledgerline:FreshBooks:RedirectUri", "https://app.example/callback")),
            []);

        Assert.Equal("app-id", options.FreshBooks?.ClientId);
        Assert.Equal(new Uri("https://app.example/callback"), options.FreshBooks?.RedirectUri);
        Assert.DoesNotContain("s3cret", options.FreshBooks!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SandboxArgument_IgnoresCredentials()
    {
        var options = QuickstartConfiguration.Read(Config(("Ledgerline:FreshBooks:ClientId", "app-id")), ["--sandbox"]);

        Assert.Null(options.FreshBooks);
    }

    [Fact]
    public void Read_ClientIdWithoutSecretOrRedirect_NamesWhatIsMissing()
    {
        var error = Assert.Throws<QuickstartException>(() => QuickstartConfiguration.Read(Config(("Ledgerline:FreshBooks:ClientId", "app-id")), []));

        Assert.Contains("Ledgerline__FreshBooks__ClientSecret and Ledgerline__FreshBooks__RedirectUri are not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownArgument_Refuses()
    {
        var error = Assert.Throws<QuickstartException>(() => QuickstartConfiguration.Read(Config(), ["--bogus"]));

        Assert.Contains("'--bogus'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://app.example/cb?code=abc&state=xyz%3D", "abc", "xyz=", null)]
    [InlineData("http://127.0.0.1/cb?error=access_denied&error_description=The+user+said+no&state=s", null, "s", "access_denied")]
    [InlineData("  abc123  ", "abc123", null, null)]
    public void AuthorizationRedirectParse_UrlOrBareCode_ReadsCodeStateAndError(string text, string? code, string? state, string? error)
    {
        var redirect = AuthorizationRedirect.Parse(text);

        Assert.Equal(code, redirect.Code);
        Assert.Equal(state, redirect.State);
        Assert.Equal(error, redirect.Error);
    }

    [Fact]
    public void AuthorizationRedirectToString_HidesTheCode()
    {
        Assert.DoesNotContain("abc", AuthorizationRedirect.Parse("https://app.example/cb?code=abc&state=s").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TextTableWriteTo_MixedAlignment_PadsEachColumnToItsWidestCell()
    {
        var table = new TextTable(("Name", Align.Left), ("Amount", Align.Right))
            .AddRow("Consulting", "1,200.00")
            .AddRow("Tax", "9.10");

        Assert.Equal(
            "Name          Amount\n----------  --------\nConsulting  1,200.00\nTax             9.10\n",
            table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void FormatMoney_AnyCulture_UsesInvariantSeparators()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("1,234,567.89 EUR", Format.Money(new Money(1234567.89m, CurrencyCode.EUR)));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
