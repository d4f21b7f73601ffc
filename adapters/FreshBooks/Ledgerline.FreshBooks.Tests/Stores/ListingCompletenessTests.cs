using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>
/// A listing returns every record FreshBooks counted or fails typed: a server that ignores <c>page</c>, counters that make
/// no sense, a listing that cannot reach its <c>total</c>, and records moving between pages while listing, over loopback
/// against the sandbox with its paging faults.
/// </summary>
public sealed class ListingCompletenessTests : IAsyncLifetime
{
    private SandboxLedgerFixture _fixture = null!;
    private ILedger _ledger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SandboxBusiness Business => _fixture.Sandbox.Data.PrimaryBusiness;

    private string ClientsPath => $"/accounting/account/{Business.AccountId}/users/clients";

    private string InvoicesPath => $"/accounting/account/{Business.AccountId}/invoices/invoices";

    public async ValueTask InitializeAsync()
    {
        _fixture = await SandboxLedgerFixture.StartAsync(o => o.MaxRetries = 0);
        _ledger = await _fixture.OpenAsync();
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task ListAsync_ServerIgnoresPage_FailsTypedInsteadOfYieldingPageOneOnly()
    {
        _fixture.Sandbox.Data.SeedClients(Business.AccountId, 300);
        _fixture.Sandbox.Faults.Add(FaultRule.IgnorePage("/accounting"));
        var seen = new List<Contact>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var contact in _ledger.Contacts.ListAsync(cancellationToken: Ct))
            {
                seen.Add(contact);
            }
        });

        Assert.Contains("answered page 1 when asked for page 2", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(("FreshBooks", 200), (invalid.Provider, invalid.StatusCode));
        Assert.Equal(100, seen.Count);
    }

    [Fact]
    public async Task ListPageAsync_ServerIgnoresPage_SecondPageFailsTypedInsteadOfRepeatingPageOne()
    {
        _fixture.Sandbox.Data.SeedClients(Business.AccountId, 300);
        var first = await _ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = 100 }, null, Ct);
        _fixture.Sandbox.Faults.Add(FaultRule.IgnorePage("/accounting"));

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() =>
            _ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = 100 }, first.NextCursor, Ct));

        Assert.Equal(100, first.Items.Count);
        Assert.Contains("answered page 1 when asked for page 2", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ListAsync_NoPagesOnNonEmptyFirstPage_FailsTypedInsteadOfStoppingAtPageOne(int pages)
    {
        _fixture.Sandbox.Data.SeedInvoices(Business.AccountId, 259, linesPerInvoice: 1);
        _fixture.Sandbox.Faults.Add(FaultRule.FalseCounters(pages: pages, pathPrefix: InvoicesPath));

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in _ledger.Invoices.ListAsync(cancellationToken: Ct))
            {
            }
        });

        Assert.Contains($"with {pages} pages, but 259 records at 100 a page make 3", invalid.Message, StringComparison.Ordinal);
        Assert.Equal($$"""{"page":1,"pages":{{pages}},"per_page":100,"total":259}""", invalid.BodyExcerpt);
    }

    [Fact]
    public async Task ListAsync_BillionPages_OneRequestThenFailsTyped()
    {
        _fixture.Sandbox.Data.SeedInvoices(Business.AccountId, 259, linesPerInvoice: 1);
        _fixture.Sandbox.Faults.Add(FaultRule.FalseCounters(pages: 1_000_000_000, pathPrefix: InvoicesPath, times: 1));

        // Any further page fails, so a listing that believed page 1 ends at once rather than asking for a billion pages.
        _fixture.Sandbox.Faults.AddServerError(503, InvoicesPath);
        _fixture.Sandbox.ClearRequests();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in _ledger.Invoices.ListAsync(cancellationToken: Ct))
            {
            }
        });

        Assert.Contains("with 1000000000 pages", invalid.Message, StringComparison.Ordinal);
        Assert.Single(_fixture.RequestsTo(InvoicesPath));
    }

    [Fact]
    public async Task ListAsync_TotalTheRecordsNeverReach_FailsTypedAtTheNextPage()
    {
        // Counters that agree with each other at 100 a page (1,000 records, 10 pages) but not with the records the pages
        // hold; the next window asks 99 a page, for which the same false counters no longer add up.
        _fixture.Sandbox.Data.SeedClients(Business.AccountId, 250);
        _fixture.Sandbox.Faults.Add(FaultRule.FalseCounters(pages: 10, total: 1000, pathPrefix: ClientsPath));
        var seen = 0;

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in _ledger.Contacts.ListAsync(cancellationToken: Ct))
            {
                seen++;
            }
        });

        Assert.Contains("with 10 pages, but 1000 records at 99 a page make 11", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(100, seen);
    }

    [Fact]
    public async Task ListAsync_TotalTheRecordsNeverReach_FailsTypedAtTheShortPage()
    {
        // Page 1 claims 1,000 records (pages consistent at 100 a page); the true counters follow, short of that total.
        _fixture.Sandbox.Data.SeedClients(Business.AccountId, 250);
        _fixture.Sandbox.Faults.Add(FaultRule.FalseCounters(pages: 10, total: 1000, pathPrefix: ClientsPath, times: 1));
        var seen = 0;

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in _ledger.Contacts.ListAsync(cancellationToken: Ct))
            {
                seen++;
            }
        });

        Assert.Contains("counted 1000 records when the listing began and 250 on page 2", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(100, seen);
    }

    [Fact]
    public async Task ListAsync_RecordDeletedOnPageOneWhileListing_FailsTypedInsteadOfSkippingOne()
    {
        var ids = _fixture.Sandbox.Data.SeedClients(Business.AccountId, 300);
        var seen = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var contact in _ledger.Contacts.ListAsync(cancellationToken: Ct))
            {
                if (seen.Count == 0)
                {
                    // Page 1 is read; every later page moves back by one, so the first record of page 2 lands on page 1.
                    await _ledger.Contacts.DeleteAsync(ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
                }

                seen.Add(contact.Id);
            }
        });

        Assert.Contains("counted 300 records when the listing began and 299 on page 2", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("added or removed while listing", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(100, seen.Count);
    }

    [Fact]
    public async Task ListAsync_RecordsAddedWhileListing_FailsTypedRatherThanPromiseEveryRecord()
    {
        _fixture.Sandbox.Data.SeedClients(Business.AccountId, 150);
        var seen = 0;

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in _ledger.Contacts.ListAsync(cancellationToken: Ct))
            {
                if (seen++ == 0)
                {
                    _fixture.Sandbox.Data.SeedClients(Business.AccountId, 2);
                }
            }
        });

        Assert.Contains("counted 150 records when the listing began and 152 on page 2", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_RecordDeletedBetweenPages_NextPageFailsTyped()
    {
        var ids = _fixture.Sandbox.Data.SeedClients(Business.AccountId, 30);
        var query = new ContactQuery { PageSize = 10 };
        var first = await _ledger.Contacts.ListPageAsync(query, null, Ct);
        await _ledger.Contacts.DeleteAsync(ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => _ledger.Contacts.ListPageAsync(query, first.NextCursor, Ct));

        Assert.Contains("counted 30 records when the listing began and 29 on page 1 (20 a page)", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_UnchangedListing_ChainYieldsEveryRecordOnce()
    {
        var ids = _fixture.Sandbox.Data.SeedClients(Business.AccountId, 25);
        var query = new ContactQuery { PageSize = 10 };
        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _ledger.Contacts.ListPageAsync(query, cursor, Ct);
            listed.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TimeEntries_ServerIgnoresPageOrLiesAboutPages_FailsTyped()
    {
        for (var i = 0; i < 5; i++)
        {
            await _ledger.TimeEntries.CreateAsync(
                new NewTimeEntry { StartedAt = new DateTimeOffset(2025, 3, 1 + i, 9, 0, 0, TimeSpan.Zero), Duration = TimeSpan.FromHours(1) }, Ct);
        }

        // Windows for 2 records a page: page 1 at 2, page 1 at 4 (two new records), page 2 at 3 (the last record).
        var query = new TimeEntryQuery { PageSize = 2 };
        var first = await _ledger.TimeEntries.ListPageAsync(query, null, Ct);
        var second = await _ledger.TimeEntries.ListPageAsync(query, first.NextCursor, Ct);
        var timeTracking = $"/timetracking/business/{Business.BusinessId}/time_entries";
        _fixture.Sandbox.Faults.Add(FaultRule.IgnorePage(timeTracking, times: 1));
        var ignored = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => _ledger.TimeEntries.ListPageAsync(query, second.NextCursor, Ct));
        _fixture.Sandbox.Faults.Add(FaultRule.FalseCounters(pages: 0, pathPrefix: timeTracking, times: 1));
        var lying = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in _ledger.TimeEntries.ListAsync(cancellationToken: Ct))
            {
            }
        });

        Assert.Equal(2, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.Contains("answered page 1 when asked for page 2", ignored.Message, StringComparison.Ordinal);
        Assert.Contains("with 0 pages, but 5 records", lying.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projects_TotalChangesBetweenPages_FailsTyped()
    {
        for (var i = 0; i < 3; i++)
        {
            await _ledger.Projects.CreateAsync(new NewProject { Name = $"Project {i}" }, Ct);
        }

        var query = new ProjectQuery { PageSize = 2 };
        var first = await _ledger.Projects.ListPageAsync(query, null, Ct);
        await _ledger.Projects.CreateAsync(new NewProject { Name = "Late" }, Ct);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => _ledger.Projects.ListPageAsync(query, first.NextCursor, Ct));

        Assert.Contains("counted 3 records when the listing began and 4 on page", invalid.Message, StringComparison.Ordinal);
    }
}
