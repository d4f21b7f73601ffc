using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ProjectStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>
/// The Projects API's lists (projects, tasks, time entries) while records move, over loopback against the sandbox. A
/// project closed while open ones are listed, or a time entry deleted, on a page already read moves every later record
/// back by one; with another added the count stays. Every request after the first overlaps the last record read, so the
/// move fails the listing typed instead of skipping the record that crossed onto the page already read.
/// </summary>
public sealed class ProjectsListingShiftTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private const string ProjectsPath = "/projects.xro/2.0/Projects";

    [Fact]
    public async Task ListAsync_ProjectClosedAndAnotherAddedWhileListingOpenOnes_FailsTypedInsteadOfSkippingOne()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);
        fixture.Sandbox.SeedProjects(fixture.TenantId, Guid.Parse(contact), 600);
        var listed = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var project in ledger.Projects.ListAsync(new ProjectQuery { IsComplete = false }, Cancellation))
            {
                if (listed.Count == 0)
                {
                    // The first 500 are read: closing one of them takes it out of the listing, and the new one keeps the count.
                    await ledger.Projects.UpdateAsync(project.Id, new ProjectChanges { IsComplete = true }, Cancellation);
                    await ledger.Projects.CreateAsync(Draft(contact) with { Name = "Late" }, Cancellation);
                }

                listed.Add(project.Id);
            }
        });

        Assert.Equal(500, listed.Count);
        Assert.Contains("records moved while listing", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("at offset 499 (page 2, 499 a page)", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("list again", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_UnchangedListingOfThreePages_EveryProjectOnceInOrder_InOverlappingWindows()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);
        var seeded = fixture.Sandbox.SeedProjects(fixture.TenantId, Guid.Parse(contact), 1001).Select(id => id.ToString()).ToList();
        fixture.Sandbox.ClearRequests();

        var listed = (await ToListAsync(ledger.Projects.ListAsync(null, Cancellation))).Select(p => p.Id).ToList();

        Assert.Equal(seeded, listed);
        // 500, then 499 more at 499 a page (page 2 repeats offset 499), then the last 3 at 6 a page (page 167 repeats 996–997).
        Assert.Equal(["page=1&pageSize=500", "page=2&pageSize=499", "page=167&pageSize=6"],
            fixture.Sandbox.Requests.Where(r => r.Method == "GET" && r.Path == ProjectsPath).Select(r => r.Query.TrimStart('?')));
    }

    [Fact]
    public async Task ListPageAsync_ProjectClosedOnAReadPageAndAnotherAdded_NextPageFailsTyped()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);
        fixture.Sandbox.SeedProjects(fixture.TenantId, Guid.Parse(contact), 5);
        var query = new ProjectQuery { IsComplete = false, PageSize = 2 };

        var first = await ledger.Projects.ListPageAsync(query, null, Cancellation);
        await ledger.Projects.UpdateAsync(first.Items[0].Id, new ProjectChanges { IsComplete = true }, Cancellation);
        await ledger.Projects.CreateAsync(Draft(contact) with { Name = "Late" }, Cancellation);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Projects.ListPageAsync(query, first.NextCursor, Cancellation));
        Assert.Contains("records moved while listing", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_UnchangedListing_FullPagesEachRequestRepeatingTheLastProjectRead()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);
        var seeded = fixture.Sandbox.SeedProjects(fixture.TenantId, Guid.Parse(contact), 7).Select(id => id.ToString()).ToList();
        fixture.Sandbox.ClearRequests();
        var pages = new List<Page<Project>>();
        string? cursor = null;
        do
        {
            var page = await ledger.Projects.ListPageAsync(new ProjectQuery { PageSize = 3 }, cursor, Cancellation);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(seeded, pages.SelectMany(p => p.Items).Select(p => p.Id));
        Assert.All(pages, p => Assert.Equal(7, p.TotalCount));
        // One request a page: each later one starts at or before the last project read.
        Assert.Equal(["page=1&pageSize=3", "page=1&pageSize=6", "page=2&pageSize=5"],
            fixture.Sandbox.Requests.Where(r => r.Method == "GET" && r.Path == ProjectsPath).Select(r => r.Query.TrimStart('?')));
    }

    [Fact]
    public async Task ListPageAsync_CursorsFromBeforeWindowsOverlapped_RefusedAsInvalidCursor()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var provider = (XeroLedgerProvider)fixture.Services.GetService(typeof(XeroLedgerProvider))!;
        // The stores themselves, under the ledger's cursor seal: the texts they would be handed unsealed.
        var raw = provider.Open(await fixture.ConnectAsync());
        var contact = await ContactAsync(raw);
        var project = (await raw.Projects.CreateAsync(Draft(contact), Cancellation)).Id;

        foreach (var old in new[] { "2", "0/5/x", "3/3/x", "2/-/", "2/5/a b", "2/5/" + new string('a', 65) })
        {
            await Assert.ThrowsAsync<InvalidCursorException>(() => raw.Projects.ListPageAsync(null, old, Cancellation));
        }

        foreach (var old in new[] { project + ":2", project + ":1", "not-a-project", project + ":0/3/x" })
        {
            await Assert.ThrowsAsync<InvalidCursorException>(() => raw.TimeEntries.ListPageAsync(null, old, Cancellation));
        }
    }

    [Fact]
    public async Task TimeEntries_ListPageAsync_EntryDeletedOnAReadPageAndAnotherLogged_NextPageFailsTyped()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);
        var project = (await ledger.Projects.CreateAsync(Draft(contact), Cancellation)).Id;
        var task = fixture.Sandbox.AddProjectTask(fixture.TenantId, Guid.Parse(project), "Design", "TIME", 150m).ToString();
        var user = fixture.Sandbox.ProjectsUserIds(fixture.TenantId)[0].ToString();
        NewTimeEntry Entry(int hour) => new()
        {
            StartedAt = new DateTimeOffset(2026, 11, 2, hour, 0, 0, TimeSpan.Zero), Duration = TimeSpan.FromMinutes(30), Billable = true,
            ProjectId = project, TaskId = task, UserId = user,
        };
        for (var hour = 8; hour < 11; hour++)
        {
            await ledger.TimeEntries.CreateAsync(Entry(hour), Cancellation);
        }

        var query = new TimeEntryQuery { PageSize = 1 };
        var first = await ledger.TimeEntries.ListPageAsync(query, null, Cancellation);
        await ledger.TimeEntries.DeleteAsync(first.Items[0].Id, Cancellation);
        await ledger.TimeEntries.CreateAsync(Entry(12), Cancellation);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.TimeEntries.ListPageAsync(query, first.NextCursor, Cancellation));
        Assert.Contains("records moved while listing", invalid.Message, StringComparison.Ordinal);
    }
}
