using Ledgerline.Xero.Mapping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.Tests.Registration;

public sealed class RegistrationTests
{
    [Fact]
    public void AddXero_Twice_RegistersOneProvider()
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddXero(o => o.ClientId = "a").AddXero(o => o.ClientSecret = "b");
        using var provider = services.BuildServiceProvider();

        var providers = provider.GetServices<ILedgerProvider>().Where(p => p.Name == "Xero").ToArray();

        Assert.Single(providers);
        Assert.Equal(("a", "b"), (provider.GetRequiredService<IOptions<XeroOptions>>().Value.ClientId, provider.GetRequiredService<IOptions<XeroOptions>>().Value.ClientSecret));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(601_000)]
    public void Options_RequestTimeoutOutOfRange_FailsValidation(int milliseconds)
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddXero(o => { o.ClientId = "client"; o.RequestTimeout = TimeSpan.FromMilliseconds(milliseconds); });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<XeroOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains(nameof(XeroOptions.RequestTimeout), StringComparison.Ordinal));
    }

    [Fact]
    public void Options_RequestTimeout_DefaultsToThirtySeconds()
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddXero(o => o.ClientId = "client");
        using var provider = services.BuildServiceProvider();

        Assert.Equal(TimeSpan.FromSeconds(30), provider.GetRequiredService<IOptions<XeroOptions>>().Value.RequestTimeout);
    }

    [Fact]
    public void Options_BadBaseUrlsAndCodes_FailValidationNamingEach()
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddXero(o =>
        {
            o.ClientId = "client";
            o.ApiBaseUrl = new Uri("https://api.example/api.xro");
            o.LoginBaseUrl = new Uri("ftp://login.example/");
            o.PaymentAccountCode = " ";
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<XeroOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains(nameof(XeroOptions.ApiBaseUrl), StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains(nameof(XeroOptions.LoginBaseUrl), StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains(nameof(XeroOptions.PaymentAccountCode), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("accounting.contacts offline_access")]
    [InlineData("offline_access\r\n")]
    [InlineData(" ")]
    public void Options_ScopeThatIsNotOneOAuthScope_RefusedOnStartNamingTheScope(string scope)
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddXero(o =>
        {
            o.ClientId = "client";
            o.Scopes.Add("offline_access");
            o.Scopes.Add(scope);
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<XeroOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains("Scopes[1]", StringComparison.Ordinal) && f.Contains("OAuth scope", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_NeverShowsTheSecret()
    {
        var options = new XeroOptions { ClientId = "id", ClientSecret = "very-secret-value" };

        Assert.DoesNotContain("very-secret-value", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_Compiles()
    {
        var config = XeroMapping.Create();

        config.Compile();

        Assert.NotNull(config);
    }
}
