using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.Records;

public sealed class RecordStateTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    private IContactStore Contacts => _harness.Ledger.Contacts;

    private async Task<(Contact Active, Contact Archived, Contact Deleted)> ThreeStatesAsync()
    {
        var active = await _harness.ContactAsync("Active");
        var archived = await Contacts.ArchiveAsync((await _harness.ContactAsync("Archived")).Id);
        var deleted = await _harness.ContactAsync("Deleted");
        await Contacts.DeleteAsync(deleted.Id);
        return (active, archived, await Contacts.GetAsync(deleted.Id));
    }

    [Fact]
    public async Task ArchiveAsync_Active_IsArchivedAndStamped()
    {
        var contact = await _harness.ContactAsync();
        _harness.Time.Advance(TimeSpan.FromSeconds(7));

        var archived = await Contacts.ArchiveAsync(contact.Id);

        Assert.Equal(RecordState.Archived, archived.State);
        Assert.Equal(Start.AddSeconds(7), archived.UpdatedAt);
        Assert.Equal(archived, await Contacts.GetAsync(contact.Id));
    }

    [Fact]
    public async Task DeleteAsync_SoftDelete_StaysReadableAsDeleted()
    {
        var (_, _, deleted) = await ThreeStatesAsync();

        Assert.Equal(RecordState.Deleted, deleted.State);
        Assert.Equal("Deleted", deleted.Organization);
    }

    [Fact]
    public async Task ListAsync_Default_ReturnsActiveOnly()
    {
        var (active, _, _) = await ThreeStatesAsync();

        var listed = await AllAsync(Contacts.ListAsync());

        Assert.Equal([active.Id], listed.Select(c => c.Id));
    }

    [Theory]
    [InlineData(RecordStates.Archived, "Archived")]
    [InlineData(RecordStates.Deleted, "Deleted")]
    [InlineData(RecordStates.NotDeleted, "Active,Archived")]
    [InlineData(RecordStates.All, "Active,Archived,Deleted")]
    [InlineData(RecordStates.Active | RecordStates.Deleted, "Active,Deleted")]
    public async Task ListAsync_States_SelectsExactlyThoseStates(RecordStates states, string expected)
    {
        await ThreeStatesAsync();

        var listed = await AllAsync(Contacts.ListAsync(new ContactQuery { States = states }));

        Assert.Equal(expected, string.Join(',', listed.Select(c => c.Organization)));
    }

    [Fact]
    public async Task UpdateAsync_Deleted_ThrowsRecordDeleted()
    {
        var (_, _, deleted) = await ThreeStatesAsync();

        var error = await Assert.ThrowsAsync<RecordDeletedException>(
            () => Contacts.UpdateAsync(deleted.Id, new ContactChanges { Notes = "x" }));

        Assert.Equal(EntityKind.Contact, error.Entity);
        Assert.Equal(deleted.Id, error.Id);
    }

    [Fact]
    public async Task ArchiveAsync_Deleted_ThrowsRecordDeleted()
    {
        var (_, _, deleted) = await ThreeStatesAsync();

        await Assert.ThrowsAsync<RecordDeletedException>(() => Contacts.ArchiveAsync(deleted.Id));
    }

    [Fact]
    public async Task RestoreAsync_ArchivedOrDeleted_BecomesActive()
    {
        var (_, archived, deleted) = await ThreeStatesAsync();

        var restoredArchived = await Contacts.RestoreAsync(archived.Id);
        var restoredDeleted = await Contacts.RestoreAsync(deleted.Id);

        Assert.Equal(RecordState.Active, restoredArchived.State);
        Assert.Equal(RecordState.Active, restoredDeleted.State);
        Assert.Equal(3, (await AllAsync(Contacts.ListAsync())).Count);
        Assert.Equal("x", (await Contacts.UpdateAsync(deleted.Id, new ContactChanges { Notes = "x" })).Notes);
    }

    [Fact]
    public async Task GetAsync_MissingId_ThrowsNotFoundWithEntityAndId()
    {
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => _harness.Ledger.Expenses.GetAsync("42"));

        Assert.Equal(EntityKind.Expense, error.Entity);
        Assert.Equal("42", error.Id);
    }

    [Fact]
    public async Task ListAsync_UpdatedSince_ReturnsRecordsChangedAtOrAfterExactly()
    {
        await _harness.ContactAsync("Old");
        _harness.Time.Advance(TimeSpan.FromTicks(1));
        var since = _harness.Time.GetUtcNow();
        var boundary = await _harness.ContactAsync("Boundary");
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var later = await _harness.ContactAsync("Later");

        var listed = await AllAsync(Contacts.ListAsync(new ContactQuery { UpdatedSince = since }));

        Assert.Equal([boundary.Id, later.Id], listed.Select(c => c.Id));
    }

    [Fact]
    public async Task ListAsync_UpdatedSince_SeesUpdatedOldRecord()
    {
        var old = await _harness.ContactAsync("Old");
        _harness.Time.Advance(TimeSpan.FromHours(1));
        var since = _harness.Time.GetUtcNow();
        await Contacts.UpdateAsync(old.Id, new ContactChanges { Notes = "touched" });

        var listed = await AllAsync(Contacts.ListAsync(new ContactQuery { UpdatedSince = since }));

        Assert.Equal([old.Id], listed.Select(c => c.Id));
    }

    [Fact]
    public async Task ArchiveAsync_ProviderWithoutArchive_IsRefusedBeforeTheStore()
    {
        using var harness = new LedgerHarness(o => o.ConfigureStore(EntityKind.Invoice, s => s with { Operations = StoreOperations.ReadWrite }));
        var invoice = await harness.InvoiceAsync();

        var error = await Assert.ThrowsAsync<OperationNotSupportedException>(() => harness.Ledger.Invoices.ArchiveAsync(invoice.Id));

        Assert.Equal(EntityKind.Invoice, error.Entity);
        Assert.Equal(RecordState.Active, (await harness.Ledger.Invoices.GetAsync(invoice.Id)).State);
    }

    [Fact]
    public async Task ListAsync_ProviderWithoutFilter_IsRefused()
    {
        using var harness = new LedgerHarness(o => o.ConfigureStore(EntityKind.Contact, s => s with { Filters = new HashSet<string>() }));

        await Assert.ThrowsAsync<OperationNotSupportedException>(
            () => harness.Ledger.Contacts.ListPageAsync(new ContactQuery { Email = "a@example.com" }));
    }

    public void Dispose() => _harness.Dispose();
}
