using System.Globalization;

namespace Ledgerline.Tests.Amounts;

public sealed class CurrencyCodeTests
{
    [Theory]
    [InlineData("USD")]
    [InlineData("usd")]
    [InlineData("uSd")]
    public void Parse_KnownCodeAnyCase_IsUpperCaseCode(string text)
    {
        var code = CurrencyCode.Parse(text);

        Assert.Equal("USD", code.Value);
        Assert.Equal(CurrencyCode.USD, code);
        Assert.Equal("USD", code.ToString());
        Assert.False(code.IsDefault);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("US")]
    [InlineData("USDD")]
    [InlineData("U$D")]
    [InlineData("")]
    [InlineData(" USD")]
    public void Parse_Unknown_ThrowsFormatExceptionQuotingText(string text)
    {
        var error = Assert.Throws<FormatException>(() => CurrencyCode.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NullOrUnknown_ReturnsFalse()
    {
        Assert.False(CurrencyCode.TryParse(null, out _));
        Assert.False(CurrencyCode.TryParse("ABC", out var result));
        Assert.True(result.IsDefault);
    }

    [Fact]
    public void Default_NamesNoCurrency()
    {
        var code = default(CurrencyCode);

        Assert.True(code.IsDefault);
        Assert.Equal(string.Empty, code.Value);
        Assert.NotEqual(CurrencyCode.USD, code);
    }

    [Theory]
    [InlineData("CAD")]
    [InlineData("EUR")]
    [InlineData("GBP")]
    [InlineData("JPY")]
    [InlineData("XAU")]
    public void Parse_OtherKnownCodes_Succeeds(string text) => Assert.Equal(text, CurrencyCode.Parse(text).Value);

    [Fact]
    public void TryParse_AfterAKnownCode_ReadsEveryOtherTextOnItsOwn()
    {
        // The code read last answers the same text again without the table; nothing else may match it.
        Assert.True(CurrencyCode.TryParse("EUR", out var euro));
        Assert.Equal(CurrencyCode.EUR, euro);

        Assert.True(CurrencyCode.TryParse("EUR", out var again));
        Assert.Equal(CurrencyCode.EUR, again);
        Assert.True(CurrencyCode.TryParse("eur", out var lower));
        Assert.Equal("EUR", lower.Value);
        Assert.False(CurrencyCode.TryParse("EU", out _));
        Assert.False(CurrencyCode.TryParse("EURO", out _));
        Assert.False(CurrencyCode.TryParse("EUR ", out _));
        Assert.False(CurrencyCode.TryParse("EUX", out _));
        Assert.True(CurrencyCode.TryParse("JPY", out var yen));
        Assert.Equal(0, yen.MinorUnit);
        Assert.True(CurrencyCode.TryParse("EUR", out var euroAgain));
        Assert.Equal(CurrencyCode.EUR, euroAgain);
    }
}
