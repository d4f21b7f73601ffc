using FluentValidation;
using Ledgerline.Validation;
using static Ledgerline.Tests.Validation.ValidatorAssert;

namespace Ledgerline.Tests.Validation;

public sealed class QueryValidatorTests
{
    private static readonly DateOnly May1 = new(2024, 5, 1);
    private static readonly DateOnly May2 = new(2024, 5, 2);

    public static TheoryData<int, bool> PageSizes => new() { { 0, false }, { -1, false }, { 1, true }, { 100, true }, { 101, false } };

    [Theory]
    [MemberData(nameof(PageSizes))]
    public void AnyQuery_PageSize_MustBeOneToHundred(int pageSize, bool valid)
    {
        AssertOutcome(new ContactQueryValidator(), new ContactQuery { PageSize = pageSize }, valid, "PageSize");
        AssertOutcome(new InvoiceQueryValidator(), new InvoiceQuery { PageSize = pageSize }, valid, "PageSize");
        AssertOutcome(new PaymentQueryValidator(), new PaymentQuery { PageSize = pageSize }, valid, "PageSize");
        AssertOutcome(new ExpenseQueryValidator(), new ExpenseQuery { PageSize = pageSize }, valid, "PageSize");
        AssertOutcome(new TimeEntryQueryValidator(), new TimeEntryQuery { PageSize = pageSize }, valid, "PageSize");
    }

    [Fact]
    public void AnyQuery_StatesNone_FailsOnStates()
    {
        FailsOn(new ContactQueryValidator(), new ContactQuery { States = RecordStates.None }, "States");
        FailsOn(new TimeEntryQueryValidator(), new TimeEntryQuery { States = RecordStates.None }, "States");
    }

    [Fact]
    public void AnyQuery_UndefinedStateFlag_FailsOnStates() =>
        FailsOn(new PaymentQueryValidator(), new PaymentQuery { States = (RecordStates)8 }, "States");

    [Fact]
    public void AnyQuery_DefaultUpdatedSince_FailsOnUpdatedSince()
    {
        FailsOn(new ExpenseQueryValidator(), new ExpenseQuery { UpdatedSince = default(DateTimeOffset) }, "UpdatedSince");
        Valid(new ExpenseQueryValidator(), new ExpenseQuery { UpdatedSince = DateTimeOffset.UnixEpoch, States = RecordStates.All });
    }

    [Fact]
    public void InvoiceQuery_IssueDateReversed_FailsOnIssueDate() =>
        FailsOn(new InvoiceQueryValidator(), new InvoiceQuery { IssueDate = new DateRange(May2, May1) }, "IssueDate");

    [Fact]
    public void InvoiceQuery_DueDateReversed_FailsOnDueDate() =>
        FailsOn(new InvoiceQueryValidator(), new InvoiceQuery { DueDate = new DateRange(May2, May1) }, "DueDate");

    [Fact]
    public void InvoiceQuery_SingleDayAndOpenRanges_AreValid() => Valid(new InvoiceQueryValidator(), new InvoiceQuery
    {
        IssueDate = new DateRange(May1, May1),
        DueDate = new DateRange(null, May1),
    });

    [Fact]
    public void InvoiceQuery_EmptyStatuses_FailsOnStatuses() =>
        FailsOn(new InvoiceQueryValidator(), new InvoiceQuery { Statuses = new HashSet<InvoiceStatus>() }, "Statuses");

    [Fact]
    public void InvoiceQuery_Unpaid_IsValid() => Valid(new InvoiceQueryValidator(), InvoiceQuery.Unpaid());

    [Fact]
    public void InvoiceQuery_BlankContactId_FailsOnContactId() =>
        FailsOn(new InvoiceQueryValidator(), new InvoiceQuery { ContactId = " " }, "ContactId");

    [Fact]
    public void PaymentQuery_DateReversed_FailsOnDate() =>
        FailsOn(new PaymentQueryValidator(), new PaymentQuery { Date = new DateRange(May2, May1) }, "Date");

    [Fact]
    public void PaymentQuery_BlankInvoiceId_FailsOnInvoiceId() =>
        FailsOn(new PaymentQueryValidator(), new PaymentQuery { InvoiceId = "" }, "InvoiceId");

    [Fact]
    public void ExpenseQuery_DateReversed_FailsOnDate() =>
        FailsOn(new ExpenseQueryValidator(), new ExpenseQuery { Date = new DateRange(May2, May1) }, "Date");

    [Fact]
    public void ExpenseQuery_BlankCategory_FailsOnCategoryId() =>
        FailsOn(new ExpenseQueryValidator(), new ExpenseQuery { CategoryId = " " }, "CategoryId");

    [Fact]
    public void TimeEntryQuery_StartedToBeforeFrom_FailsOnStartedTo()
    {
        var from = new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero);

        FailsOn(new TimeEntryQueryValidator(), new TimeEntryQuery { StartedFrom = from, StartedTo = from.AddTicks(-1) }, "StartedTo");
        Valid(new TimeEntryQueryValidator(), new TimeEntryQuery { StartedFrom = from, StartedTo = from });
    }

    [Fact]
    public void TimeEntryQuery_BlankProject_FailsOnProjectId() =>
        FailsOn(new TimeEntryQueryValidator(), new TimeEntryQuery { ProjectId = "" }, "ProjectId");

    [Fact]
    public void ContactQuery_BlankEmail_FailsOnEmail() =>
        FailsOn(new ContactQueryValidator(), new ContactQuery { Email = " " }, "Email");

    [Fact]
    public void ContactQuery_BlankOrganizationContains_FailsOnOrganizationContains() =>
        FailsOn(new ContactQueryValidator(), new ContactQuery { OrganizationContains = "" }, "OrganizationContains");

    private static void AssertOutcome<T>(IValidator<T> validator, T query, bool valid, string field)
    {
        if (valid)
        {
            Valid(validator, query);
        }
        else
        {
            FailsOn(validator, query, field);
        }
    }
}
