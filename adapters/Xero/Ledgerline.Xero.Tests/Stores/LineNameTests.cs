using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>
/// Xero keeps a sales line's name and description in one <c>Description</c> (the name, then the description after a line
/// break), so a name with a line break would read back split: refused before any request on every document that writes it.
/// </summary>
public sealed class LineNameTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly NewInvoiceLine Broken = new() { Name = "Part 1\nPart 2", Description = "desc", Quantity = 1m, UnitPrice = new Money(10m, Nz.Dollar) };

    [Fact]
    public async Task LineBreakInAName_IsRefusedOnTheLineBeforeAnyRequest_WhileOneInTheDescriptionRoundTrips()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Line Breaks Ltd" }, Cancellation);
        var good = Broken with { Name = "Part 1", Description = "Part 2\nPart 3" };
        var invoice = await ledger.Invoices.CreateAsync(new NewInvoice { ContactId = contact.Id, Currency = Nz.Dollar, IssueDate = new DateOnly(2026, 3, 2), Lines = [good] }, Cancellation);
        fixture.Sandbox.ClearRequests();

        var onInvoice = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.CreateAsync(
            new NewInvoice { ContactId = contact.Id, Currency = Nz.Dollar, IssueDate = new DateOnly(2026, 3, 2), Lines = [good, Broken with { Name = "A\r\nB" }] }, Cancellation));
        var onChange = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { Lines = [Broken] }, Cancellation));
        var onQuote = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.CreateAsync(
            new NewEstimate { ContactId = contact.Id, Currency = Nz.Dollar, IssueDate = new DateOnly(2026, 3, 2), Lines = [Broken] }, Cancellation));
        var onNote = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.CreateAsync(
            new NewCreditNote { ContactId = contact.Id, Currency = Nz.Dollar, IssueDate = new DateOnly(2026, 3, 2), Lines = [Broken] }, Cancellation));

        Assert.Equal(("Lines[1].Name", "LineBreakInName"), (Assert.Single(onInvoice.Errors).Field, onInvoice.Errors[0].Code));
        Assert.All([onChange, onQuote, onNote], e => Assert.Equal(("Lines[0].Name", "LineBreakInName"), (Assert.Single(e.Errors).Field, e.Errors[0].Code)));
        Assert.Empty(fixture.AccountingRequests());
        Assert.Equal(("Part 1", "Part 2\nPart 3"), (invoice.Lines[0].Name, invoice.Lines[0].Description));
    }
}
