using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

public sealed class ContactTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private async Task<JsonNode> CreateAsync(string name, params (string Key, JsonNode? Value)[] more)
    {
        var r = await f.PutAsync(Api("Contacts"), J.Batch("Contacts", J.Obj([("Name", name), .. more])));
        Assert.Equal(200, r.Status);
        return r.First("Contacts");
    }

    [Fact]
    public async Task List_EnvelopeAndDefaultSlots()
    {
        var r = await f.GetAsync(Api("Contacts"));
        Assert.Equal(200, r.Status);
        Assert.Equal("OK", r.Body["Status"]!.GetValue<string>());
        Assert.Equal(f.Sandbox.Options.AppName, r.Body["ProviderName"]!.GetValue<string>());
        Assert.Matches(@"^/Date\(\d+\)/$", r.Body["DateTimeUTC"]!.GetValue<string>());
        Assert.True(Guid.TryParse(r.Body["Id"]!.GetValue<string>(), out _));
        Assert.Null(r.Body["pagination"]);
        var ridgeway = r.Body["Contacts"]!.AsArray().First(c => c!["Name"]!.GetValue<string>() == "Ridgeway University")!;
        Assert.True(ridgeway["IsCustomer"]!.GetValue<bool>());
        Assert.False(ridgeway["IsSupplier"]!.GetValue<bool>());
        Assert.Equal(["STREET", "POBOX"], ridgeway["Addresses"]!.AsArray().Select(a => a!["AddressType"]!.GetValue<string>()));
        Assert.Equal(4, ridgeway["Phones"]!.AsArray().Count);
        Assert.Matches(@"^/Date\(\d+\+0000\)/$", ridgeway["UpdatedDateUTC"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ThenGetByIdAndByNumber_UnknownIs404PlainText()
    {
        var c = await CreateAsync("Ada Lovelace Ltd", ("ContactNumber", "ADA-1"), ("EmailAddress", "ada@example.test"),
            ("Phones", J.Arr(J.Obj(("PhoneType", "MOBILE"), ("PhoneNumber", "021 555")))),
            ("IsCustomer", true));
        var id = c["ContactID"]!.GetValue<string>();
        Assert.Equal("ACTIVE", c["ContactStatus"]!.GetValue<string>());
        Assert.False(c["IsCustomer"]!.GetValue<bool>()); // read-only: set by invoices, not by the client
        Assert.Equal("021 555", c["Phones"]!.AsArray().First(p => p!["PhoneType"]!.GetValue<string>() == "MOBILE")!["PhoneNumber"]!.GetValue<string>());

        Assert.Equal(id, (await f.GetAsync(Api($"Contacts/{id}"))).First("Contacts")["ContactID"]!.GetValue<string>());
        Assert.Equal(id, (await f.GetAsync(Api("Contacts/ADA-1"))).First("Contacts")["ContactID"]!.GetValue<string>());

        var missing = await f.GetAsync(Api($"Contacts/{Guid.NewGuid()}"));
        Assert.Equal(404, missing.Status);
        Assert.Equal("text/plain", missing.ContentType);
        Assert.Equal("The resource you're looking for cannot be found", missing.Raw);
    }

    [Fact]
    public async Task DuplicateActiveName_ValidationException()
    {
        await CreateAsync("Buzz Lightyear");
        var r = await f.PutAsync(Api("Contacts"), J.Batch("Contacts", J.Obj(("Name", "Buzz Lightyear"))));
        Assert.Equal(400, r.Status);
        Assert.Equal(10, r.Body["ErrorNumber"]!.GetValue<int>());
        Assert.Equal("ValidationException", r.Body["Type"]!.GetValue<string>());
        Assert.Equal("A validation exception occurred", r.Body["Message"]!.GetValue<string>());
        Assert.Equal("Buzz Lightyear", r.Body["Elements"]![0]!["Name"]!.GetValue<string>());
        Assert.Equal(
            "The contact name Buzz Lightyear is already assigned to another contact. The contact name must be unique across all active contacts.",
            r.FirstValidationMessage);
    }

    [Fact]
    public async Task Archive_HidesFromListUnlessIncludeArchived_AndFreesTheName()
    {
        var c = await CreateAsync("Archive Me");
        var id = c["ContactID"]!.GetValue<string>();
        var archived = await f.PostAsync(Api($"Contacts/{id}"), J.Batch("Contacts", J.Obj(("ContactStatus", "ARCHIVED"))));
        Assert.Equal("ARCHIVED", archived.First("Contacts")["ContactStatus"]!.GetValue<string>());

        var list = await f.GetAsync(Api("Contacts"));
        Assert.DoesNotContain(list.Body["Contacts"]!.AsArray(), x => x!["ContactID"]!.GetValue<string>() == id);
        var all = await f.GetAsync(Api("Contacts?includeArchived=true"));
        Assert.Contains(all.Body["Contacts"]!.AsArray(), x => x!["ContactID"]!.GetValue<string>() == id);
        Assert.Equal(200, (await f.GetAsync(Api($"Contacts/{id}"))).Status);

        await CreateAsync("Archive Me");
    }

    [Fact]
    public async Task PostWithoutId_CreatesOrUpdatesByContactNumber()
    {
        var created = await f.PostAsync(Api("Contacts"), J.Batch("Contacts", J.Obj(("Name", "Upsert Co"), ("ContactNumber", "UPS-1"))));
        var id = created.First("Contacts")["ContactID"]!.GetValue<string>();
        var updated = await f.PostAsync(Api("Contacts"), J.Batch("Contacts", J.Obj(("ContactNumber", "UPS-1"), ("EmailAddress", "ups@example.test"))));
        Assert.Equal(id, updated.First("Contacts")["ContactID"]!.GetValue<string>());
        Assert.Equal("Upsert Co", updated.First("Contacts")["Name"]!.GetValue<string>());
        Assert.Equal("ups@example.test", updated.First("Contacts")["EmailAddress"]!.GetValue<string>());
    }

    [Fact]
    public async Task Batch_SummarizedErrors_StoresValidElementsAndNamesOnlyFailures()
    {
        var r = await f.PutAsync(Api("Contacts"), J.Batch("Contacts", J.Obj(("Name", "Batch Good 1")), J.Obj(("Name", "")), J.Obj(("Name", "Batch Good 2"))));
        Assert.Equal(400, r.Status);
        var failed = Assert.Single(r.Body["Elements"]!.AsArray());
        Assert.Equal("", failed!["Name"]!.GetValue<string>());
        var list = await f.GetAsync(Api("Contacts?where=Name.StartsWith(\"Batch Good\")"));
        Assert.Equal(2, list.Body["Contacts"]!.AsArray().Count);
    }

    [Fact]
    public async Task Batch_SummarizeErrorsFalse_200WithStatusAttributePerElement()
    {
        var r = await f.PutAsync(Api("Contacts?summarizeErrors=false"), J.Batch("Contacts", J.Obj(("Name", "Per Element OK")), J.Obj(("Name", "Per Element OK"))));
        Assert.Equal(200, r.Status);
        var items = r.Body["Contacts"]!.AsArray();
        Assert.Equal("OK", items[0]!["StatusAttributeString"]!.GetValue<string>());
        Assert.Equal("ERROR", items[1]!["StatusAttributeString"]!.GetValue<string>());
        Assert.StartsWith("The contact name Per Element OK is already assigned", items[1]!["ValidationErrors"]![0]!["Message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_PaginationObjectAndPageSize()
    {
        await using var sandbox = await XeroSandbox.StartAsync(new XeroSandboxOptions { SeedContacts = 250 }, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.IssueTokens().AccessToken);
        http.DefaultRequestHeaders.Add("xero-tenant-id", sandbox.PrimaryTenant.TenantId.ToString());
        async Task<JsonNode> Get(string q) => JsonNode.Parse(await http.GetStringAsync(Api("Contacts" + q), TestContext.Current.CancellationToken))!;

        var page1 = await Get("?page=1");
        Assert.Equal(100, page1["Contacts"]!.AsArray().Count);
        Assert.Equal(254, page1["pagination"]!["itemCount"]!.GetValue<int>());
        Assert.Equal(3, page1["pagination"]!["pageCount"]!.GetValue<int>());
        Assert.Equal(100, page1["pagination"]!["pageSize"]!.GetValue<int>());
        Assert.Equal(54, (await Get("?page=3"))["Contacts"]!.AsArray().Count);
        Assert.Empty((await Get("?page=4"))["Contacts"]!.AsArray());
        var big = await Get("?page=1&pageSize=5000");
        Assert.Equal(1000, big["pagination"]!["pageSize"]!.GetValue<int>());
        Assert.Equal(254, big["Contacts"]!.AsArray().Count);
        Assert.Equal(254, (await Get(""))["Contacts"]!.AsArray().Count);
        Assert.Equal(1, (await Get("?page=abc"))["pagination"]!["page"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(99, 2)]
    [InlineData(7, 20)]
    [InlineData(46, 5)]
    public async Task Paging_AnyPageSize_PageKHoldsOffsetsFromKMinus1TimesPageSize(int pageSize, int page)
    {
        await using var sandbox = await XeroSandbox.StartAsync(new XeroSandboxOptions { SeedContacts = 250 }, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.IssueTokens().AccessToken);
        http.DefaultRequestHeaders.Add("xero-tenant-id", sandbox.PrimaryTenant.TenantId.ToString());
        async Task<JsonNode> Get(string q) => JsonNode.Parse(await http.GetStringAsync(Api("Contacts" + q), TestContext.Current.CancellationToken))!;
        var all = (await Get("?page=1&pageSize=1000"))["Contacts"]!.AsArray().Select(c => c!["ContactID"]!.GetValue<string>()).ToArray();

        var window = await Get($"?page={page}&pageSize={pageSize}");

        Assert.Equal(all.Skip((page - 1) * pageSize).Take(pageSize), window["Contacts"]!.AsArray().Select(c => c!["ContactID"]!.GetValue<string>()));
        Assert.Equal((page, pageSize, all.Length), (window["pagination"]!["page"]!.GetValue<int>(), window["pagination"]!["pageSize"]!.GetValue<int>(), window["pagination"]!["itemCount"]!.GetValue<int>()));
    }

    [Fact]
    public async Task WhereOrderAndIds_Filter()
    {
        var a = await CreateAsync("Zeta Filter", ("EmailAddress", "zeta@filter.test"));
        var b = await CreateAsync("Alpha Filter");
        var contains = await f.GetAsync(Api("Contacts?where=" + Uri.EscapeDataString("Name.Contains(\"filter\") && EmailAddress!=null")));
        Assert.Equal(["Zeta Filter"], contains.Body["Contacts"]!.AsArray().Select(c => c!["Name"]!.GetValue<string>()));
        var ordered = await f.GetAsync(Api("Contacts?where=" + Uri.EscapeDataString("Name.EndsWith(\"Filter\")") + "&order=Name%20DESC"));
        Assert.Equal(["Zeta Filter", "Alpha Filter"], ordered.Body["Contacts"]!.AsArray().Select(c => c!["Name"]!.GetValue<string>()));
        var ids = await f.GetAsync(Api($"Contacts?IDs={b["ContactID"]},{a["ContactID"]}"));
        Assert.Equal(2, ids.Body["Contacts"]!.AsArray().Count);
        var byGuid = await f.GetAsync(Api("Contacts?where=" + Uri.EscapeDataString($"ContactID==Guid(\"{a["ContactID"]}\")")));
        Assert.Single(byGuid.Body["Contacts"]!.AsArray());
        var search = await f.GetAsync(Api("Contacts?searchTerm=zeta@"));
        Assert.Single(search.Body["Contacts"]!.AsArray());
    }

    [Theory]
    [InlineData("Name==")]
    [InlineData("Name==\"unterminated")]
    [InlineData("(Name==\"a\"")]
    [InlineData("Name==\"a\" AND")]
    [InlineData("IsCustomer==5")]
    [InlineData("Name #")]
    public async Task BadWhere_400QueryParseException(string where)
    {
        var r = await f.GetAsync(Api("Contacts?where=" + Uri.EscapeDataString(where)));
        Assert.Equal(400, r.Status);
        Assert.Equal(16, r.Body["ErrorNumber"]!.GetValue<int>());
        Assert.Equal("QueryParseException", r.Body["Type"]!.GetValue<string>());
    }

    [Fact]
    public async Task IfModifiedSince_ReturnsOnlyLaterChanges()
    {
        f.Sandbox.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = f.Sandbox.Clock.GetUtcNow();
        await CreateAsync("Modified Later");
        var iso = await f.GetAsync(Api("Contacts"), headers: ("If-Modified-Since", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(iso.Body["Contacts"]!.AsArray(), c => c!["Name"]!.GetValue<string>() == "Modified Later");
        Assert.DoesNotContain(iso.Body["Contacts"]!.AsArray(), c => c!["Name"]!.GetValue<string>() == "Ridgeway University");
        var rfc = await f.GetAsync(Api("Contacts"), headers: ("If-Modified-Since", since.AddSeconds(-1).ToString("r", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(rfc.Body["Contacts"]!.AsArray(), c => c!["Name"]!.GetValue<string>() == "Modified Later");
    }
}
