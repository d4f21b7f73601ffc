using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>
/// Filters FreshBooks can apply are sent, so a listing fetches the pages it needs, not every page: statuses as one listing
/// per <c>search[payment_status]</c> value they can match, due dates as <c>search[due_date_min|max]</c>. The exact
/// client-side check still decides, so the records are those of the unfiltered listing narrowed here.
/// </summary>
public sealed class ServerFilterTests : IAsyncLifetime
{
    private const int InvoiceCount = 1_000;
    private const int UnpaidCount = 40;
    private SandboxLedgerFixture _fixture = null!;
    private SandboxBusiness _business = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string InvoicesPath => $"/accounting/account/{_business.AccountId}/invoices/invoices";

    public async ValueTask InitializeAsync()
    {
        _fixture = await SandboxLedgerFixture.StartAsync();
        _business = _fixture.Sandbox.Data.SecondaryBusiness;
        _fixture.Sandbox.Data.SeedInvoices(_business.AccountId, InvoiceCount, linesPerInvoice: 1, unpaid: UnpaidCount);
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task ListAsync_Unpaid_FetchesOneListingPerPaymentStatusNotEveryPage()
    {
        var ledger = await _fixture.OpenAsync(business: _business);
        var expected = (await ledger.Invoices.ListAsync(new InvoiceQuery(), Ct).ToListAsync(Ct))
            .Where(i => i.Status.IsUnpaid()).Select(i => i.Id).Order(StringComparer.Ordinal).ToArray();
        _fixture.Sandbox.ClearRequests();

        var unpaid = await ledger.Invoices.ListAsync(InvoiceQuery.Unpaid(), Ct).ToListAsync(Ct);

        var requests = _fixture.RequestsTo(InvoicesPath);
        Assert.Equal(UnpaidCount, expected.Length);
        Assert.Equal(expected, unpaid.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, requests.Count);
        Assert.Contains("search[payment_status]=unpaid", Uri.UnescapeDataString(requests[0].Query), StringComparison.Ordinal);
        Assert.Contains("search[payment_status]=partial", Uri.UnescapeDataString(requests[1].Query), StringComparison.Ordinal);

        // The unpaid listing counted again once the partial one is read: one record a page.
        Assert.Contains("search[payment_status]=unpaid", Uri.UnescapeDataString(requests[2].Query), StringComparison.Ordinal);
        Assert.Contains("per_page=1&", Uri.UnescapeDataString(requests[2].Query) + "&", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_PaidOnly_ListsPaidAndAutoPaid()
    {
        var ledger = await _fixture.OpenAsync(business: _business);
        _fixture.Sandbox.ClearRequests();

        var paid = await ledger.Invoices.ListAsync(new InvoiceQuery { Statuses = new HashSet<InvoiceStatus> { InvoiceStatus.Paid } }, Ct).ToListAsync(Ct);

        var queries = _fixture.RequestsTo(InvoicesPath).Select(r => Uri.UnescapeDataString(r.Query)).ToArray();
        Assert.Equal(InvoiceCount - UnpaidCount, paid.Count);
        Assert.All(paid, i => Assert.Equal(InvoiceStatus.Paid, i.Status));

        // 960 paid invoices take 11 overlapping windows (10 pages of 100 before windows overlapped), then one for auto-paid,
        // then the paid listing counted again at one record a page.
        Assert.Equal(11 + 1 + 1, queries.Length);
        Assert.All(queries[..11], q => Assert.Contains("search[payment_status]=paid", q, StringComparison.Ordinal));
        Assert.Contains("search[payment_status]=auto-paid", queries[11], StringComparison.Ordinal);
        Assert.Contains("search[payment_status]=paid", queries[12], StringComparison.Ordinal);
        Assert.Contains("per_page=1&", queries[12] + "&", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_PaidAndUnpaid_NoSplitOneFullListing()
    {
        var ledger = await _fixture.OpenAsync(business: _business);
        var all = new HashSet<InvoiceStatus>(InvoiceStatusExtensions.Unpaid) { InvoiceStatus.Paid };
        _fixture.Sandbox.ClearRequests();

        var listed = await ledger.Invoices.ListAsync(new InvoiceQuery { Statuses = all }, Ct).ToListAsync(Ct);

        var queries = _fixture.RequestsTo(InvoicesPath).Select(r => Uri.UnescapeDataString(r.Query)).ToArray();
        Assert.Equal(InvoiceCount, listed.Count);
        Assert.Equal(1 + PageWindows.After(100, InvoiceCount).Count(), queries.Length);
        Assert.Equal(11, queries.Length);
        Assert.All(queries, q => Assert.DoesNotContain("payment_status", q, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListPageAsync_Unpaid_CursorWalksBothListingsAndCoversAll()
    {
        var ledger = await _fixture.OpenAsync(business: _business);
        var query = new InvoiceQuery { Statuses = InvoiceStatusExtensions.Unpaid, PageSize = 12 };
        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ledger.Invoices.ListPageAsync(query, cursor, Ct);
            Assert.Null(page.TotalCount);
            Assert.All(page.Items, i => Assert.True(i.Status.IsUnpaid()));
            ids.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Equal(UnpaidCount, ids.Count);
        Assert.Equal(UnpaidCount, ids.Distinct().Count());
        Assert.InRange(pages, 4, 6);
    }

    [Fact]
    public async Task ListAsync_DueDate_SendsDueDateRangeAndNarrowsExactly()
    {
        var ledger = await _fixture.OpenAsync(business: _business);
        var range = new DateRange(new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 31));
        var expected = (await ledger.Invoices.ListAsync(new InvoiceQuery(), Ct).ToListAsync(Ct))
            .Where(i => i.DueDate is { } due && range.Contains(due)).Select(i => i.Id).Order(StringComparer.Ordinal).ToArray();
        _fixture.Sandbox.ClearRequests();

        var listed = await ledger.Invoices.ListAsync(new InvoiceQuery { DueDate = range }, Ct).ToListAsync(Ct);

        var queries = _fixture.RequestsTo(InvoicesPath).Select(r => Uri.UnescapeDataString(r.Query)).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed.Select(i => i.Id).Order(StringComparer.Ordinal));
        var only = Assert.Single(queries);
        Assert.Contains("search[due_date_min]=2023-03-01", only, StringComparison.Ordinal);
        Assert.Contains("search[due_date_max]=2023-03-31", only, StringComparison.Ordinal);
    }
}
