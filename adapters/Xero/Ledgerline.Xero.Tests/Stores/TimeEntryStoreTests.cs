using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ProjectStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Time entries over loopback HTTP against the Xero sandbox's Projects API.</summary>
public sealed class TimeEntryStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private sealed record Setup(ILedger Ledger, string ContactId, string ProjectId, string TimeTask, string AdminTask, string UserId);

    private static async Task<Setup> SetUpAsync(XeroLedgerFixture fixture)
    {
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);
        var project = (await ledger.Projects.CreateAsync(Draft(contact), Cancellation)).Id;
        var timeTask = fixture.Sandbox.AddProjectTask(fixture.TenantId, Guid.Parse(project), "Design", "TIME", 150m).ToString();
        var adminTask = fixture.Sandbox.AddProjectTask(fixture.TenantId, Guid.Parse(project), "Admin", "NON_CHARGEABLE").ToString();
        return new Setup(ledger, contact, project, timeTask, adminTask, fixture.Sandbox.ProjectsUserIds(fixture.TenantId)[0].ToString());
    }

    private static NewTimeEntry Entry(Setup s, int hour = 9, bool billable = true) => new()
    {
        StartedAt = new DateTimeOffset(2026, 11, 2, hour, 0, 0, TimeSpan.Zero),
        Duration = TimeSpan.FromMinutes(90),
        Billable = billable,
        ProjectId = s.ProjectId,
        TaskId = billable ? s.TimeTask : s.AdminTask,
        UserId = s.UserId,
        Note = "Network design",
    };

    [Fact]
    public async Task CreateAsync_RoundTripsInMinutes_WithTheProjectsContactAndAnIdNamingTheProject()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var s = await SetUpAsync(fixture);

        var created = await s.Ledger.TimeEntries.CreateAsync(Entry(s) with { StartedAt = new DateTimeOffset(2026, 11, 2, 22, 0, 0, TimeSpan.FromHours(13)) }, Cancellation);
        var read = await s.Ledger.TimeEntries.GetAsync(created.Id, Cancellation);

        Assert.Equivalent(created with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.StartsWith(s.ProjectId + ":", read.Id, StringComparison.Ordinal);
        Assert.Equal((new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(90)), (read.StartedAt, read.Duration));
        Assert.Equal((true, false, false, s.ContactId), (read.Billable, read.Billed, read.IsRunning, read.ContactId));
        Assert.Equal((s.ProjectId, s.TimeTask, s.UserId, "Network design"), (read.ProjectId, read.TaskId, read.UserId, read.Note));
        Assert.Equal(90, Assert.IsType<RawJson>(read.RawRepresentation).RootElement.GetProperty("duration").GetInt32());
    }

    [Fact]
    public async Task CreateAsync_WhatXeroNeedsOrCannotTake_IsRefusedBeforeAnyRequest_NeverRounded()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var s = await SetUpAsync(fixture);
        fixture.Sandbox.ClearRequests();

        var cases = new (NewTimeEntry Draft, string Field)[]
        {
            (Entry(s) with { ProjectId = null }, nameof(NewTimeEntry.ProjectId)),
            (Entry(s) with { TaskId = null }, nameof(NewTimeEntry.TaskId)),
            (Entry(s) with { UserId = null }, nameof(NewTimeEntry.UserId)),
            (Entry(s) with { Duration = TimeSpan.FromSeconds(5415) }, nameof(NewTimeEntry.Duration)),
            (Entry(s) with { Duration = TimeSpan.FromSeconds(30) }, nameof(NewTimeEntry.Duration)),
            (Entry(s) with { UserId = "someone" }, nameof(NewTimeEntry.UserId)),
        };
        foreach (var (draft, field) in cases)
        {
            var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => s.Ledger.TimeEntries.CreateAsync(draft, Cancellation));
            Assert.Equal((field, "Xero"), (Assert.Single(refused.Errors).Field, refused.Provider));
        }

        Assert.Empty(fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task CreateAsync_BillableAgainstTheTasksChargeTypeOrAnotherContact_IsRefusedBeforeAnyWrite()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var s = await SetUpAsync(fixture);

        var billableOnAdmin = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            s.Ledger.TimeEntries.CreateAsync(Entry(s) with { TaskId = s.AdminTask }, Cancellation));
        var otherContact = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            s.Ledger.TimeEntries.CreateAsync(Entry(s) with { ContactId = Guid.NewGuid().ToString() }, Cancellation));
        var foreignTask = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            s.Ledger.TimeEntries.CreateAsync(Entry(s) with { TaskId = Guid.NewGuid().ToString() }, Cancellation));

        Assert.Equal(nameof(NewTimeEntry.Billable), Assert.Single(billableOnAdmin.Errors).Field);
        Assert.Equal(nameof(NewTimeEntry.ContactId), Assert.Single(otherContact.Errors).Field);
        Assert.Equal(nameof(NewTimeEntry.TaskId), Assert.Single(foreignTask.Errors).Field);
        Assert.DoesNotContain(fixture.Sandbox.Requests, r => r.Method == "POST" && r.Path.EndsWith("/Time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_UnknownUserOrTaskOrProject_XerosAnswerTyped()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var s = await SetUpAsync(fixture);
        var missingProject = Guid.NewGuid().ToString();
        var created = await s.Ledger.TimeEntries.CreateAsync(Entry(s), Cancellation);

        var unknownUser = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            s.Ledger.TimeEntries.CreateAsync(Entry(s) with { UserId = Guid.NewGuid().ToString() }, Cancellation));
        var unknownTask = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            s.Ledger.TimeEntries.CreateAsync(Entry(s) with { TaskId = Guid.NewGuid().ToString() }, Cancellation));
        var unknownTaskOnUpdate = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            s.Ledger.TimeEntries.UpdateAsync(created.Id, new TimeEntryChanges { TaskId = Guid.NewGuid().ToString() }, Cancellation));
        var unknownProject = await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            s.Ledger.TimeEntries.CreateAsync(Entry(s) with { ProjectId = missingProject }, Cancellation));

        // One code scheme for both: the Projects API's modelState key, whichever request found the reference unknown.
        Assert.Equal((nameof(NewTimeEntry.UserId), "model.UserId", 400, "Xero"),
            (Assert.Single(unknownUser.Errors).Field, unknownUser.Errors[0].Code, unknownUser.StatusCode, unknownUser.Provider));
        Assert.All(new[] { unknownTask, unknownTaskOnUpdate }, refused => Assert.Equal((nameof(NewTimeEntry.TaskId), "model.TaskId", "Xero"),
            (Assert.Single(refused.Errors).Field, refused.Errors[0].Code, refused.Provider)));
        Assert.Equal((EntityKind.Project, missingProject), (unknownProject.Entity, unknownProject.Id));
    }

    [Fact]
    public async Task UpdateAsync_DurationAndTask_PutsTheWholeEntry_KeepsTheNote()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var s = await SetUpAsync(fixture);
        var created = await s.Ledger.TimeEntries.CreateAsync(Entry(s), Cancellation);

        var longer = await s.Ledger.TimeEntries.UpdateAsync(created.Id, new TimeEntryChanges { Duration = TimeSpan.FromMinutes(95) }, Cancellation);
        var silentSwitch = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            s.Ledger.TimeEntries.UpdateAsync(created.Id, new TimeEntryChanges { TaskId = s.AdminTask }, Cancellation));
        var moved = await s.Ledger.TimeEntries.UpdateAsync(created.Id, new TimeEntryChanges { TaskId = s.AdminTask, Billable = false }, Cancellation);
        var subMinute = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            s.Ledger.TimeEntries.UpdateAsync(created.Id, new TimeEntryChanges { Duration = TimeSpan.FromSeconds(61) }, Cancellation));

        Assert.Equal((TimeSpan.FromMinutes(95), "Network design", true), (longer.Duration, longer.Note, longer.Billable));
        Assert.Equal(nameof(TimeEntryChanges.TaskId), Assert.Single(silentSwitch.Errors).Field);
        Assert.Equal((s.AdminTask, false, TimeSpan.FromMinutes(95), "Network design"), (moved.TaskId, moved.Billable, moved.Duration, moved.Note));
        Assert.Equal(nameof(TimeEntryChanges.Duration), Assert.Single(subMinute.Errors).Field);
    }

    [Fact]
    public async Task ListAsync_AcrossProjects_FiltersExactly_AndDeleteIsForGood()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var s = await SetUpAsync(fixture);
        var other = await ContactAsync(s.Ledger, "Bayside Club");
        var otherProject = (await s.Ledger.Projects.CreateAsync(Draft(other) with { Name = "Clubhouse" }, Cancellation)).Id;
        var otherTask = fixture.Sandbox.AddProjectTask(fixture.TenantId, Guid.Parse(otherProject), "Build", "FIXED", 800m).ToString();
        var early = await s.Ledger.TimeEntries.CreateAsync(Entry(s, 8), Cancellation);
        var admin = await s.Ledger.TimeEntries.CreateAsync(Entry(s, 10, billable: false), Cancellation);
        var club = await s.Ledger.TimeEntries.CreateAsync(Entry(s, 12) with { ProjectId = otherProject, TaskId = otherTask }, Cancellation);

        async Task<string[]> Ids(TimeEntryQuery query) => [.. (await ToListAsync(s.Ledger.TimeEntries.ListAsync(query, Cancellation))).Select(e => e.Id)];

        Assert.Equal([early.Id, admin.Id, club.Id], await Ids(new TimeEntryQuery()));
        Assert.Equal([club.Id], await Ids(new TimeEntryQuery { ContactId = other }));
        Assert.Equal([early.Id, admin.Id], await Ids(new TimeEntryQuery { ProjectId = s.ProjectId }));
        Assert.Equal([admin.Id], await Ids(new TimeEntryQuery { Billable = false }));
        Assert.Equal([early.Id, admin.Id], await Ids(new TimeEntryQuery { StartedTo = early.StartedAt.AddHours(2) }));
        Assert.Equal([admin.Id, club.Id], await Ids(new TimeEntryQuery { StartedFrom = admin.StartedAt }));
        Assert.Empty(await Ids(new TimeEntryQuery { Billed = true }));
        Assert.Empty(await Ids(new TimeEntryQuery { ProjectId = Guid.NewGuid().ToString() }));

        var first = await s.Ledger.TimeEntries.ListPageAsync(new TimeEntryQuery { PageSize = 1 }, null, Cancellation);
        var second = await s.Ledger.TimeEntries.ListPageAsync(new TimeEntryQuery { PageSize = 1 }, first.NextCursor, Cancellation);
        var third = await s.Ledger.TimeEntries.ListPageAsync(new TimeEntryQuery { PageSize = 1 }, second.NextCursor, Cancellation);
        Assert.Equal([early.Id, admin.Id, club.Id], first.Items.Concat(second.Items).Concat(third.Items).Select(e => e.Id));
        Assert.Null(third.NextCursor);
        await Assert.ThrowsAsync<InvalidCursorException>(() => s.Ledger.TimeEntries.ListPageAsync(null, "nonsense", Cancellation));

        await s.Ledger.TimeEntries.DeleteAsync(admin.Id, Cancellation);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => s.Ledger.TimeEntries.GetAsync(admin.Id, Cancellation));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => s.Ledger.TimeEntries.GetAsync("not-an-id", Cancellation));
    }
}
