using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ledgerline.Xero.Sandbox.Tests.Hosting;

public sealed class HostingTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Root_DescribesTheServer()
    {
        var root = JsonNode.Parse(await f.Http.GetStringAsync("/", TestContext.Current.CancellationToken))!;
        Assert.Equal("Ledgerline Xero sandbox", root["name"]!.GetValue<string>());
        Assert.Equal(f.Sandbox.BaseAddress.ToString(), root["base_url"]!.GetValue<string>());
        Assert.Equal(1800, root["access_token_lifetime_seconds"]!.GetValue<int>());
        var tenants = root["tenants"]!.AsArray();
        Assert.Equal(2, tenants.Count);
        Assert.Equal(["NZD", "AUD"], tenants.Select(t => t!["baseCurrency"]!.GetValue<string>()));
        Assert.StartsWith("http://127.0.0.1:", f.Sandbox.BaseAddress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_IsDeterministic()
    {
        await using var a = await XeroSandbox.StartAsync(new XeroSandboxOptions { Seed = 7 }, TestContext.Current.CancellationToken);
        await using var b = await XeroSandbox.StartAsync(new XeroSandboxOptions { Seed = 7 }, TestContext.Current.CancellationToken);
        await using var c = await XeroSandbox.StartAsync(new XeroSandboxOptions { Seed = 8 }, TestContext.Current.CancellationToken);
        Assert.Equal(a.PrimaryTenant, b.PrimaryTenant);
        Assert.NotEqual(a.PrimaryTenant.TenantId, c.PrimaryTenant.TenantId);
        Assert.Equal(await ContactIdsAsync(a), await ContactIdsAsync(b));
    }

    private static async Task<string> ContactIdsAsync(XeroSandbox sandbox)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.IssueTokens().AccessToken);
        http.DefaultRequestHeaders.Add("xero-tenant-id", sandbox.PrimaryTenant.TenantId.ToString());
        var list = JsonNode.Parse(await http.GetStringAsync("api.xro/2.0/Contacts", TestContext.Current.CancellationToken))!;
        return string.Join(",", list["Contacts"]!.AsArray().Select(x => x!["ContactID"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TimeProvider_DrivesTokenExpiryAndToday()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 22, 30, 0, TimeSpan.Zero));
        await using var sandbox = await XeroSandbox.StartAsync(new XeroSandboxOptions { TimeProvider = time, AccessTokenLifetime = TimeSpan.FromMinutes(1) },
            TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var tokens = sandbox.IssueTokens();
        Assert.Equal(time.GetUtcNow().AddMinutes(1), tokens.ExpiresAt);
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        http.DefaultRequestHeaders.Add("xero-tenant-id", sandbox.PrimaryTenant.TenantId.ToString());
        using var content = new StringContent("""{"Invoices":[{"Type":"ACCREC","Contact":{"Name":"Clock"},"LineItems":[{"Description":"x"}]}]}""",
            System.Text.Encoding.UTF8, "application/json");
        using var created = await http.PutAsync("api.xro/2.0/Invoices", content, TestContext.Current.CancellationToken);
        var invoice = JsonNode.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["Invoices"]![0]!;
        // 22:30 UTC on 2 March is 3 March in Auckland: Invoice.Date defaults to the organisation's today.
        Assert.Equal("2026-03-03T00:00:00", invoice["DateString"]!.GetValue<string>());

        time.Advance(TimeSpan.FromMinutes(1));
        using var expired = await http.GetAsync("api.xro/2.0/Contacts", TestContext.Current.CancellationToken);
        Assert.Equal(401, (int)expired.StatusCode);
    }

    [Fact]
    public void CommandLine_ParsesEveryOption_HelpListsThem()
    {
        var o = XeroSandboxOptions.FromCommandLine(
        [
            "--urls", "http://127.0.0.1:6000", "--client-id=abc", "--client-secret", "s", "--app-name", "App", "--redirect-uri", "https://app.example/cb",
            "--no-loopback-redirects", "--seed", "9", "--seed-contacts", "5", "--seed-invoices", "6", "--lines-per-invoice", "2", "--no-default-data",
            "--access-token-lifetime", "90s", "--refresh-token-lifetime", "3600", "--refresh-grace", "00:05:00", "--start-time", "2026-01-01T00:00:00Z", "--quiet",
            "--no-rate-limits", "--rate-limit-minute", "10", "--rate-limit-day", "20", "--rate-limit-app-minute", "30", "--rate-limit-concurrent", "2",
        ]);
        Assert.Equal("http://127.0.0.1:6000", o.Urls);
        Assert.Equal("abc", o.ClientId);
        Assert.Equal(["https://app.example/cb"], o.RedirectUris);
        Assert.False(o.AllowLoopbackRedirectUris);
        Assert.Equal((9, 5, 6, 2), (o.Seed, o.SeedContacts, o.SeedInvoices, o.LinesPerInvoice));
        Assert.False(o.SeedDefaultData);
        Assert.Equal(TimeSpan.FromSeconds(90), o.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromHours(1), o.RefreshTokenLifetime);
        Assert.Equal(TimeSpan.FromMinutes(5), o.RefreshTokenReuseGrace);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), o.StartTime);
        Assert.False(o.PrintBanner);
        Assert.Equal((false, 10, 20, 30, 2), (o.RateLimits.Enabled, o.RateLimits.PerMinute, o.RateLimits.PerDay, o.RateLimits.AppPerMinute, o.RateLimits.Concurrent));

        foreach (var option in new[] { "--urls", "--client-id", "--client-secret", "--app-name", "--redirect-uri", "--no-loopback-redirects", "--seed ", "--seed-contacts",
            "--seed-invoices", "--lines-per-invoice", "--no-default-data", "--access-token-lifetime", "--refresh-token-lifetime", "--refresh-grace", "--start-time", "--quiet", "--help",
            "--no-rate-limits", "--rate-limit-minute", "--rate-limit-day", "--rate-limit-app-minute", "--rate-limit-concurrent" })
        {
            Assert.Contains(option, XeroSandboxOptions.HelpText, StringComparison.Ordinal);
        }

        Assert.True(XeroSandboxOptions.WantsHelp(["--seed", "1", "--help"]));
        Assert.Throws<ArgumentException>(() => XeroSandboxOptions.FromCommandLine(["--bogus"]));
        Assert.Throws<ArgumentException>(() => XeroSandboxOptions.FromCommandLine(["--seed-contacts", "-1"]));
        Assert.Throws<ArgumentException>(() => XeroSandboxOptions.FromCommandLine(["--access-token-lifetime", "soon"]));
    }

    [Fact]
    public async Task SeedOptions_AddInvoicesAndContacts()
    {
        await using var sandbox = await XeroSandbox.StartAsync(new XeroSandboxOptions { SeedDefaultData = false, SeedInvoices = 30, LinesPerInvoice = 2 },
            TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.IssueTokens().AccessToken);
        http.DefaultRequestHeaders.Add("xero-tenant-id", sandbox.PrimaryTenant.TenantId.ToString());
        var page = JsonNode.Parse(await http.GetStringAsync("api.xro/2.0/Invoices?page=1", TestContext.Current.CancellationToken))!;
        Assert.Equal(30, page["pagination"]!["itemCount"]!.GetValue<int>());
        Assert.All(page["Invoices"]!.AsArray(), i => Assert.Equal(2, i!["LineItems"]!.AsArray().Count));
        sandbox.SeedContacts(sandbox.SecondaryTenant.TenantId, 3);
        http.DefaultRequestHeaders.Remove("xero-tenant-id");
        http.DefaultRequestHeaders.Add("xero-tenant-id", sandbox.SecondaryTenant.TenantId.ToString());
        var au = JsonNode.Parse(await http.GetStringAsync("api.xro/2.0/Contacts", TestContext.Current.CancellationToken))!;
        Assert.Equal(3, au["Contacts"]!.AsArray().Count);
    }

    [Fact]
    public async Task ClearData_EmptiesOneOrganisationsRecordsAndRestartsNumbering()
    {
        await using var sandbox = await XeroSandbox.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.IssueTokens().AccessToken);
        http.DefaultRequestHeaders.Add("xero-tenant-id", sandbox.PrimaryTenant.TenantId.ToString());

        var added = await http.PutAsync("api.xro/2.0/TaxRates", new StringContent(
            """{"TaxRates":[{"Name":"Added","ReportTaxType":"OUTPUT","TaxComponents":[{"Name":"Added","Rate":1}]}]}""", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.True(added.IsSuccessStatusCode);
        sandbox.ClearData(sandbox.PrimaryTenant.TenantId);
        var contacts = JsonNode.Parse(await http.GetStringAsync("api.xro/2.0/Contacts?includeArchived=true", TestContext.Current.CancellationToken))!;
        var invoices = JsonNode.Parse(await http.GetStringAsync("api.xro/2.0/Invoices", TestContext.Current.CancellationToken))!;
        var payments = JsonNode.Parse(await http.GetStringAsync("api.xro/2.0/Payments", TestContext.Current.CancellationToken))!;
        var taxRates = JsonNode.Parse(await http.GetStringAsync("api.xro/2.0/TaxRates", TestContext.Current.CancellationToken))!;
        var items = JsonNode.Parse(await http.GetStringAsync("api.xro/2.0/Items", TestContext.Current.CancellationToken))!;
        http.DefaultRequestHeaders.Remove("xero-tenant-id");
        http.DefaultRequestHeaders.Add("xero-tenant-id", sandbox.SecondaryTenant.TenantId.ToString());
        var other = JsonNode.Parse(await http.GetStringAsync("api.xro/2.0/Contacts", TestContext.Current.CancellationToken))!;

        Assert.Empty(contacts["Contacts"]!.AsArray());
        Assert.Empty(invoices["Invoices"]!.AsArray());
        Assert.Empty(payments["Payments"]!.AsArray());
        Assert.Equal(["GSTONIMPORTS", "INPUT2", "NONE", "OUTPUT2", "ZERORATED"],
            taxRates["TaxRates"]!.AsArray().Select(t => t!["TaxType"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Empty(items["Items"]!.AsArray());
        Assert.NotEmpty(other["Contacts"]!.AsArray());
    }
}
