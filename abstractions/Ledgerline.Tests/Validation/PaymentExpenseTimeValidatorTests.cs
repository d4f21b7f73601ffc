using Ledgerline.Validation;
using static Ledgerline.Tests.Validation.ValidatorAssert;

namespace Ledgerline.Tests.Validation;

public sealed class PaymentExpenseTimeValidatorTests
{
    private static readonly DateOnly Day = new(2024, 5, 1);
    private static readonly DateTimeOffset Started = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    private static NewPayment Payment => new() { InvoiceId = "1", Amount = Usd(10m), Date = Day };

    private static NewExpense Expense => new() { Amount = Usd(10m), Date = Day };

    private static NewTimeEntry Entry => new() { StartedAt = Started, Duration = TimeSpan.FromHours(1) };

    [Fact]
    public void NewTimeEntry_TaskAndUser_AreValidWhenSet() =>
        Valid(new NewTimeEntryValidator(), Entry with { TaskId = "t1", UserId = "u1" });

    [Fact]
    public void NewTimeEntry_BlankTaskId_FailsOnTaskId() => FailsOn(new NewTimeEntryValidator(), Entry with { TaskId = " " }, "TaskId");

    [Fact]
    public void NewTimeEntry_BlankUserId_FailsOnUserId() => FailsOn(new NewTimeEntryValidator(), Entry with { UserId = "" }, "UserId");

    [Fact]
    public void NewProject_UnknownBillingMethod_IsValidButAnUndefinedOneIsNot()
    {
        var project = new NewProject { Name = "P", BillingMethod = ProjectBillingMethod.Unknown };

        Valid(new NewProjectValidator(), project);
        FailsOn(new NewProjectValidator(), project with { BillingMethod = (ProjectBillingMethod)42 }, "BillingMethod");
    }

    [Fact]
    public void NewPayment_Valid_IsValid() => Valid(new NewPaymentValidator(), Payment with { Method = "Check", Note = "n" });

    [Fact]
    public void NewPayment_BlankInvoiceId_FailsOnInvoiceId() => FailsOn(new NewPaymentValidator(), Payment with { InvoiceId = " " }, "InvoiceId");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void NewPayment_NotPositive_FailsOnAmount(int amount)
    {
        var failure = FailsOn(new NewPaymentValidator(), Payment with { Amount = Usd(amount) }, "Amount");

        Assert.Contains("greater than zero", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NewPayment_NoCurrency_FailsOnAmount() =>
        FailsOn(new NewPaymentValidator(), Payment with { Amount = new Money(10m, default) }, "Amount");

    [Fact]
    public void NewPayment_DefaultDate_FailsOnDate() => FailsOn(new NewPaymentValidator(), Payment with { Date = default }, "Date");

    [Fact]
    public void PaymentChanges_Nothing_IsValid() => Valid(new PaymentChangesValidator(), new PaymentChanges());

    [Fact]
    public void PaymentChanges_ZeroAmount_FailsOnAmount() =>
        FailsOn(new PaymentChangesValidator(), new PaymentChanges { Amount = Usd(0m) }, "Amount");

    [Fact]
    public void PaymentChanges_DefaultDate_FailsOnDate() =>
        FailsOn(new PaymentChangesValidator(), new PaymentChanges { Date = default(DateOnly) }, "Date");

    [Fact]
    public void NewExpense_TwoTaxesInCurrency_IsValid() => Valid(new NewExpenseValidator(), Expense with
    {
        Taxes = [new ExpenseTax("GST", Usd(0.5m), 5m), new ExpenseTax("PST", Usd(0.7m))],
    });

    [Fact]
    public void NewExpense_NotPositive_FailsOnAmount() =>
        FailsOn(new NewExpenseValidator(), Expense with { Amount = Usd(0m) }, "Amount");

    [Fact]
    public void NewExpense_ThreeTaxes_FailsOnTaxes() => FailsOn(new NewExpenseValidator(), Expense with
    {
        Taxes = [new ExpenseTax("A", Usd(1m)), new ExpenseTax("B", Usd(1m)), new ExpenseTax("C", Usd(1m))],
    }, "Taxes");

    [Fact]
    public void NewExpense_TaxInOtherCurrency_FailsOnTaxAmountNamingBoth()
    {
        var failure = FailsOn(new NewExpenseValidator(), Expense with { Taxes = [new ExpenseTax("GST", new Money(1m, CurrencyCode.CAD))] }, "Taxes[0].Amount");

        Assert.Contains("CAD", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("USD", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NewExpense_BlankTaxName_FailsOnTaxName() =>
        FailsOn(new NewExpenseValidator(), Expense with { Taxes = [new ExpenseTax("", Usd(1m))] }, "Taxes[0].Name");

    [Fact]
    public void NewExpense_TaxPercentOver100_FailsOnPercent() =>
        FailsOn(new NewExpenseValidator(), Expense with { Taxes = [new ExpenseTax("T", Usd(1m), 101m)] }, "Taxes[0].Percent");

    [Fact]
    public void NewExpense_BlankCategory_FailsOnCategoryId() =>
        FailsOn(new NewExpenseValidator(), Expense with { CategoryId = " " }, "CategoryId");

    [Fact]
    public void ExpenseChanges_NegativeAmount_FailsOnAmount() =>
        FailsOn(new ExpenseChangesValidator(), new ExpenseChanges { Amount = Usd(-1m) }, "Amount");

    [Fact]
    public void ExpenseChanges_Nothing_IsValid() => Valid(new ExpenseChangesValidator(), new ExpenseChanges());

    [Fact]
    public void NewTimeEntry_AlmostADay_IsValid() =>
        Valid(new NewTimeEntryValidator(), Entry with { Duration = TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1) });

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(86_400)]
    [InlineData(90_000)]
    public void NewTimeEntry_DurationOutOfRange_FailsOnDuration(int seconds) =>
        FailsOn(new NewTimeEntryValidator(), Entry with { Duration = TimeSpan.FromSeconds(seconds) }, "Duration");

    [Fact]
    public void NewTimeEntry_FractionalSeconds_FailsOnDuration()
    {
        var failure = FailsOn(new NewTimeEntryValidator(), Entry with { Duration = TimeSpan.FromMilliseconds(1500) }, "Duration");

        Assert.Contains("whole seconds", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NewTimeEntry_DefaultStart_FailsOnStartedAt() =>
        FailsOn(new NewTimeEntryValidator(), Entry with { StartedAt = default }, "StartedAt");

    [Fact]
    public void TimeEntryChanges_FractionalDuration_FailsOnDuration() =>
        FailsOn(new TimeEntryChangesValidator(), new TimeEntryChanges { Duration = TimeSpan.FromSeconds(1.25) }, "Duration");

    [Fact]
    public void TimeEntryChanges_DefaultStart_FailsOnStartedAt() =>
        FailsOn(new TimeEntryChangesValidator(), new TimeEntryChanges { StartedAt = default(DateTimeOffset) }, "StartedAt");

    [Fact]
    public void TimeEntryChanges_Nothing_IsValid() => Valid(new TimeEntryChangesValidator(), new TimeEntryChanges());
}
