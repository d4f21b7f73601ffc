namespace Ledgerline.ConformanceTests;

/// <summary>Contacts: every field round-trips, changes touch only what they name, contact filters.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Contacts")]
public abstract class ContactConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    private static readonly NewContact FullDraft = new()
    {
        FirstName = "Grace",
        LastName = "Hopper",
        Organization = "Hopper & Co",
        Email = "grace@hopper.example",
        Phones = [new ContactPhone(PhoneKind.Business, "+1 555 0100"), new ContactPhone(PhoneKind.Mobile, "+1 555 0101")],
        BillingAddress = new PostalAddress
        {
            Street = "1 Harbour St",
            Street2 = "Suite 2",
            City = "Arlington",
            Region = "VA",
            PostalCode = "22201",
            Country = "United States",
        },
        Currency = CurrencyCode.USD,
    };

    [Fact]
    public virtual async Task CreateAsync_FullDraft_RoundTripsEveryField()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Contact, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(FullDraft, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Get);

        var created = await Ledger.Contacts.CreateAsync(FullDraft, Cancellation);
        var read = await Ledger.Contacts.GetAsync(created.Id, Cancellation);

        foreach (var contact in new[] { created, read })
        {
            AssertWellFormed(contact);
            Assert.Equal(created.Id, contact.Id);
            Assert.Equal(RecordState.Active, contact.State);
            Assert.Equal(FullDraft.FirstName, contact.FirstName);
            Assert.Equal(FullDraft.LastName, contact.LastName);
            Assert.Equal(FullDraft.Organization, contact.Organization);
            Assert.Equal(FullDraft.Email, contact.Email);
            Assert.Equal(FullDraft.Phones.OrderBy(p => p.Kind), contact.Phones.OrderBy(p => p.Kind));
            Assert.Equal(FullDraft.BillingAddress, contact.BillingAddress);
            Assert.Equal(FullDraft.Currency, contact.Currency);
            Assert.Equal("Hopper & Co", contact.DisplayName);
        }
    }

    [Fact]
    public virtual async Task CreateAsync_EmailOnly_IsAccepted()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);

        var created = await Ledger.Contacts.CreateAsync(new NewContact { Email = "only@mail.example" }, Cancellation);

        Assert.Equal("only@mail.example", created.Email);
        Assert.Equal("only@mail.example", created.DisplayName);
    }

    /// <summary>Notes are tested on their own, so that a provider whose contacts keep none (Xero) still runs the full-draft test.</summary>
    [Fact]
    public virtual async Task CreateAsync_Notes_RoundTrip()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create | StoreOperations.Get);

        var created = await Ledger.Contacts.CreateAsync(new NewContact { Organization = "Noted Ltd", Notes = "Prefers e-mail." }, Cancellation);
        var read = await Ledger.Contacts.GetAsync(created.Id, Cancellation);

        Assert.Equal("Prefers e-mail.", created.Notes);
        Assert.Equal("Prefers e-mail.", read.Notes);
    }

    [Fact]
    public virtual async Task UpdateAsync_OneField_LeavesTheOthersAlone()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Contact, StoreOperations.Update,
            () => Ledger.Contacts.UpdateAsync(MissingId, new ContactChanges { Email = "x@y.example" }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create | StoreOperations.Get);
        var created = await Ledger.Contacts.CreateAsync(FullDraft, Cancellation);

        var updated = await Ledger.Contacts.UpdateAsync(created.Id, new ContactChanges { Email = "rear.admiral@hopper.example" }, Cancellation);
        var read = await Ledger.Contacts.GetAsync(created.Id, Cancellation);

        foreach (var contact in new[] { updated, read })
        {
            Assert.Equal("rear.admiral@hopper.example", contact.Email);
            Assert.Equal(created.FirstName, contact.FirstName);
            Assert.Equal(created.LastName, contact.LastName);
            Assert.Equal(created.Organization, contact.Organization);
            Assert.Equal(created.BillingAddress, contact.BillingAddress);
            Assert.Equal(created.Notes, contact.Notes);
            Assert.Equal(created.Phones.OrderBy(p => p.Kind), contact.Phones.OrderBy(p => p.Kind));
        }
    }

    [Fact]
    public virtual async Task UpdateAsync_EmptyString_ClearsTheField()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Contact, StoreOperations.Update,
            () => Ledger.Contacts.UpdateAsync(MissingId, new ContactChanges { LastName = string.Empty }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create | StoreOperations.Get);
        var created = await Ledger.Contacts.CreateAsync(FullDraft, Cancellation);

        await Ledger.Contacts.UpdateAsync(created.Id, new ContactChanges { LastName = string.Empty }, Cancellation);
        var read = await Ledger.Contacts.GetAsync(created.Id, Cancellation);

        Assert.True(string.IsNullOrEmpty(read.LastName), $"The last name should be cleared but is '{read.LastName}'.");
        Assert.Equal(created.Email, read.Email);
        Assert.Equal(created.Organization, read.Organization);
    }

    [Fact]
    public virtual async Task UpdateAsync_AfterClockMoves_AdvancesUpdatedAt()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Contact, StoreOperations.Update,
            () => Ledger.Contacts.UpdateAsync(MissingId, new ContactChanges { LastName = "x" }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create | StoreOperations.Get);
        var created = await Ledger.Contacts.CreateAsync(FullDraft, Cancellation);
        await AdvanceClockAsync();

        var updated = await Ledger.Contacts.UpdateAsync(created.Id, new ContactChanges { LastName = "Brewster" }, Cancellation);

        Assert.True(updated.UpdatedAt > created.UpdatedAt, $"UpdatedAt stayed {created.UpdatedAt:O} after an update.");
        Assert.Equal(updated.UpdatedAt, (await Ledger.Contacts.GetAsync(created.Id, Cancellation)).UpdatedAt);
    }

    [Fact]
    public virtual async Task ListAsync_EmailFilter_MatchesIgnoringCase()
    {
        var query = new ContactQuery { Email = "GRACE@HOPPER.EXAMPLE" };
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Contact, nameof(ContactQuery.Email), () => ToListAsync(Ledger.Contacts.ListAsync(query, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        var grace = await Ledger.Contacts.CreateAsync(FullDraft, Cancellation);
        await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);

        AssertSameIds([grace.Id], await ToListAsync(Ledger.Contacts.ListAsync(query, Cancellation)));
    }

    [Fact]
    public virtual async Task ListAsync_OrganizationContains_MatchesPartOfTheName()
    {
        var query = new ContactQuery { OrganizationContains = "hopper" };
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Contact, nameof(ContactQuery.OrganizationContains), () => ToListAsync(Ledger.Contacts.ListAsync(query, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        var grace = await Ledger.Contacts.CreateAsync(FullDraft, Cancellation);
        await Ledger.Contacts.CreateAsync(Samples.Contact(1) with { Organization = "Babbage Ltd" }, Cancellation);

        AssertSameIds([grace.Id], await ToListAsync(Ledger.Contacts.ListAsync(query, Cancellation)));
    }
}
