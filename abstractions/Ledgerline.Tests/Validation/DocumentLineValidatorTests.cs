using Ledgerline.Validation;
using static Ledgerline.Tests.Validation.ValidatorAssert;

namespace Ledgerline.Tests.Validation;

/// <summary>
/// Estimate, credit note and bill lines follow the invoice line rules: negative amounts are accepted (providers return
/// them), a new document's lines carry no id, and a change names each current line at most once.
/// </summary>
public sealed class DocumentLineValidatorTests
{
    private static readonly DateOnly Issued = new(2024, 5, 1);

    private static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    private static NewInvoiceLine Line(decimal price, string? id = null) => new() { Id = id, Name = "Work", Quantity = 1m, UnitPrice = Usd(price) };

    private static NewBillLine BillLine(decimal price, string? id = null) => new() { Id = id, Description = "Paper", Quantity = 1m, UnitPrice = Usd(price) };

    [Fact]
    public void NewEstimate_NegativeLine_IsValid() => Valid(new NewEstimateValidator(), new NewEstimate
    {
        ContactId = "1", Currency = CurrencyCode.USD, IssueDate = Issued, Lines = [Line(100m), Line(-50m)],
    });

    [Fact]
    public void NewCreditNote_NegativeQuantity_IsValid() => Valid(new NewCreditNoteValidator(), new NewCreditNote
    {
        ContactId = "1", Currency = CurrencyCode.USD, IssueDate = Issued, Lines = [Line(100m) with { Quantity = -1m }, Line(150m)],
    });

    [Fact]
    public void NewBill_NegativeLine_IsValid() => Valid(new NewBillValidator(), new NewBill
    {
        VendorId = "1", Currency = CurrencyCode.USD, IssueDate = Issued, Lines = [BillLine(100m), BillLine(-20m)],
    });

    [Fact]
    public void NewEstimate_LineWithId_FailsOnLineId() =>
        Assert.Equal("LineIdOnCreate", FailsOn(new NewEstimateValidator(), new NewEstimate
        {
            ContactId = "1", Currency = CurrencyCode.USD, IssueDate = Issued, Lines = [Line(1m, "1")],
        }, "Lines[0].Id").ErrorCode);

    [Fact]
    public void NewCreditNote_LineWithId_FailsOnLineId() =>
        FailsOn(new NewCreditNoteValidator(), new NewCreditNote
        {
            ContactId = "1", Currency = CurrencyCode.USD, IssueDate = Issued, Lines = [Line(1m), Line(1m, "4")],
        }, "Lines[1].Id");

    [Fact]
    public void NewBill_LineWithId_FailsOnLineId() =>
        FailsOn(new NewBillValidator(), new NewBill
        {
            VendorId = "1", Currency = CurrencyCode.USD, IssueDate = Issued, Lines = [BillLine(1m, "9")],
        }, "Lines[0].Id");

    [Fact]
    public void EstimateChanges_SameLineIdTwice_FailsOnLines() =>
        Assert.Equal("DuplicateLineId", FailsOn(new EstimateChangesValidator(), new EstimateChanges { Lines = [Line(1m, "1"), Line(2m, "1")] }, "Lines").ErrorCode);

    [Fact]
    public void CreditNoteChanges_SameLineIdTwice_FailsOnLines() =>
        FailsOn(new CreditNoteChangesValidator(), new CreditNoteChanges { Lines = [Line(1m, "2"), Line(2m), Line(3m, "2")] }, "Lines");

    [Fact]
    public void BillChanges_SameLineIdTwice_FailsOnLines() =>
        FailsOn(new BillChangesValidator(), new BillChanges { Lines = [BillLine(1m, "5"), BillLine(2m, "5")] }, "Lines");

    [Fact]
    public void Changes_LinesGivenBackByIdWithNewOnes_AreValid()
    {
        Valid(new EstimateChangesValidator(), new EstimateChanges { Lines = [Line(1m, "1"), Line(-2m, "2"), Line(3m)] });
        Valid(new CreditNoteChangesValidator(), new CreditNoteChanges { Lines = [Line(-1m, "1"), Line(3m)] });
        Valid(new BillChangesValidator(), new BillChanges { Lines = [BillLine(-1m, "1"), BillLine(3m)] });
    }

    [Fact]
    public void ToNewLine_InvoiceLine_KeepsEveryFieldAndTheId()
    {
        var line = new InvoiceLine
        {
            Id = "3", Name = "Deposit", Description = "Received 2024-04-01", Quantity = 1m, UnitPrice = Usd(-50m), Amount = Usd(-50m),
            Taxes = [new LineTax("HST", 13m)],
        };

        var back = line.ToNewLine();

        Assert.Equal(new NewInvoiceLine
        {
            Id = "3", Name = "Deposit", Description = "Received 2024-04-01", Quantity = 1m, UnitPrice = Usd(-50m), Taxes = line.Taxes,
        }, back);
    }

    [Fact]
    public void ToNewLine_BillLine_KeepsEveryFieldAndTheId()
    {
        var line = new BillLine
        {
            Id = "8", Description = "Refund", Quantity = -2m, UnitPrice = Usd(5m), Amount = Usd(-10m), CategoryId = "12",
            Taxes = [new LineTax("GST", 5m)],
        };

        Assert.Equal(new NewBillLine
        {
            Id = "8", Description = "Refund", Quantity = -2m, UnitPrice = Usd(5m), CategoryId = "12", Taxes = line.Taxes,
        }, line.ToNewLine());
    }
}
