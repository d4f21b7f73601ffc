using System.Diagnostics;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

public sealed class SeededFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { SeedClients = 200, SeedInvoices = 10_000, LinesPerInvoice = 5 };
}

public sealed class PagingTests(SeededFixture f) : IClassFixture<SeededFixture>
{
    private string Invoices => f.Accounting("invoices/invoices");

    [Fact]
    public async Task List_DefaultPerPage15_CountersFromSeed()
    {
        var r = await f.GetAsync(Invoices);
        Assert.Equal(15, r.Result["invoices"]!.AsArray().Count);
        Assert.Equal(1, r.Result["page"]!.GetValue<int>());
        Assert.Equal(15, r.Result["per_page"]!.GetValue<int>());
        Assert.Equal(10_003, r.Result["total"]!.GetValue<int>());
        Assert.Equal(667, r.Result["pages"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_PerPageAbove100_SilentlyCapped()
    {
        var r = await f.GetAsync(Invoices + "?per_page=500");
        Assert.Equal(100, r.Result["per_page"]!.GetValue<int>());
        Assert.Equal(100, r.Result["invoices"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(1, 150)]
    [InlineData(7, 15)]
    [InlineData(23, 436)]
    [InlineData(98, 3)]
    [InlineData(99, 2)]
    [InlineData(99, 102)]
    [InlineData(100, 101)]
    public async Task List_AnyPerPageUpTo100_PageKHoldsOffsetsFromKMinus1TimesPerPage(int perPage, int page)
    {
        var start = (page - 1) * perPage;
        var end = Math.Min(page * perPage, 10_003);
        var expected = new List<int>();
        for (var hundred = (start / 100) + 1; hundred <= ((end - 1) / 100) + 1; hundred++)
        {
            expected.AddRange(Ids(await f.GetAsync($"{Invoices}?per_page=100&page={hundred}")));
        }

        var r = await f.GetAsync($"{Invoices}?per_page={perPage}&page={page}");

        Assert.Equal(expected.Skip(start - (start / 100 * 100)).Take(end - start), Ids(r));
        Assert.Equal(page, r.Result["page"]!.GetValue<int>());
        Assert.Equal(perPage, r.Result["per_page"]!.GetValue<int>());
        Assert.Equal((10_003 + perPage - 1) / perPage, r.Result["pages"]!.GetValue<int>());
        Assert.Equal(10_003, r.Result["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_PagePastEnd_EmptyWithCounters()
    {
        var r = await f.GetAsync(Invoices + "?per_page=100&page=999");
        Assert.Empty(r.Result["invoices"]!.AsArray());
        Assert.Equal(999, r.Result["page"]!.GetValue<int>());
        Assert.Equal(10_003, r.Result["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_PageZero_MeansOne()
    {
        var r = await f.GetAsync(Invoices + "?page=0");
        Assert.Equal(1, r.Result["page"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("page=abc", 1014)]
    [InlineData("page=-1", 1014)]
    [InlineData("per_page=0", 1013)]
    [InlineData("per_page=ten", 1013)]
    public async Task List_InvalidPaging_Errno(string query, int errno)
    {
        var r = await f.GetAsync(Invoices + "?" + query);
        Assert.Equal(400, r.Status);
        Assert.Equal(errno, r.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task PagingThroughEverything_IsFastAndComplete()
    {
        var watch = Stopwatch.StartNew();
        var seen = new HashSet<int>();
        for (var page = 1; page <= 101; page++)
        {
            var r = await f.GetAsync($"{Invoices}?per_page=100&page={page}");
            foreach (var inv in r.Result["invoices"]!.AsArray())
            {
                Assert.True(seen.Add(inv!["id"]!.GetValue<int>()));
            }
        }

        Assert.Equal(10_003, seen.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"paging took {watch.Elapsed}");
    }

    [Fact]
    public async Task Search_CustomerAndIdsAndDatesAndSort()
    {
        var first = (await f.GetAsync(Invoices + "?per_page=1&search[invoice_number]=0000100")).Result["invoices"]![0]!;
        var customer = first["customerid"]!.GetValue<int>();
        var byCustomer = await f.GetAsync($"{Invoices}?search[customerid]={customer}&per_page=100");
        Assert.All(byCustomer.Result["invoices"]!.AsArray(), i => Assert.Equal(customer, i!["customerid"]!.GetValue<int>()));
        Assert.True(byCustomer.Result["total"]!.GetValue<int>() > 1);

        var byIds = await f.GetAsync($"{Invoices}?search[invoiceids][]=150010&search[invoiceids][]=150020&search[invoiceids][]=1");
        Assert.Equal(2, byIds.Result["total"]!.GetValue<int>());

        var dates = await f.GetAsync($"{Invoices}?search[date_min]=2023-03-01&search[date_max]=2023-03-31&per_page=100&sort=create_date_desc");
        var list = dates.Result["invoices"]!.AsArray().Select(i => i!["create_date"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(list);
        Assert.All(list, d => Assert.InRange(string.CompareOrdinal(d, "2023-03-01"), 0, int.MaxValue));
        Assert.All(list, d => Assert.InRange(string.CompareOrdinal(d, "2023-03-31"), int.MinValue, 0));
        Assert.Equal(list.OrderDescending(StringComparer.Ordinal).ToList(), list);

        var like = await f.GetAsync($"{Invoices}?search[organization_like]=quartz&per_page=5");
        Assert.All(like.Result["invoices"]!.AsArray(), i => Assert.Contains("Quartz", i!["organization"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_UpdatedMinMax_DayGranularityInEastern()
    {
        // Seeded invoice n is updated at 2024-01-15 14:30Z + n minutes; the Eastern day rolls over at 05:00Z.
        var day = await f.GetAsync($"{Invoices}?search[updated_min]=2024-01-15&search[updated_max]=2024-01-15");
        var updated = day.Result["invoices"]!.AsArray().Select(i => i!["updated"]!.GetValue<string>()).ToList();
        Assert.All(updated, u => Assert.StartsWith("2024-01-15", u, StringComparison.Ordinal));
        Assert.True(day.Result["total"]!.GetValue<int>() > 100);
        var bad = await f.GetAsync($"{Invoices}?search[updated_min]=yesterday");
        Assert.Equal(400, bad.Status);
    }

    private static IEnumerable<int> Ids(ApiResponse r) => r.Result["invoices"]!.AsArray().Select(i => i!["id"]!.GetValue<int>());

    [Fact]
    public async Task Seeding_IsFastAndDeterministic()
    {
        await using var a = await FreshBooksSandbox.StartAsync(new SandboxOptions { SeedDefaultData = false }, TestContext.Current.CancellationToken);
        await using var b = await FreshBooksSandbox.StartAsync(new SandboxOptions { SeedDefaultData = false }, TestContext.Current.CancellationToken);
        var watch = Stopwatch.StartNew();
        a.Data.SeedInvoices(a.Data.PrimaryBusiness.AccountId, 10_000, 5);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"seeding took {watch.Elapsed}");
        b.Data.SeedInvoices(b.Data.PrimaryBusiness.AccountId, 10_000, 5);

        async Task<string> PageAsync(FreshBooksSandbox s)
        {
            using var http = new HttpClient { BaseAddress = s.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new("Bearer", s.IssueTokens().AccessToken);
            return await http.GetStringAsync($"accounting/account/{s.Data.PrimaryBusiness.AccountId}/invoices/invoices?page=77&per_page=100&include[]=lines", TestContext.Current.CancellationToken);
        }

        var pageA = await PageAsync(a);
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(pageA, "\"uuid\":\"[^\"]*\"", ""),
            System.Text.RegularExpressions.Regex.Replace(await PageAsync(b), "\"uuid\":\"[^\"]*\"", ""));
        Assert.Contains("\"lines\":[{", pageA, StringComparison.Ordinal);
    }
}
