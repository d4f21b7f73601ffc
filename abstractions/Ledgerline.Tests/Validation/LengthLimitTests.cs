using FluentValidation;
using Ledgerline.Validation;
using static Ledgerline.Tests.Validation.ValidatorAssert;

namespace Ledgerline.Tests.Validation;

/// <summary>Every free-text field is bounded, and the bound itself is accepted.</summary>
public sealed class LengthLimitTests
{
    private static readonly Money Usd = new(1m, CurrencyCode.USD);
    private static readonly NewInvoiceLine Line = new() { Name = "Work", Quantity = 1m, UnitPrice = Usd };
    private static readonly NewInvoice Invoice = new() { ContactId = "1", Currency = CurrencyCode.USD, IssueDate = new DateOnly(2024, 1, 1), Lines = [Line] };

    public static TheoryData<string, int> Limits => new()
    {
        { "NewInvoice.Notes", 10_000 },
        { "NewInvoice.Terms", 10_000 },
        { "NewInvoice.Lines[0].Name", 200 },
        { "NewInvoice.Lines[0].Description", 10_000 },
        { "NewInvoice.ContactId", 100 },
        { "NewPayment.Method", 200 },
        { "NewPayment.Note", 10_000 },
        { "NewExpense.Vendor", 200 },
        { "NewExpense.Notes", 10_000 },
        { "NewTimeEntry.Note", 10_000 },
        { "NewContact.LastName", 200 },
        { "NewContact.Phones[0].Number", 50 },
        { "NewContact.BillingAddress.PostalCode", 32 },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void TextField_AtLimit_IsValidAndOneMoreFails(string field, int limit)
    {
        Check(field, new string('x', limit), valid: true);
        Check(field, new string('x', limit + 1), valid: false);
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void TextField_WithALoneSurrogateOrAControlCharacter_FailsAndWholeCharactersAreValid(string field, int limit)
    {
        _ = limit;
        Check(field, "ab\uD83D", valid: false);
        Check(field, "\uDE00ab", valid: false);
        Check(field, "a\u0000b", valid: false);
        Check(field, "a\u001b[31mb", valid: false);
        Check(field, "a\U0001F600b\u00E9", valid: true);
    }

    [Fact]
    public void LoneSurrogate_IsRefusedWithItsPositionAndCode_NeverSentAsU_FFFD()
    {
        var result = new NewInvoiceValidator().Validate(Invoice with { Notes = "Paid in full \U0001F600 \uD83D" });

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Notes", "IllFormedText"), (error.PropertyName, error.ErrorCode));
        Assert.Contains("index 16", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal((-1, 1, 0, 1, -1), (CommonRules.IllFormedAt("a\U0001F600"), CommonRules.IllFormedAt("a\uDE00"), CommonRules.IllFormedAt("\uD83D\uD83D\uDE00"),
            CommonRules.IllFormedAt("a\u0007"), CommonRules.IllFormedAt("tab\tline\r\nend")));
        var control = Assert.Single(new NewInvoiceValidator().Validate(Invoice with { Terms = "Net 30\u0000" }).Errors);
        Assert.Equal(("Terms", "IllFormedText"), (control.PropertyName, control.ErrorCode));
        Assert.Contains("U+0000 at index 6", control.ErrorMessage, StringComparison.Ordinal);
    }

    private static void Check(string field, string text, bool valid)
    {
        switch (field)
        {
            case "NewInvoice.Notes": Outcome(new NewInvoiceValidator(), Invoice with { Notes = text }, "Notes", valid); break;
            case "NewInvoice.Terms": Outcome(new NewInvoiceValidator(), Invoice with { Terms = text }, "Terms", valid); break;
            case "NewInvoice.Lines[0].Name": Outcome(new NewInvoiceValidator(), Invoice with { Lines = [Line with { Name = text }] }, "Lines[0].Name", valid); break;
            case "NewInvoice.Lines[0].Description": Outcome(new NewInvoiceValidator(), Invoice with { Lines = [Line with { Description = text }] }, "Lines[0].Description", valid); break;
            case "NewInvoice.ContactId": Outcome(new NewInvoiceValidator(), Invoice with { ContactId = text }, "ContactId", valid); break;
            case "NewPayment.Method": Outcome(new NewPaymentValidator(), Payment with { Method = text }, "Method", valid); break;
            case "NewPayment.Note": Outcome(new NewPaymentValidator(), Payment with { Note = text }, "Note", valid); break;
            case "NewExpense.Vendor": Outcome(new NewExpenseValidator(), Expense with { Vendor = text }, "Vendor", valid); break;
            case "NewExpense.Notes": Outcome(new NewExpenseValidator(), Expense with { Notes = text }, "Notes", valid); break;
            case "NewTimeEntry.Note": Outcome(new NewTimeEntryValidator(), Entry with { Note = text }, "Note", valid); break;
            case "NewContact.LastName": Outcome(new NewContactValidator(), new NewContact { LastName = text }, "LastName", valid); break;
            case "NewContact.Phones[0].Number":
                Outcome(new NewContactValidator(), new NewContact { Organization = "X", Phones = [new ContactPhone(PhoneKind.Home, text)] }, "Phones[0].Number", valid);
                break;
            case "NewContact.BillingAddress.PostalCode":
                Outcome(new NewContactValidator(), new NewContact { Organization = "X", BillingAddress = new PostalAddress { PostalCode = text } }, "BillingAddress.PostalCode", valid);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "No case for this field.");
        }
    }

    private static NewPayment Payment => new() { InvoiceId = "1", Amount = Usd, Date = new DateOnly(2024, 1, 1) };

    private static NewExpense Expense => new() { Amount = Usd, Date = new DateOnly(2024, 1, 1) };

    private static NewTimeEntry Entry => new() { StartedAt = DateTimeOffset.UnixEpoch, Duration = TimeSpan.FromHours(1) };

    private static void Outcome<T>(IValidator<T> validator, T input, string field, bool valid)
    {
        if (valid)
        {
            Valid(validator, input);
        }
        else
        {
            FailsOn(validator, input, field);
        }
    }
}
