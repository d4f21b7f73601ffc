using Microsoft.Extensions.DependencyInjection;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

public sealed class PagingTests : IAsyncLifetime
{
    private const int InvoiceCount = 450;
    private SandboxLedgerFixture _fixture = null!;
    private SandboxBusiness _business = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fixture = await SandboxLedgerFixture.StartAsync(o => o.PageConcurrency = 3);
        _business = _fixture.Sandbox.Data.SecondaryBusiness;
        _fixture.Sandbox.Data.SeedInvoices(_business.AccountId, InvoiceCount, linesPerInvoice: 3);
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task ListAsync_450Invoices_AllOnceInPageOrderWithBoundedConcurrency()
    {
        var ledger = await _fixture.OpenAsync(business: _business);
        _fixture.Sandbox.Faults.AddLatency(TimeSpan.FromMilliseconds(50), "/accounting");
        _fixture.Sandbox.ClearRequests();

        var invoices = await ledger.Invoices.ListAsync(new InvoiceQuery { States = RecordStates.NotDeleted }, Ct).ToListAsync(Ct);
        var listRequests = _fixture.RequestsTo($"/accounting/account/{_business.AccountId}/invoices/invoices");
        var pages = await PagesAsync(ledger);

        Assert.Equal(InvoiceCount, invoices.Count);
        Assert.Equal(InvoiceCount, invoices.Select(i => i.Id).Distinct().Count());
        Assert.Equal(pages.SelectMany(p => p).Select(i => i.Id), invoices.Select(i => i.Id));
        Assert.All(invoices, i => Assert.Equal(3, i.Lines.Count));
        var windows = PageWindows.After(100, InvoiceCount).Prepend(new PageWindow(1, 100)).ToArray();
        Assert.Equal(5, listRequests.Count);
        Assert.Equal(
            windows.Select(w => $"page={w.Page}&per_page={w.PerPage}").Order(StringComparer.Ordinal),
            listRequests.Select(r => PageAndSize(r.Query)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListPageAsync_PageSize_RawCursorIsReadCountTotalAndLastIdAndChainCoversAll()
    {
        var ledger = await _fixture.OpenAsync(business: _business);
        var query = new InvoiceQuery { States = RecordStates.NotDeleted, PageSize = 40 };
        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ledger.Invoices.ListPageAsync(query, cursor, Ct);
            ids.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
            Assert.True(page.Items.Count <= 40);
        }
        while (cursor is not null && pages < 50);

        var raw = await ((FreshBooksLedgerProvider)_fixture.Services.GetRequiredService<FreshBooksLedgerProvider>())
            .Open(await _fixture.ConnectAsync(business: _business)).Invoices.ListPageAsync(query, null, Ct);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(InvoiceCount, ids.Count);
        Assert.Equal($"0/40/{InvoiceCount}/{ids[39]}", raw.NextCursor);
    }

    [Fact]
    public async Task ListAsync_BreakEarly_StopsFetching()
    {
        var ledger = await _fixture.OpenAsync(business: _business);
        _fixture.Sandbox.ClearRequests();

        await foreach (var _ in ledger.Invoices.ListAsync(new InvoiceQuery { States = RecordStates.NotDeleted }, Ct))
        {
            break;
        }

        await Task.Delay(200, Ct);
        var fetched = _fixture.RequestsTo($"/accounting/account/{_business.AccountId}/invoices/invoices").Count;
        Assert.InRange(fetched, 1, 1 + 3);
    }

    private static string PageAndSize(string query)
    {
        var parameters = query.TrimStart('?').Split('&');
        return $"{parameters.Single(p => p.StartsWith("page=", StringComparison.Ordinal))}&{parameters.Single(p => p.StartsWith("per_page=", StringComparison.Ordinal))}";
    }

    private static async Task<List<IReadOnlyList<Invoice>>> PagesAsync(ILedger ledger)
    {
        var pages = new List<IReadOnlyList<Invoice>>();
        string? cursor = null;
        do
        {
            var page = await ledger.Invoices.ListPageAsync(new InvoiceQuery { States = RecordStates.NotDeleted }, cursor, Ct);
            pages.Add(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return pages;
    }
}
