using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>
/// Every window after page 1 overlaps the last record read, over loopback against the sandbox: a removal on a page
/// already read plus an addition (the count unchanged) fails typed instead of skipping a record, for cursors and for
/// <c>ListAsync</c>; so does an addition before the boundary; writes only on unread pages complete; unchanged listings
/// return every record once in order with the planned number of requests.
/// </summary>
public sealed class OverlapPagingTests : IAsyncLifetime
{
    private SandboxLedgerFixture _fixture = null!;
    private ILedger _ledger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SandboxBusiness Business => _fixture.Sandbox.Data.PrimaryBusiness;

    public async ValueTask InitializeAsync()
    {
        _fixture = await SandboxLedgerFixture.StartAsync(o => o.MaxRetries = 0);
        _ledger = await _fixture.OpenAsync();
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task ListPageAsync_RemovedOnAReadPageAndOneAdded_NextPageFailsTypedInsteadOfSkippingOne()
    {
        var ids = await SeedClientsAsync(300);
        var query = new ContactQuery { PageSize = 100 };
        var first = await _ledger.Contacts.ListPageAsync(query, null, Ct);

        // The count stays 300; before windows overlapped, the record after the boundary moved onto page 1 unseen.
        await _ledger.Contacts.DeleteAsync(ids[10], Ct);
        _fixture.Sandbox.Data.SeedClients(Business.AccountId, 1);
        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => _ledger.Contacts.ListPageAsync(query, first.NextCursor, Ct));

        Assert.Equal(ids.Take(100), first.Items.Select(c => c.Id));
        Assert.Contains($"listed record '{ids[100]}' at offset 99 (page 2, 99 a page) where the listing had record '{ids[99]}'", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("records moved while listing", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(("FreshBooks", 200), (invalid.Provider, invalid.StatusCode));
        Assert.Equal($$"""{"page":2,"pages":4,"per_page":99,"total":300,"offset":99,"read":"{{ids[99]}}","now":"{{ids[100]}}"}""", invalid.BodyExcerpt);
    }

    [Fact]
    public async Task ListAsync_RemovedOnAReadPageAndOneAddedBetweenRequests_FailsTypedInsteadOfSkippingOne()
    {
        var ids = await SeedClientsAsync(300);
        var seen = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var contact in _ledger.Contacts.ListAsync(cancellationToken: Ct))
            {
                if (seen.Count == 0)
                {
                    // Page 1 is read and the next windows are not asked yet: both writes land between two requests.
                    await _ledger.Contacts.DeleteAsync(ids[1], Ct);
                    _fixture.Sandbox.Data.SeedClients(Business.AccountId, 1);
                }

                seen.Add(contact.Id);
            }
        });

        Assert.Equal(ids.Take(100), seen);
        Assert.Contains("records moved while listing", invalid.Message, StringComparison.Ordinal);
        Assert.Contains($"record '{ids[100]}' at offset 99", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_AddedBeforeTheBoundaryAndOneRemovedAfter_NextPageFailsTyped()
    {
        var ids = await SeedClientsAsync(300);

        // A client deleted before listing comes back (at its place in id order) once page 1 is read; the last one goes.
        await _ledger.Contacts.DeleteAsync(ids[5], Ct);
        var query = new ContactQuery { PageSize = 100 };
        var first = await _ledger.Contacts.ListPageAsync(query, null, Ct);
        await _ledger.Contacts.RestoreAsync(ids[5], Ct);
        await _ledger.Contacts.DeleteAsync(ids[^1], Ct);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => _ledger.Contacts.ListPageAsync(query, first.NextCursor, Ct));

        Assert.Equal(ids[100], first.Items[^1].Id);
        Assert.Contains($"listed record '{ids[99]}' at offset 99", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_RemovedAndAddedOnUnreadPagesOnly_ChainCompletesWithEveryRecordThatStayed()
    {
        var ids = await SeedClientsAsync(300);
        var query = new ContactQuery { PageSize = 100 };
        var first = await _ledger.Contacts.ListPageAsync(query, null, Ct);
        await _ledger.Contacts.DeleteAsync(ids[250], Ct);
        var added = _fixture.Sandbox.Data.SeedClients(Business.AccountId, 1).Single().ToString(CultureInfo.InvariantCulture);
        var listed = first.Items.Select(c => c.Id).ToList();
        var cursor = first.NextCursor;
        while (cursor is not null)
        {
            var page = await _ledger.Contacts.ListPageAsync(query, cursor, Ct);
            Assert.InRange(page.Items.Count, 1, 100);
            listed.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }

        Assert.Equal(ids.Where(id => id != ids[250]).Append(added), listed);
    }

    [Fact]
    public async Task ListPageAsync_CursorIssuedBeforeWindowsOverlapped_RefusedAsInvalidCursor()
    {
        await SeedClientsAsync(300);
        var raw = _fixture.Services.GetRequiredService<FreshBooksLedgerProvider>().Open(await _fixture.ConnectAsync()).Contacts;

        foreach (var old in new[] { "2", "1:2", "2@300", "0/99/300", "0/0/300/5", "0/300/300/5", "0/99/300/a b", "0/x/300/5", "9/0" })
        {
            await Assert.ThrowsAsync<InvalidCursorException>(() => raw.ListPageAsync(new ContactQuery(), old, Ct));
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(199, 3)]
    [InlineData(200, 3)]
    [InlineData(10_003, 114)]
    public async Task ListAsync_UnchangedListing_EveryRecordOnceInOrderWithThePlannedRequests(int count, int requests)
    {
        var business = _fixture.Sandbox.Data.SecondaryBusiness;
        var ids = _fixture.Sandbox.Data.SeedInvoices(business.AccountId, count, linesPerInvoice: 1)
            .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var ledger = await _fixture.OpenAsync(business: business);
        var path = $"/accounting/account/{business.AccountId}/invoices/invoices";
        _fixture.Sandbox.ClearRequests();

        var listed = await ledger.Invoices.ListAsync(new InvoiceQuery(), Ct).Select(i => i.Id).ToListAsync(Ct);

        Assert.Equal(ids, listed);
        Assert.Equal(requests, _fixture.RequestsTo(path).Count);
    }

    private async Task<string[]> SeedClientsAsync(int count)
    {
        // Only the seeded clients: the sandbox's own are removed first, so offsets are the seeded order.
        foreach (var contact in await _ledger.Contacts.ListAsync(new ContactQuery { States = RecordStates.NotDeleted }, Ct).ToListAsync(Ct))
        {
            await _ledger.Contacts.DeleteAsync(contact.Id, Ct);
        }

        return [.. _fixture.Sandbox.Data.SeedClients(Business.AccountId, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    }
}
