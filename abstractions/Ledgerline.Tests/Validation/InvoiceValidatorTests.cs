using System.Globalization;
using Ledgerline.Validation;
using static Ledgerline.Tests.Validation.ValidatorAssert;

namespace Ledgerline.Tests.Validation;

public sealed class InvoiceValidatorTests
{
    private static readonly DateOnly Issued = new(2024, 5, 1);

    private readonly NewInvoiceValidator _draft = new();
    private readonly InvoiceChangesValidator _changes = new();

    private static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    private static NewInvoiceLine Line(decimal quantity = 1m, Money? price = null, params LineTax[] taxes) =>
        new() { Name = "Work", Quantity = quantity, UnitPrice = price ?? Usd(10m), Taxes = taxes };

    private static NewInvoice Draft(params NewInvoiceLine[] lines) => new()
    {
        ContactId = "1",
        Currency = CurrencyCode.USD,
        IssueDate = Issued,
        Lines = lines.Length == 0 ? [Line()] : lines,
    };

    [Fact]
    public void NewInvoice_Complete_IsValid() => Valid(_draft, Draft(Line(2m, Usd(19.99m), new LineTax("GST", 5m), new LineTax("PST", 7m))) with
    {
        DueDate = Issued,
        DiscountPercent = 100m,
        Number = new string('9', 32),
    });

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void NewInvoice_BlankContactId_FailsOnContactId(string contactId) =>
        FailsOn(_draft, Draft() with { ContactId = contactId }, "ContactId");

    [Fact]
    public void NewInvoice_DefaultCurrency_FailsOnCurrency() =>
        FailsOn(_draft, Draft() with { Currency = default }, "Currency");

    [Fact]
    public void NewInvoice_UnknownCurrencyCode_CannotBeConstructed() =>
        Assert.Throws<FormatException>(() => Draft() with { Currency = CurrencyCode.Parse("ABC") });

    [Fact]
    public void NewInvoice_DefaultIssueDate_FailsOnIssueDate() =>
        FailsOn(_draft, Draft() with { IssueDate = default }, "IssueDate");

