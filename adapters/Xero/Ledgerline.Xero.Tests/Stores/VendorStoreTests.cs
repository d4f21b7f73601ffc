using System.Text.Json;
using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Vendors (Xero contacts seen from the payables side) over loopback HTTP against the Xero sandbox.</summary>
public sealed class VendorStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    internal static NewVendor Sample(string name = "Paper Mill Ltd") => new() { Name = name, Email = "accounts@paper.example", Currency = Nz.Dollar };

    [Fact]
    public async Task CreateAsync_FullVendor_RoundTripsAndIsTheSameXeroContact()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();

        var created = await ledger.Vendors.CreateAsync(Sample() with
        {
            FirstName = "Ada",
            LastName = "Supply",
            Phone = "+64 9 555 0199",
            AccountNumber = "ACC-77",
            Address = new PostalAddress { Street = "9 Dock Rd", City = "Auckland", PostalCode = "1010", Country = "New Zealand" },
        }, Cancellation);
        var read = await ledger.Vendors.GetAsync(created.Id, Cancellation);
        var asContact = await ledger.Contacts.GetAsync(created.Id, Cancellation);

        Assert.Equivalent(created with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.Equal(("Paper Mill Ltd", "Ada", "Supply", "accounts@paper.example"), (read.Name, read.FirstName, read.LastName, read.Email));
        Assert.Equal(("+64 9 555 0199", "ACC-77", Nz.Dollar), (read.Phone, read.AccountNumber, read.Currency));
        Assert.Equal(new PostalAddress { Street = "9 Dock Rd", City = "Auckland", PostalCode = "1010", Country = "New Zealand" }, read.Address);
        Assert.Null(read.Notes);
        Assert.Equal(RecordState.Active, read.State);
        Assert.Equal(("Paper Mill Ltd", "accounts@paper.example"), (asContact.Organization, asContact.Email));
        Assert.Equal("ACC-77", ((RawJson)read.RawRepresentation!).RootElement.GetProperty("AccountNumber").GetString());
    }

    [Fact]
    public async Task NotesWebsiteAndLongAccountNumber_AreRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var id = Guid.NewGuid().ToString();

        var notes = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Vendors.CreateAsync(Sample() with { Notes = "Pays on the 15th." }, Cancellation));
        var website = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Vendors.CreateAsync(Sample() with { Website = "https://paper.example" }, Cancellation));
        var clearWebsite = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Vendors.UpdateAsync(id, new VendorChanges { Website = "" }, Cancellation));
        var account = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Vendors.CreateAsync(Sample() with { AccountNumber = new string('7', 51) }, Cancellation));
        var delete = await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Vendors.DeleteAsync(id, Cancellation));

        Assert.Equal(nameof(NewVendor.Notes), Assert.Single(notes.Errors).Field);
        Assert.Equal(nameof(NewVendor.Website), Assert.Single(website.Errors).Field);
        Assert.Equal(nameof(VendorChanges.Website), Assert.Single(clearWebsite.Errors).Field);
        Assert.Equal(nameof(NewVendor.AccountNumber), Assert.Single(account.Errors).Field);
        Assert.Equal(EntityKind.Vendor, delete.Entity);
        Assert.Empty(fixture.AccountingRequests());
    }

    [Fact]
    public async Task ListAsync_EveryContactIsAVendor_ActiveByDefaultAndFilteredByName()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var customer = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Bayside Club" }, Cancellation);
        var mill = await ledger.Vendors.CreateAsync(Sample(), Cancellation);
        var archived = await ledger.Vendors.ArchiveAsync((await ledger.Vendors.CreateAsync(Sample("Old Paper Co"), Cancellation)).Id, Cancellation);

        var active = await ToListAsync(ledger.Vendors.ListAsync(cancellationToken: Cancellation));
        var paper = await ToListAsync(ledger.Vendors.ListAsync(new VendorQuery { NameContains = "PAPER", States = RecordStates.NotDeleted }, Cancellation));
        var onlyArchived = await ToListAsync(ledger.Vendors.ListAsync(new VendorQuery { States = RecordStates.Archived }, Cancellation));
        var page = await ledger.Vendors.ListPageAsync(new VendorQuery(), null, Cancellation);

        Assert.Equal([customer.Id, mill.Id], active.Select(v => v.Id));
        Assert.Equal([mill.Id, archived.Id], paper.Select(v => v.Id));
        Assert.Equal(RecordState.Archived, Assert.Single(onlyArchived).State);
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task UpdateAsync_ClearsWhatIsEmptyAndKeepsWhatIsLeftOut()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var created = await ledger.Vendors.CreateAsync(Sample() with { Phone = "555 0100", LastName = "Supply" }, Cancellation);
        fixture.Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));

        var updated = await ledger.Vendors.UpdateAsync(created.Id, new VendorChanges { Phone = "", Name = "Paper Mill (NZ) Ltd" }, Cancellation);
        var restored = await ledger.Vendors.RestoreAsync((await ledger.Vendors.ArchiveAsync(created.Id, Cancellation)).Id, Cancellation);

        Assert.Equal(("Paper Mill (NZ) Ltd", null, "Supply", "accounts@paper.example"), (updated.Name, updated.Phone, updated.LastName, updated.Email));
        Assert.True(updated.UpdatedAt > created.UpdatedAt);
        Assert.Equal(RecordState.Active, restored.State);
    }

    [Fact]
    public async Task CreateAsync_TakenName_IsXerosValidationErrorOnName()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        await ledger.Contacts.CreateAsync(new NewContact { Organization = "Paper Mill Ltd" }, Cancellation);

        var taken = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Vendors.CreateAsync(Sample(), Cancellation));

        Assert.Equal((nameof(NewVendor.Name), "ValidationException"), (Assert.Single(taken.Errors).Field, taken.ProviderCode));
    }
}
