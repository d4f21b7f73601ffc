using System.Text.Json;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

public sealed class ContactStoreTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_FullContact_RoundTripsOverHttp()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var created = await ledger.Contacts.CreateAsync(new NewContact
        {
            FirstName = "Grace",
            LastName = "Hopper",
            Organization = "Compilers Inc.",
            Email = "grace@compilers.example",
            Phones = [new ContactPhone(PhoneKind.Business, "555-0100"), new ContactPhone(PhoneKind.Mobile, "555-0101")],
            BillingAddress = new PostalAddress { Street = "1 Navy Way", City = "Arlington", Region = "VA", PostalCode = "22202", Country = "United States" },
            Currency = CurrencyCode.CAD,
            Notes = "VIP",
        }, Ct);

        var fetched = await ledger.Contacts.GetAsync(created.Id, Ct);

        Assert.Equal(created.Id, fetched.Id);
        Assert.Equal(created.UpdatedAt, fetched.UpdatedAt);
        Assert.Equal("Grace", fetched.FirstName);
        Assert.Equal("Compilers Inc.", fetched.Organization);
        Assert.Equal(2, fetched.Phones.Count);
        Assert.Equal("Arlington", fetched.BillingAddress?.City);
        Assert.Equal(CurrencyCode.CAD, fetched.Currency);
        Assert.Equal(RecordState.Active, fetched.State);
        Assert.Equal(TimeSpan.Zero, fetched.UpdatedAt?.Offset);
        Assert.IsType<RawJson>(fetched.RawRepresentation);
    }

    [Fact]
    public async Task UpdateAsync_OnlyNamedFields_OthersKept()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var created = await ledger.Contacts.CreateAsync(new NewContact { FirstName = "Alan", Email = "alan@example.test", Notes = "keep" }, Ct);

        var updated = await ledger.Contacts.UpdateAsync(created.Id, new ContactChanges { LastName = "Turing", Notes = "" }, Ct);

        Assert.Equal("Alan", updated.FirstName);
        Assert.Equal("Turing", updated.LastName);
        Assert.Equal("alan@example.test", updated.Email);
        Assert.Null(updated.Notes);
    }

    [Fact]
    public async Task ArchiveDeleteRestore_StatesFollowVisState()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "State Machine Co." }, Ct);

        var archived = await ledger.Contacts.ArchiveAsync(contact.Id, Ct);
        var defaultList = await ledger.Contacts.ListAsync(new ContactQuery { OrganizationContains = "State Machine" }, Ct).ToListAsync(Ct);
        var archivedList = await ledger.Contacts.ListAsync(new ContactQuery { OrganizationContains = "State Machine", States = RecordStates.Archived }, Ct).ToListAsync(Ct);
        await ledger.Contacts.DeleteAsync(contact.Id, Ct);
        var deleted = await ledger.Contacts.GetAsync(contact.Id, Ct);
        var updateDeleted = await Assert.ThrowsAsync<RecordDeletedException>(() => ledger.Contacts.UpdateAsync(contact.Id, new ContactChanges { Notes = "x" }, Ct));
        var restored = await ledger.Contacts.RestoreAsync(contact.Id, Ct);

        Assert.Equal(RecordState.Archived, archived.State);
        Assert.DoesNotContain(defaultList, c => c.Id == contact.Id);
        Assert.Contains(archivedList, c => c.Id == contact.Id);
        Assert.Equal(RecordState.Deleted, deleted.State);
        Assert.Equal(contact.Id, updateDeleted.Id);
        Assert.Equal(RecordState.Active, restored.State);
    }

    [Fact]
    public async Task StateChange_SentAlone_VisStateIsTheOnlyField()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Alone Ltd." }, Ct);
        fixture.Ledgers.Sandbox.ClearRequests();

        await ledger.Contacts.ArchiveAsync(contact.Id, Ct);

        var put = Assert.Single(fixture.Ledgers.Sandbox.Requests, r => r.Method == "PUT");
        Assert.EndsWith("/users/clients/" + contact.Id, put.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_MissingOrNonNumericId_RecordNotFound()
    {
        var ledger = await fixture.Ledgers.OpenAsync();

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Contacts.GetAsync("99999999", Ct));
        var junk = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Contacts.GetAsync("not-a-number", Ct));

        Assert.Equal(EntityKind.Contact, missing.Entity);
        Assert.Equal("99999999", missing.Id);
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("not-a-number", junk.Id);
    }

    [Fact]
    public async Task ListAsync_EmailFilter_ExactCaseInsensitiveMatch()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var wanted = await ledger.Contacts.CreateAsync(new NewContact { Email = $"Find.Me.{unique}@example.test" }, Ct);
        await ledger.Contacts.CreateAsync(new NewContact { Email = $"other.{unique}@example.test" }, Ct);

        var found = await ledger.Contacts.ListAsync(new ContactQuery { Email = $"find.me.{unique}@EXAMPLE.test" }, Ct).ToListAsync(Ct);

        Assert.Equal(wanted.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task ListAsync_UpdatedSince_ExactInstantAfterDayFilter()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var before = await ledger.Contacts.CreateAsync(new NewContact { Organization = $"Before {tag}" }, Ct);
        fixture.Ledgers.Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        var after = await ledger.Contacts.CreateAsync(new NewContact { Organization = $"After {tag}" }, Ct);

        var changed = await ledger.Contacts.ListAsync(new ContactQuery { OrganizationContains = tag, UpdatedSince = after.UpdatedAt }, Ct).ToListAsync(Ct);

        Assert.Equal([after.Id], changed.Select(c => c.Id));
        Assert.True(before.UpdatedAt < after.UpdatedAt);
        Assert.Contains(fixture.Ledgers.RequestsTo("/accounting"), r => r.Query.Contains("search%5Bupdated_min%5D", StringComparison.Ordinal) || r.Query.Contains("search[updated_min]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_ScopeNotGranted_PermissionDeniedBeforeAnyRequest()
    {
        var ledger = await fixture.Ledgers.OpenAsync(scopes: ["user:profile:read", "user:clients:read"]);
        fixture.Ledgers.Sandbox.ClearRequests();

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "Nope" }, Ct));

        Assert.Equal("user:clients:write", denied.RequiredScope);
        Assert.Equal("FreshBooks", denied.Provider);
        Assert.Empty(fixture.Ledgers.Sandbox.Requests);
    }

    [Fact]
    public async Task CreateAsync_ProviderValidation_LedgerValidationWithCanonicalField()
    {
        // The raw provider, below Ledgerline's own validation, so FreshBooks itself refuses the e-mail.
        var ledger = await fixture.Ledgers.OpenRawAsync();

        var invalid = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Contacts.CreateAsync(new NewContact { Organization = "Bad Mail", Email = "no-at-sign" }, Ct));

        Assert.Equal("FreshBooks", invalid.Provider);
        Assert.Contains(invalid.Errors, e => e.Field == "Email");
    }
}
