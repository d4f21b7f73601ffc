namespace Ledgerline.ConformanceTests;

/// <summary>Time entries: UTC start, whole-second durations, fields round-trip, changes touch only what they name.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("TimeEntries")]
public abstract class TimeEntryConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Fact]
    public virtual async Task CreateAsync_FullDraft_RoundTripsEveryField()
    {
        var draft = Samples.TimeEntry(1) with { Duration = TimeSpan.FromSeconds(5415), Billable = true, Note = "Pairing session" };
        if (!await SupportedOrRefusedAsync(EntityKind.TimeEntry, StoreOperations.Create, () => Ledger.TimeEntries.CreateAsync(draft, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.TimeEntry, StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);

        var created = await Ledger.TimeEntries.CreateAsync(draft with { ContactId = contact.Id }, Cancellation);
        var read = await Ledger.TimeEntries.GetAsync(created.Id, Cancellation);

        foreach (var entry in new[] { created, read })
        {
            AssertWellFormed(entry);
            Assert.Equal(created.Id, entry.Id);
            Assert.Equal(RecordState.Active, entry.State);
            Assert.Equal(draft.StartedAt, entry.StartedAt);
            Assert.Equal(TimeSpan.Zero, entry.StartedAt.Offset);
            Assert.Equal(TimeSpan.FromSeconds(5415), entry.Duration);
            Assert.False(entry.IsRunning);
            Assert.True(entry.Billable);
            Assert.Equal(contact.Id, entry.ContactId);
            Assert.Equal("Pairing session", entry.Note);
        }
    }

    [Fact]
    public virtual async Task CreateAsync_StartWithOffset_IsReturnedAsTheSameInstantInUtc()
    {
        RequireForSetup(EntityKind.TimeEntry, StoreOperations.Create | StoreOperations.Get);
        var startedInParis = new DateTimeOffset(2025, 3, 10, 14, 30, 0, TimeSpan.FromHours(1));

        var created = await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(1, startedInParis)), Cancellation);
        var read = await Ledger.TimeEntries.GetAsync(created.Id, Cancellation);

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 13, 30, 0, TimeSpan.Zero), read.StartedAt);
        Assert.Equal(TimeSpan.Zero, read.StartedAt.Offset);
        Assert.Equal(TimeSpan.Zero, created.StartedAt.Offset);
    }

    [Fact]
    public virtual async Task UpdateAsync_Duration_LeavesTheRestAlone()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.TimeEntry, StoreOperations.Update,
            () => Ledger.TimeEntries.UpdateAsync(MissingId, new TimeEntryChanges { Duration = TimeSpan.FromHours(1) }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.TimeEntry, StoreOperations.Create | StoreOperations.Get);
        var created = await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(1) with { Billable = true }), Cancellation);

        await Ledger.TimeEntries.UpdateAsync(created.Id, new TimeEntryChanges { Duration = TimeSpan.FromMinutes(95) }, Cancellation);
        var read = await Ledger.TimeEntries.GetAsync(created.Id, Cancellation);

        Assert.Equal(TimeSpan.FromMinutes(95), read.Duration);
        Assert.Equal(created.StartedAt, read.StartedAt);
        Assert.Equal(created.Note, read.Note);
        Assert.True(read.Billable);
    }
}
