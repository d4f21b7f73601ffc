using System.Text.Json;
using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Contacts over loopback HTTP against the Xero sandbox.</summary>
public sealed class ContactStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_FullContact_RoundTripsThroughXero()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();

        var created = await ledger.Contacts.CreateAsync(new NewContact
        {
            FirstName = "Ada",
            LastName = "Lovelace",
            Organization = "Analytical Engines Ltd",
            Email = "ada@example.com",
            Phones = [new ContactPhone(PhoneKind.Business, "555 0100"), new ContactPhone(PhoneKind.Mobile, "555 0101")],
            BillingAddress = new PostalAddress { Street = "1 Engine Way", City = "London", PostalCode = "N1", Country = "UK" },
            Currency = Nz.Dollar,
        }, Cancellation);
        var read = await ledger.Contacts.GetAsync(created.Id, Cancellation);

        Assert.True(Guid.TryParse(created.Id, out _));
        Assert.Equivalent(created with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.Equal(("Ada", "Lovelace", "Analytical Engines Ltd", "ada@example.com"), (read.FirstName, read.LastName, read.Organization, read.Email));
        Assert.Equal([new ContactPhone(PhoneKind.Business, "555 0100"), new ContactPhone(PhoneKind.Mobile, "555 0101")], read.Phones);
        Assert.Equal(new PostalAddress { Street = "1 Engine Way", City = "London", PostalCode = "N1", Country = "UK" }, read.BillingAddress);
        Assert.Equal(Nz.Dollar, read.Currency);
        Assert.Equal(RecordState.Active, read.State);
        Assert.Equal(fixture.Sandbox.Clock.GetUtcNow().UtcDateTime, read.UpdatedAt!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
        var raw = Assert.IsType<RawJson>(read.RawRepresentation).RootElement;
        Assert.Equal("Analytical Engines Ltd", raw.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task CreateAsync_PersonWithoutOrganization_SendsFullNameAndReadsNoOrganization()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();

        var created = await ledger.Contacts.CreateAsync(new NewContact { FirstName = "Grace", LastName = "Hopper" }, Cancellation);

        Assert.Null(created.Organization);
        Assert.Equal("Grace Hopper", ((RawJson)created.RawRepresentation!).RootElement.GetProperty("Name").GetString());
        Assert.Equal("Grace Hopper", created.DisplayName);
    }

    [Fact]
    public async Task UpdateAsync_NameChange_DerivesXeroNameAgainAndKeepsTheRest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var created = await ledger.Contacts.CreateAsync(new NewContact { FirstName = "Grace", LastName = "Hopper", Email = "grace@example.com" }, Cancellation);
        fixture.Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));

        var updated = await ledger.Contacts.UpdateAsync(created.Id, new ContactChanges { LastName = "Brewster" }, Cancellation);

        Assert.Equal(("Grace", "Brewster", "grace@example.com"), (updated.FirstName, updated.LastName, updated.Email));
        Assert.Null(updated.Organization);
        Assert.Equal("Grace Brewster", ((RawJson)updated.RawRepresentation!).RootElement.GetProperty("Name").GetString());
        Assert.True(updated.UpdatedAt > created.UpdatedAt);
    }

    [Fact]
    public async Task ArchiveAsync_ThenRestore_MovesContactStatusAndDefaultListing()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var kept = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Kept" }, Cancellation);
        var archived = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Archived" }, Cancellation);

        var afterArchive = await ledger.Contacts.ArchiveAsync(archived.Id, Cancellation);
        var active = await ToListAsync(ledger.Contacts.ListAsync(null, Cancellation));
        var onlyArchived = await ToListAsync(ledger.Contacts.ListAsync(new ContactQuery { States = RecordStates.Archived }, Cancellation));
        var restored = await ledger.Contacts.RestoreAsync(archived.Id, Cancellation);

        Assert.Equal(RecordState.Archived, afterArchive.State);
        Assert.Equal([kept.Id], active.Select(c => c.Id));
        Assert.Equal([archived.Id], onlyArchived.Select(c => c.Id));
        Assert.Equal(RecordState.Active, restored.State);
    }

    [Fact]
    public async Task DeleteAsync_Contact_IsRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var before = fixture.AccountingRequests().Count;

        var refused = await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Contacts.DeleteAsync(Guid.NewGuid().ToString(), Cancellation));

        Assert.Equal(EntityKind.Contact, refused.Entity);
        Assert.Equal(before, fixture.AccountingRequests().Count);
    }

    [Fact]
    public async Task CreateAsync_NotesOrHomePhone_AreRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var before = fixture.AccountingRequests().Count;

        var notes = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "N", Notes = "hello" }, Cancellation));
        var home = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Contacts.CreateAsync(
            new NewContact { Organization = "H", Phones = [new ContactPhone(PhoneKind.Home, "1")] }, Cancellation));

        Assert.Equal(nameof(NewContact.Notes), Assert.Single(notes.Errors).Field);
        Assert.Equal(nameof(NewContact.Phones), Assert.Single(home.Errors).Field);
        Assert.Equal(before, fixture.AccountingRequests().Count);
    }

    [Fact]
    public async Task CreateAsync_DuplicateName_IsXerosValidationErrorOnTheOrganization()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        await ledger.Contacts.CreateAsync(new NewContact { Organization = "Twice Ltd" }, Cancellation);

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "Twice Ltd" }, Cancellation));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(NewContact.Organization), error.Field);
        Assert.Contains("already assigned", error.Message, StringComparison.Ordinal);
        Assert.Equal(("Xero", 400, "ValidationException"), (refused.Provider, refused.StatusCode, refused.ProviderCode));
    }

    [Fact]
    public async Task ListAsync_Filters_AreSentToXeroAndExact()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var match = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Northwind Traders", Email = "sales@northwind.test" }, Cancellation);
        await ledger.Contacts.CreateAsync(new NewContact { Organization = "Southwind", Email = "sales@southwind.test" }, Cancellation);
        fixture.Sandbox.ClearRequests();

        var byEmail = await ToListAsync(ledger.Contacts.ListAsync(new ContactQuery { Email = "SALES@northwind.test" }, Cancellation));
        var byOrganization = await ToListAsync(ledger.Contacts.ListAsync(new ContactQuery { OrganizationContains = "north" }, Cancellation));

        Assert.Equal([match.Id], byEmail.Select(c => c.Id));
        Assert.Equal([match.Id], byOrganization.Select(c => c.Id));
        var queries = fixture.AccountingRequests().Select(r => Uri.UnescapeDataString(r.Query)).ToArray();
        Assert.Contains(queries, q => q.Contains("EmailAddress==\"SALES@northwind.test\"", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("Name.Contains(\"north\")", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_UpdatedSince_SendsIfModifiedSinceAndFiltersExactly()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var old = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Old" }, Cancellation);
        fixture.Sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var recent = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Recent" }, Cancellation);

        var listed = await ToListAsync(ledger.Contacts.ListAsync(new ContactQuery { UpdatedSince = recent.UpdatedAt }, Cancellation));

        Assert.Equal([recent.Id], listed.Select(c => c.Id));
        Assert.NotEqual(old.Id, recent.Id);
    }

    [Fact]
    public async Task ListAsync_ManyPages_ReadsEveryPageWithUnitDpAndTenantHeader()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        fixture.Sandbox.SeedContacts(fixture.TenantId, 230);
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.ClearRequests();

        var all = await ToListAsync(ledger.Contacts.ListAsync(null, Cancellation));

        Assert.Equal(230, all.Count);
        Assert.Equal(230, all.Select(c => c.Id).Distinct().Count());
        var pages = fixture.AccountingRequests();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, r => Assert.Contains("unitdp=4", r.Query, StringComparison.Ordinal));
        Assert.All(pages, r => Assert.Equal(fixture.TenantId.ToString(), r.TenantId));

        // Every request after the first overlaps the last record read: page 2 at 99 a page, then the window reaching 230.
        var windows = PageWindows.After(100, 230).Prepend(new PageWindow(1, 100));
        Assert.Equal(
            windows.Select(w => $"{w.Page}@{w.PerPage}"),
            pages.Select(r => System.Web.HttpUtility.ParseQueryString(r.Query)).Select(q => $"{q["page"]}@{q["pageSize"]}"));
    }

    [Fact]
    public async Task ListPageAsync_Cursor_WalksPagesWithTotal()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        fixture.Sandbox.SeedContacts(fixture.TenantId, 5);
        var ledger = await fixture.OpenAsync();

        var first = await ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = 2 }, null, Cancellation);
        var second = await ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = 2 }, first.NextCursor, Cancellation);
        var third = await ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = 2 }, second.NextCursor, Cancellation);

        Assert.Equal((2, 2, 1), (first.Items.Count, second.Items.Count, third.Items.Count));
        Assert.Equal(5, first.TotalCount);
        Assert.Null(third.NextCursor);
        Assert.Empty(first.Items.Select(c => c.Id).Intersect(second.Items.Select(c => c.Id)));
    }

    [Fact]
    public async Task GetAsync_NotAGuid_IsNotFoundWithoutARequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var before = fixture.AccountingRequests().Count;

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Contacts.GetAsync("CONTACT-1", Cancellation));

        Assert.Equal((EntityKind.Contact, "CONTACT-1"), (missing.Entity, missing.Id));
        Assert.Equal(before, fixture.AccountingRequests().Count);
    }

    [Fact]
    public async Task GetAsync_UnknownGuid_IsXerosPlainText404AsNotFound()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var id = Guid.NewGuid().ToString();

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Contacts.GetAsync(id, Cancellation));

        Assert.Equal((EntityKind.Contact, id, 404), (missing.Entity, missing.Id, missing.StatusCode));
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
