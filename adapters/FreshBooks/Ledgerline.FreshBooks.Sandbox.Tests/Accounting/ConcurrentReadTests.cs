using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

public sealed class ConcurrentReadFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { SeedDefaultData = false, SeedInvoices = 1_000, LinesPerInvoice = 2 };
}

/// <summary>
/// Reads of one account run side by side and writes run alone: every answer shows one state of the account, and a list
/// made after a write shows the write (the default listing is kept between requests until the records change).
/// </summary>
public sealed class ConcurrentReadTests(ConcurrentReadFixture f) : IClassFixture<ConcurrentReadFixture>
{
    private const int PerPage = 100;

    private string Invoices => f.Accounting("invoices/invoices");

    private static int[] Ids(ApiResponse list) => [.. list.Result["invoices"]!.AsArray().Select(i => i!["id"]!.GetValue<int>())];

    private static int Total(ApiResponse list) => list.Result["total"]!.GetValue<int>();

    private async Task<int> CustomerAsync()
    {
        var first = await f.GetAsync(Invoices + "?per_page=1");
        return first.Result["invoices"]![0]!["customerid"]!.GetValue<int>();
    }

    /// <summary>Sets notes and po_number to the same value in one update: a reader that sees them differ saw half a write.</summary>
    private static JsonObject Pair(string value) => J.Wrap("invoice", ("notes", value), ("po_number", value));

