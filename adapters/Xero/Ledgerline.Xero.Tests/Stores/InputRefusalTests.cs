using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>
/// Input Xero cannot take, over loopback HTTP against the sandbox: ids that are not GUIDs and values longer than Xero
/// documents are refused before any request; values Xero refuses by JSON path come back on the canonical field.
/// </summary>
public sealed class InputRefusalTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Money Nzd(decimal amount) => new(amount, Nz.Dollar);

    private static NewInvoice Invoice(string contactId, decimal unitPrice = 10m, decimal quantity = 1m) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        Lines = [new NewInvoiceLine { Name = "Work", Quantity = quantity, UnitPrice = Nzd(unitPrice) }],
    };

    [Fact]
    public async Task NonGuidContactOrVendor_IsNotFoundBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation);
        var invoice = await ledger.Invoices.CreateAsync(Invoice(contact.Id), Cancellation);
        fixture.Sandbox.ClearRequests();

        var onCreate = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Invoices.CreateAsync(Invoice("not-a-guid"), Cancellation));
        var onUpdate = await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { ContactId = "not-a-guid" }, Cancellation));
        var onCredit = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.CreditNotes.CreateAsync(new NewCreditNote
        {
            ContactId = "not-a-guid",
            Currency = Nz.Dollar,
            IssueDate = new DateOnly(2026, 3, 2),
            Lines = [new NewInvoiceLine { Name = "Refund", Quantity = 1m, UnitPrice = Nzd(5m) }],
        }, Cancellation));

        Assert.All([onCreate, onUpdate, onCredit], e => Assert.Equal((EntityKind.Contact, "not-a-guid", "Xero"), (e.Entity, e.Id, e.Provider)));
        Assert.Empty(fixture.AccountingRequests());
    }

    [Fact]
    public async Task NumberLongerThanXeroDocuments_IsRefusedOnTheFieldBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation);
        fixture.Sandbox.ClearRequests();

        var number = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Invoices.CreateAsync(Invoice(contact.Id) with { Number = new string('9', 256) }, Cancellation));
        var name = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Contacts.CreateAsync(new NewContact { Organization = new string('a', 256) }, Cancellation));

        Assert.Equal(nameof(NewInvoice.Number), Assert.Single(number.Errors).Field);
        Assert.Equal(nameof(NewContact.Organization), Assert.Single(name.Errors).Field);
        Assert.Empty(fixture.AccountingRequests());
    }

    [Fact]
    public async Task NumberXeroDocuments_UpTo255Characters_IsWrittenAndReadBack()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation);
        var number = "INV-" + new string('7', 251);

        var created = await ledger.Invoices.CreateAsync(Invoice(contact.Id) with { Number = number }, Cancellation);
        var read = await ledger.Invoices.GetAsync(created.Id, Cancellation);

        Assert.Equal(number, created.Number);
        Assert.Equal(number, read.Number);
    }

    [Fact]
    public async Task NotesXeroFindsTooLong_AreRefusedOnTheCanonicalField()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation);

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Invoices.CreateAsync(Invoice(contact.Id) with { Notes = new string('n', 10_000) }, Cancellation));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(NewInvoice.Notes), "PostDataInvalidException", 400), (error.Field, error.Code, refused.StatusCode));
        Assert.Contains("Reference", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1000000000000000", "1", "Lines[0].UnitPrice")]
    [InlineData("79228162514264337593543950335", "1", "Lines[0].UnitPrice")]
    [InlineData("10", "1000000000000", "Lines[0].Quantity")]
    public async Task AmountsXeroCannotTake_AreRefusedOnTheCanonicalLineField(string unitPrice, string quantity, string field)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation);
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Invoices.CreateAsync(Invoice(contact.Id, decimal.Parse(unitPrice, culture), decimal.Parse(quantity, culture)), Cancellation));

        Assert.Equal((field, "Xero"), (Assert.Single(refused.Errors).Field, refused.Provider));
    }
}