    [Fact]
    public void NewInvoice_NoLines_FailsOnLines()
    {
        var failure = FailsOn(_draft, Draft() with { Lines = [] }, "Lines");

        Assert.Contains("at least one line", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NewInvoice_NullLines_FailsOnLines() => FailsOn(_draft, Draft() with { Lines = null! }, "Lines");

    [Fact]
    public void NewInvoice_NullLine_FailsOnThatLine() => FailsOn(_draft, Draft() with { Lines = [Line(), null!] }, "Lines[1]");

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void NewInvoice_BlankLineName_FailsOnLineName(string name) =>
        FailsOn(_draft, Draft(Line(), Line() with { Name = name }), "Lines[1].Name");

    [Fact]
    public void NewInvoice_NegativeQuantity_IsValid() => Valid(_draft, Draft(Line(-1m)));

    [Fact]
    public void NewInvoice_ZeroQuantity_IsValid() => Valid(_draft, Draft(Line(0m)));

    [Fact]
    public void NewInvoice_LineInOtherCurrency_FailsOnUnitPriceNamingBoth()
    {
        var failure = FailsOn(_draft, Draft(Line(), Line(1m, new Money(5m, CurrencyCode.EUR))), "Lines[1].UnitPrice");

        Assert.Contains("EUR", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("USD", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NewInvoice_LineWithoutCurrency_FailsOnUnitPrice() =>
        FailsOn(_draft, Draft(Line(1m, new Money(5m, default))), "Lines[0].UnitPrice");

    [Fact]
    public void NewInvoice_DepositLineOfMinusFifty_IsValid() =>
        Valid(_draft, Draft(Line(1m, Usd(200m)), Line(1m, Usd(-50m)) with { Name = "Deposit received" }));

    [Fact]
    public void NewInvoice_LineWithId_FailsOnLineIdNamingTheFix()
    {
        var failure = FailsOn(_draft, Draft(Line(), Line() with { Id = "2" }), "Lines[1].Id");

        Assert.Equal("LineIdOnCreate", failure.ErrorCode);
        Assert.Contains("Id = null", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NewInvoice_ThreeTaxes_FailsOnTaxes() =>
        FailsOn(_draft, Draft(Line(1m, null, new LineTax("A", 1m), new LineTax("B", 1m), new LineTax("C", 1m))), "Lines[0].Taxes");

    [Fact]
    public void NewInvoice_BlankTaxName_FailsOnTaxName() =>
        FailsOn(_draft, Draft(Line(1m, null, new LineTax(" ", 1m))), "Lines[0].Taxes[0].Name");

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    public void NewInvoice_TaxPercentOutOfRange_FailsOnPercent(double percent) =>
        FailsOn(_draft, Draft(Line(1m, null, new LineTax("A", 5m), new LineTax("B", (decimal)percent))), "Lines[0].Taxes[1].Percent");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void NewInvoice_TaxPercentAtBounds_IsValid(int percent) =>
        Valid(_draft, Draft(Line(1m, null, new LineTax("A", percent))));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void NewInvoice_DiscountOutOfRange_FailsOnDiscountPercent(int percent) =>
        FailsOn(_draft, Draft() with { DiscountPercent = percent }, "DiscountPercent");

    [Fact]
    public void NewInvoice_DueBeforeIssue_FailsOnDueDateNamingBothDates()
    {
        var failure = FailsOn(_draft, Draft() with { DueDate = Issued.AddDays(-1) }, "DueDate");

        Assert.Contains("2024-04-30", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("2024-05-01", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NewInvoice_NumberOver255_FailsOnNumber() =>
        FailsOn(_draft, Draft() with { Number = new string('1', 256) }, "Number");

    [Fact]
    public void NewInvoice_NumberOf255_IsValid() =>
        Valid(_draft, Draft() with { Number = new string('1', 255) });

    [Fact]
    public void NewInvoice_BlankNumber_FailsOnNumber() =>
        FailsOn(_draft, Draft() with { Number = " " }, "Number");

    [Fact]
    public void NewInvoiceLine_OnItsOwn_IsCheckedWithoutCurrency()
    {
        var line = new NewInvoiceLineValidator();

        Valid(line, Line(1m, new Money(1m, CurrencyCode.EUR)));
        Valid(line, Line(-1m, new Money(-1m, CurrencyCode.EUR)) with { Id = "7" });
        FailsOn(line, Line() with { Name = "" }, "Name");
    }

    [Fact]
    public void InvoiceChanges_Nothing_IsValid() => Valid(_changes, new InvoiceChanges());

    [Fact]
    public void InvoiceChanges_LinesOnlySharingCurrency_IsValid() =>
        Valid(_changes, new InvoiceChanges { Lines = [Line(1m, new Money(1m, CurrencyCode.CAD)), Line(2m, new Money(2m, CurrencyCode.CAD))] });

    [Fact]
    public void InvoiceChanges_LinesOnlyInMixedCurrencies_FailsOnOddLine()
    {
        var failure = FailsOn(_changes, new InvoiceChanges { Lines = [Line(), Line(1m, new Money(1m, CurrencyCode.CAD))] }, "Lines[1].UnitPrice");

        Assert.Contains("CAD", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("USD", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void InvoiceChanges_CurrencyAndLinesDisagree_FailsOnLine() =>
        FailsOn(_changes, new InvoiceChanges { Currency = CurrencyCode.CAD, Lines = [Line()] }, "Lines[0].UnitPrice");

    [Fact]
    public void InvoiceChanges_CurrencyAndMatchingLines_IsValid() =>
        Valid(_changes, new InvoiceChanges { Currency = CurrencyCode.CAD, Lines = [Line(1m, new Money(3m, CurrencyCode.CAD))] });

    [Fact]
    public void InvoiceChanges_CurrencyWithoutLines_FailsOnLines() =>
        FailsOn(_changes, new InvoiceChanges { Currency = CurrencyCode.CAD }, "Lines");

    [Fact]
    public void InvoiceChanges_DefaultCurrency_FailsOnCurrency() =>
        FailsOn(_changes, new InvoiceChanges { Currency = default(CurrencyCode), Lines = [Line()] }, "Currency");

    [Fact]
    public void InvoiceChanges_EmptyLines_FailsOnLines() => FailsOn(_changes, new InvoiceChanges { Lines = [] }, "Lines");

    [Fact]
    public void InvoiceChanges_BadLine_FailsOnLineField() =>
        FailsOn(_changes, new InvoiceChanges { Lines = [Line() with { Name = " " }] }, "Lines[0].Name");

    [Fact]
    public void InvoiceChanges_LinesGivenBackByIdWithNegativeAmounts_IsValid() =>
        Valid(_changes, new InvoiceChanges { Lines = [Line() with { Id = "1" }, Line(1m, Usd(-50m)) with { Id = "2" }, Line()] });

    [Fact]
    public void InvoiceChanges_SameLineIdTwice_FailsOnLinesNamingTheId()
    {
        var failure = FailsOn(_changes, new InvoiceChanges { Lines = [Line() with { Id = "3" }, Line() with { Id = "3" }] }, "Lines");

        Assert.Equal("DuplicateLineId", failure.ErrorCode);
        Assert.Contains("'3'", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void InvoiceChanges_BlankLineId_FailsOnLineId() =>
        FailsOn(_changes, new InvoiceChanges { Lines = [Line() with { Id = " " }] }, "Lines[0].Id");

    [Fact]
    public void InvoiceChanges_DueBeforeIssueBothSet_FailsOnDueDate() =>
        FailsOn(_changes, new InvoiceChanges { IssueDate = Issued, DueDate = Issued.AddDays(-3) }, "DueDate");

    [Fact]
    public void InvoiceChanges_DueDateAlone_IsLeftToTheProvider() =>
        Valid(_changes, new InvoiceChanges { DueDate = Issued });

    [Fact]
    public void InvoiceChanges_DiscountOutOfRange_FailsOnDiscountPercent() =>
        FailsOn(_changes, new InvoiceChanges { DiscountPercent = 150m }, "DiscountPercent");

    [Fact]
    public void InvoiceChanges_LongNumber_FailsOnNumber() =>
        FailsOn(_changes, new InvoiceChanges { Number = new string('x', 256) }, "Number");

    [Fact]
    public void InvoiceChanges_BlankContactId_FailsOnContactId() =>
        FailsOn(_changes, new InvoiceChanges { ContactId = "" }, "ContactId");
}