    private static void AssertOneState(ApiResponse list, int page)
    {
        Assert.Equal(200, list.Status);
        var total = Total(list);
        var invoices = list.Result["invoices"]!.AsArray();
        Assert.Equal((total + PerPage - 1) / PerPage, list.Result["pages"]!.GetValue<int>());
        Assert.Equal(Math.Clamp(total - ((page - 1) * PerPage), 0, PerPage), invoices.Count);
        var ids = Ids(list);
        Assert.Equal(ids.Order().ToArray(), ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        foreach (var invoice in invoices)
        {
            Assert.NotEqual(1, invoice!["vis_state"]!.GetValue<int>());
            var notes = invoice["notes"]!.GetValue<string>();
            if (notes.StartsWith("pair:", StringComparison.Ordinal))
            {
                Assert.Equal(notes, invoice["po_number"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task List_WhileInvoicesAreCreatedUpdatedAndDeleted_EveryPageShowsOneState()
    {
        var customer = await CustomerAsync();
        var before = await f.GetAsync($"{Invoices}?per_page=1");
        var firstId = Ids(before)[0];
        using var writing = new CancellationTokenSource();

        async Task WriteAsync()
        {
            try
            {
                for (var i = 0; i < 60; i++)
                {
                    var created = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", customer), ("create_date", "2026-11-20"),
                        ("notes", $"pair:c{i}"), ("po_number", $"pair:c{i}")));
                    Assert.Equal(200, created.Status);
                    Assert.Equal(200, (await f.PutAsync($"{Invoices}/{firstId}", Pair($"pair:u{i}"))).Status);
                    Assert.Equal(200, (await f.PutAsync($"{Invoices}/{firstId + 1 + i}", Pair($"pair:v{i}"))).Status);
                    if (i % 3 == 0)
                    {
                        Assert.Equal(200, (await f.DeleteAsync($"{Invoices}/{firstId + 200 + i}")).Status);
                    }
                }
            }
            finally
            {
                await writing.CancelAsync();
            }
        }

        async Task<int> ReadAsync(int reader)
        {
            var reads = 0;
            // At least a few reads each, then until the writer is done.
            while (reads < 5 || !writing.IsCancellationRequested)
            {
                var page = 1 + ((reader + reads) % 11);
                AssertOneState(await f.GetAsync($"{Invoices}?per_page={PerPage}&page={page}"), page);
                var one = await f.GetAsync($"{Invoices}/{firstId}");
                Assert.Equal(200, one.Status);
                var notes = one.Result["invoice"]!["notes"]!.GetValue<string>();
                Assert.Equal(notes, one.Result["invoice"]!["po_number"]!.GetValue<string>());
                reads++;
            }

            return reads;
        }

        var writer = WriteAsync();
        var reads = await Task.WhenAll(Enumerable.Range(0, 6).Select(r => Task.Run(() => ReadAsync(r), TestContext.Current.CancellationToken)));
        await writer;

        Assert.All(reads, count => Assert.True(count >= 5));
        var after = await f.GetAsync($"{Invoices}?per_page=1");
        Assert.Equal(Total(before) + 60 - 20, Total(after));
        var updated = await f.GetAsync($"{Invoices}/{firstId}");
        Assert.Equal("pair:u59", updated.Result["invoice"]!["notes"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_AfterEachKindOfWrite_ShowsTheWrite()
    {
        var page1 = await f.GetAsync($"{Invoices}?per_page={PerPage}");
        var total = Total(page1);
        var id = Ids(page1)[3];

        Assert.Equal(200, (await f.DeleteAsync($"{Invoices}/{id}")).Status);
        var afterDelete = await f.GetAsync($"{Invoices}?per_page={PerPage}");
        Assert.Equal(total - 1, Total(afterDelete));
        Assert.DoesNotContain(id, Ids(afterDelete));
        Assert.Contains(id, Ids(await f.GetAsync($"{Invoices}?per_page={PerPage}&search[vis_state]=1")));

        Assert.Equal(200, (await f.PutAsync($"{Invoices}/{id}", J.Wrap("invoice", ("vis_state", 0)))).Status);
        var afterRestore = await f.GetAsync($"{Invoices}?per_page={PerPage}");
        Assert.Equal(total, Total(afterRestore));
        Assert.Contains(id, Ids(afterRestore));
        Assert.DoesNotContain(id, Ids(await f.GetAsync($"{Invoices}?per_page={PerPage}&search[vis_state]=1")));

        Assert.Equal(200, (await f.PutAsync($"{Invoices}/{id}", Pair("pair:renamed"))).Status);
        var renamed = (await f.GetAsync($"{Invoices}?per_page={PerPage}")).Result["invoices"]!.AsArray().Single(i => i!["id"]!.GetValue<int>() == id)!;
        Assert.Equal("pair:renamed", renamed["notes"]!.GetValue<string>());

        var created = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", await CustomerAsync()), ("create_date", "2026-11-20")));
        var newId = created.Result["invoice"]!["id"]!.GetValue<int>();
        var lastPage = (total + 1 + PerPage - 1) / PerPage;
        var afterCreate = await f.GetAsync($"{Invoices}?per_page={PerPage}&page={lastPage}");
        Assert.Equal(total + 1, Total(afterCreate));
        Assert.Equal(newId, Ids(afterCreate)[^1]);

        f.Sandbox.Data.SeedInvoices(f.AccountId, 3, linesPerInvoice: 1);
        Assert.Equal(total + 4, Total(await f.GetAsync($"{Invoices}?per_page={PerPage}")));
    }

    [Fact]
    public async Task List_AfterDataIsClearedInProcess_IsEmpty()
    {
        var other = f.Sandbox.Data.SecondaryBusiness.AccountId;
        var invoices = $"accounting/account/{other}/invoices/invoices";
        f.Sandbox.Data.SeedInvoices(other, 5, linesPerInvoice: 1);
        Assert.Equal(5, Total(await f.GetAsync(invoices)));

        f.Sandbox.Data.Clear(other);
        var cleared = await f.GetAsync(invoices);
        Assert.Equal(0, Total(cleared));
        Assert.Empty(cleared.Result["invoices"]!.AsArray());
    }

    [Fact]
    public async Task AccountState_SecondReader_EntersWhileTheFirstHoldsTheLock()
    {
        using var account = new AccountState(f.Sandbox.Data.PrimaryBusiness, _ => { });
        using var firstIn = new ManualResetEventSlim();
        using var secondIn = new ManualResetEventSlim();
        var timeout = TimeSpan.FromSeconds(30);
        var sawSecond = false;

        var first = Task.Run(() =>
        {
            using (account.Read())
            {
                firstIn.Set();
                // An exclusive lock would keep the second reader out until this one left: it would never come in here.
                sawSecond = secondIn.Wait(timeout);
            }
        }, TestContext.Current.CancellationToken);
        var second = Task.Run(() =>
        {
            Assert.True(firstIn.Wait(timeout));
            using (account.Read())
            {
                secondIn.Set();
            }
        }, TestContext.Current.CancellationToken);
        await Task.WhenAll(first, second);

        Assert.True(sawSecond);
    }
}
