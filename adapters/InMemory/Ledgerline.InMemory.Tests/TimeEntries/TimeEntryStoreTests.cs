using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.TimeEntries;

public sealed class TimeEntryStoreTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    private ITimeEntryStore TimeEntries => _harness.Ledger.TimeEntries;

    private Task<TimeEntry> EntryAsync(int day, bool billable = false, string? contactId = null, string? projectId = null) =>
        TimeEntries.CreateAsync(new NewTimeEntry
        {
            StartedAt = new DateTimeOffset(2024, 5, day, 9, 0, 0, TimeSpan.Zero),
            Duration = TimeSpan.FromMinutes(90),
            Billable = billable,
            ContactId = contactId,
            ProjectId = projectId,
        });

    [Fact]
    public async Task CreateAsync_TaskAndUser_AreKeptAndTheTaskChanges()
    {
        var entry = await TimeEntries.CreateAsync(new NewTimeEntry
        {
            StartedAt = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero),
            Duration = TimeSpan.FromHours(1),
            TaskId = "task-1",
            UserId = "user-7",
        });

        var changed = await TimeEntries.UpdateAsync(entry.Id, new TimeEntryChanges { TaskId = "task-2" });

        Assert.Equal(("task-1", "user-7"), (entry.TaskId, entry.UserId));
        Assert.Equal(("task-2", "user-7"), (changed.TaskId, changed.UserId));
        Assert.Equal(("task-2", "user-7"), ((await TimeEntries.GetAsync(entry.Id)).TaskId, (await TimeEntries.GetAsync(entry.Id)).UserId));
    }

    [Fact]
    public async Task CreateAsync_OffsetStart_IsStoredInUtc()
    {
        var entry = await TimeEntries.CreateAsync(new NewTimeEntry
        {
            StartedAt = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(-4)),
            Duration = TimeSpan.FromHours(1),
            Billable = true,
            Note = "Design",
        });

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 13, 0, 0, TimeSpan.Zero), entry.StartedAt);
        Assert.Equal(TimeSpan.Zero, entry.StartedAt.Offset);
        Assert.Equal(TimeSpan.FromHours(1), entry.Duration);
        Assert.False(entry.IsRunning);
        Assert.True(entry.Billable);
        Assert.False(entry.Billed);
        Assert.Equal("Design", entry.Note);
    }

    [Fact]
    public async Task CreateAsync_UnknownProjectOrContact_IsTypedNotFound()
    {
        var project = await Assert.ThrowsAsync<RecordNotFoundException>(() => EntryAsync(1, projectId: "404"));
        var contact = await Assert.ThrowsAsync<RecordNotFoundException>(() => EntryAsync(1, contactId: "404"));

        Assert.Equal((EntityKind.Project, EntityKind.Contact), (project.Entity, contact.Entity));
    }

    [Fact]
    public async Task UpdateAsync_Duration_ChangesOnlyDuration()
    {
        var entry = await EntryAsync(1, billable: true);

        var updated = await TimeEntries.UpdateAsync(entry.Id, new TimeEntryChanges { Duration = TimeSpan.FromMinutes(30) });

        Assert.Equal(TimeSpan.FromMinutes(30), updated.Duration);
        Assert.True(updated.Billable);
        Assert.Equal(entry.StartedAt, updated.StartedAt);
    }

    [Fact]
    public async Task ListAsync_StartedRangeIsInclusive()
    {
        var e1 = await EntryAsync(1);
        var e2 = await EntryAsync(2);
        await EntryAsync(3);

        var listed = await AllAsync(TimeEntries.ListAsync(new TimeEntryQuery { StartedFrom = e1.StartedAt, StartedTo = e2.StartedAt }));

        Assert.Equal([e1.Id, e2.Id], listed.Select(e => e.Id));
    }

    [Fact]
    public async Task ListAsync_ContactProjectBillableAndBilledFilters_SelectMatchingEntries()
    {
        var c1 = (await _harness.ContactAsync("C1")).Id;
        var c2 = (await _harness.ContactAsync("C2")).Id;
        var p1 = (await _harness.Ledger.Projects.CreateAsync(new NewProject { Name = "P1" })).Id;
        var p2 = (await _harness.Ledger.Projects.CreateAsync(new NewProject { Name = "P2" })).Id;
        var e1 = await EntryAsync(1, billable: true, contactId: c1, projectId: p1);
        var e2 = await EntryAsync(2, billable: false, contactId: c2, projectId: p1);
        var e3 = await EntryAsync(3, billable: true, contactId: c1, projectId: p2);

        Assert.Equal([e1.Id, e3.Id], (await AllAsync(TimeEntries.ListAsync(new TimeEntryQuery { ContactId = c1 }))).Select(e => e.Id));
        Assert.Equal([e1.Id, e2.Id], (await AllAsync(TimeEntries.ListAsync(new TimeEntryQuery { ProjectId = p1 }))).Select(e => e.Id));
        Assert.Equal([e2.Id], (await AllAsync(TimeEntries.ListAsync(new TimeEntryQuery { Billable = false }))).Select(e => e.Id));
        Assert.Equal(3, (await AllAsync(TimeEntries.ListAsync(new TimeEntryQuery { Billed = false }))).Count);
        Assert.Empty(await AllAsync(TimeEntries.ListAsync(new TimeEntryQuery { Billed = true })));
    }

    [Fact]
    public async Task DeleteAsync_WithoutSoftDelete_RemovesForGood()
    {
        using var harness = new LedgerHarness(o => o.ConfigureStore(
            EntityKind.TimeEntry, s => s with { SoftDelete = false, Operations = StoreOperations.ReadWrite | StoreOperations.Delete }));
        var store = harness.Ledger.TimeEntries;
        var entry = await store.CreateAsync(new NewTimeEntry { StartedAt = Start, Duration = TimeSpan.FromHours(1) });

        await store.DeleteAsync(entry.Id);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => store.GetAsync(entry.Id));
        Assert.Empty(await AllAsync(store.ListAsync(new TimeEntryQuery { States = RecordStates.All })));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => store.ArchiveAsync(entry.Id));
    }

    public void Dispose() => _harness.Dispose();
}
