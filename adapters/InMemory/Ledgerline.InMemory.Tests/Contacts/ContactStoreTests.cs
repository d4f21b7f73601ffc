using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.Contacts;

public sealed class ContactStoreTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    private IContactStore Contacts => _harness.Ledger.Contacts;

    [Fact]
    public async Task CreateAsync_FullDraft_KeepsEveryField()
    {
        var draft = new NewContact
        {
            FirstName = "Ada",
            LastName = "Lovelace",
            Organization = "Analytical Engines",
            Email = "ada@example.com",
            Phones = [new ContactPhone(PhoneKind.Mobile, "+44 20 0000 0000")],
            BillingAddress = new PostalAddress { Street = "1 Main St", City = "London", Country = "UK" },
            Currency = CurrencyCode.GBP,
            Notes = "VIP",
        };

        var contact = await Contacts.CreateAsync(draft);

        Assert.Equal("1", contact.Id);
        Assert.Equal(("Ada", "Lovelace", "Analytical Engines", "ada@example.com"), (contact.FirstName, contact.LastName, contact.Organization, contact.Email));
        Assert.Equal(draft.Phones, contact.Phones);
        Assert.Equal(draft.BillingAddress, contact.BillingAddress);
        Assert.Equal(CurrencyCode.GBP, contact.Currency);
        Assert.Equal("VIP", contact.Notes);
        Assert.Equal(RecordState.Active, contact.State);
        Assert.Equal(Start, contact.UpdatedAt);
    }

    [Fact]
    public async Task CreateAsync_Several_GetsIncreasingIds()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _harness.ContactAsync($"Org {i}")).Id);
        }

        Assert.Equal(["1", "2", "3"], ids);
    }

    [Fact]
    public async Task UpdateAsync_NullKeepsEmptyClears()
    {
        var contact = await Contacts.CreateAsync(new NewContact { FirstName = "Ada", Organization = "Engines", Notes = "n" });

        var updated = await Contacts.UpdateAsync(contact.Id, new ContactChanges { Notes = string.Empty, Email = "ada@example.com" });

        Assert.Equal("Ada", updated.FirstName);
        Assert.Equal("Engines", updated.Organization);
        Assert.Null(updated.Notes);
        Assert.Equal("ada@example.com", updated.Email);
    }

    [Fact]
    public async Task UpdateAsync_ClearingEveryName_ThrowsOnOrganization()
    {
        var contact = await Contacts.CreateAsync(new NewContact { Organization = "Engines" });

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Contacts.UpdateAsync(contact.Id, new ContactChanges { Organization = string.Empty }));

        Assert.Equal("Organization", Assert.Single(error.Errors).Field);
        Assert.Equal("Engines", (await Contacts.GetAsync(contact.Id)).Organization);
    }

    [Fact]
    public async Task UpdateAsync_Phones_ReplacesAll()
    {
        var contact = await Contacts.CreateAsync(new NewContact { Organization = "X", Phones = [new ContactPhone(PhoneKind.Business, "1")] });

        var updated = await Contacts.UpdateAsync(contact.Id, new ContactChanges { Phones = [new ContactPhone(PhoneKind.Fax, "2")] });

        Assert.Equal([new ContactPhone(PhoneKind.Fax, "2")], updated.Phones);
    }

    [Fact]
    public async Task ListAsync_EmailFilter_MatchesExactlyIgnoringCase()
    {
        var ada = await _harness.ContactAsync("A", "ada@example.com");
        await _harness.ContactAsync("B", "adam@example.com");

        var listed = await AllAsync(Contacts.ListAsync(new ContactQuery { Email = "ADA@example.com" }));

        Assert.Equal([ada.Id], listed.Select(c => c.Id));
    }

    [Fact]
    public async Task ListAsync_OrganizationContains_MatchesSubstringIgnoringCase()
    {
        var acme = await _harness.ContactAsync("Acme Widgets");
        await _harness.ContactAsync("Globex");
        var other = await _harness.ContactAsync("Super ACME");
        await Contacts.CreateAsync(new NewContact { FirstName = "No organization" });

        var listed = await AllAsync(Contacts.ListAsync(new ContactQuery { OrganizationContains = "acme" }));

        Assert.Equal([acme.Id, other.Id], listed.Select(c => c.Id));
    }

    public void Dispose() => _harness.Dispose();
}
