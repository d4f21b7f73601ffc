using System.Globalization;

namespace Ledgerline.Tests.Amounts;

public sealed class MoneyTests
{
    private static readonly CurrencyCode Usd = CurrencyCode.USD;

    [Theory]
    [InlineData("41.94", "41.94")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("0", "0")]
    [InlineData("1234567.89", "1234567.89")]
    [InlineData("7.60133524082021936099189318", "7.60133524082021936099189318")]
    [InlineData("-7.60133524082021936099189318", "-7.60133524082021936099189318")]
    public void Parse_PlainDecimal_KeepsEveryDigit(string text, string expected)
    {
        var money = Money.Parse(text, Usd);

        Assert.Equal(expected, money.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Usd, money.Currency);
    }

    [Fact]
    public void ToString_Default_SaysItHasNoCurrency() =>
        Assert.Equal("0 (no currency)", default(Money).ToString());

    [Fact]
    public void Parse_UnderGermanCulture_StillUsesInvariantDecimalPoint()
    {
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal(41.94m, Money.Parse("41.94", Usd).Amount);
            Assert.Throws<MoneyFormatException>(() => Money.Parse("41,94", Usd));
            Assert.Equal("41.94 USD", new Money(41.94m, Usd).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,000.00")]
    [InlineData("1e5")]
    [InlineData(" 1.00")]
    [InlineData("1.00 ")]
    [InlineData("$1.00")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("79228162514264337593543950336")]
    public void Parse_Junk_ThrowsMoneyFormatExceptionKeepingRawText(string text)
    {
        var error = Assert.Throws<MoneyFormatException>(() => Money.Parse(text, Usd));

        Assert.Equal(text, error.RawText);
        Assert.Equal(Usd, error.Currency);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsWithNullRawText()
    {
        var error = Assert.Throws<MoneyFormatException>(() => Money.Parse(null, Usd));

        Assert.Null(error.RawText);
    }

    [Fact]
    public void Parse_DefaultCurrency_Throws()
    {
        var error = Assert.Throws<MoneyFormatException>(() => Money.Parse("1.00", default));

        Assert.Equal("1.00", error.RawText);
    }

    [Fact]
    public void TryParse_Junk_ReturnsFalse() =>
        Assert.False(Money.TryParse("1,5", Usd, out _));

    [Fact]
    public void Add_SameCurrency_IsExact()
    {
        var sum = new Money(0.10m, Usd) + new Money(0.20m, Usd);

        Assert.Equal(new Money(0.30m, Usd), sum);
        Assert.Equal(new Money(59.97m, Usd), new Money(19.99m, Usd) * 3m);
        Assert.Equal(new Money(-0.10m, Usd), new Money(0.10m, Usd) - new Money(0.20m, Usd));
        Assert.Equal(new Money(-5m, Usd), -new Money(5m, Usd));
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsCurrencyMismatch()
    {
        var error = Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Usd) + new Money(1m, CurrencyCode.CAD));

        Assert.Equal(Usd, error.Left);
        Assert.Equal(CurrencyCode.CAD, error.Right);
    }

    [Fact]
    public void Subtract_DifferentCurrencies_ThrowsCurrencyMismatch() =>
        Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Usd) - new Money(1m, CurrencyCode.EUR));

    [Fact]
    public void Compare_DifferentCurrencies_ThrowsCurrencyMismatch() =>
        Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Usd) < new Money(2m, CurrencyCode.EUR));

    [Fact]
    public void Compare_SameCurrency_OrdersByAmount()
    {
        Assert.True(new Money(1m, Usd) < new Money(2m, Usd));
        Assert.True(new Money(2m, Usd) >= new Money(2.00m, Usd));
        Assert.Equal(0, new Money(2m, Usd).CompareTo(new Money(2.000m, Usd)));
    }

    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("0.005", "0.01")]
    [InlineData("2.5", "2.50")]
    public void Round_Midpoint_GoesAwayFromZero(string amount, string expected)
    {
        var rounded = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), Usd).Round();

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), rounded.Amount);
        Assert.Equal(Usd, rounded.Currency);
    }

    [Fact]
    public void Zero_IsZeroInCurrency() =>
        Assert.Equal(new Money(0m, CurrencyCode.GBP), Money.Zero(CurrencyCode.GBP));

    [Theory]
    [InlineData("USD", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("CLF", 4)]
    public void MinorUnit_IsTheIso4217Exponent(string code, int expected) =>
        Assert.Equal(expected, CurrencyCode.Parse(code).MinorUnit);

    [Fact]
    public void MinorUnit_GoldAndDefault_HaveNone()
    {
        Assert.Null(CurrencyCode.Parse("XAU").MinorUnit);
        Assert.Null(default(CurrencyCode).MinorUnit);
    }

    [Theory]
    [InlineData("KWD", "0.1234", "0.123")]
    [InlineData("KWD", "0.0005", "0.001")]
    [InlineData("JPY", "1000.5", "1001")]
    [InlineData("JPY", "-0.5", "-1")]
    [InlineData("USD", "0.125", "0.13")]
    [InlineData("XAU", "1.23456789", "1.23456789")]
    public void Round_FollowsTheCurrencysMinorUnit(string code, string amount, string expected)
    {
        var currency = CurrencyCode.Parse(code);

        var rounded = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency).Round();

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), rounded.Amount);
        Assert.Equal(currency, rounded.Currency);
    }
}
