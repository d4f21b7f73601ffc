using System.Net;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

/// <summary>Bad input is answered as Xero answers it: 400 with Xero's error bodies, 404/405 for paths and verbs, never a 500.</summary>
public sealed class BadInputTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"Invoices\": 5}")]
    [InlineData("{\"Invoices\": [5]}")]
    [InlineData("{\"Invoices\": [{\"Type\": {\"nested\": 1}}]}")]
    [InlineData("{\"Invoices\": [{\"Type\":\"ACCREC\",\"Contact\":{\"Name\":\"X\"},\"LineItems\":[{\"Description\":\"a\",\"Quantity\":\"many\"}]}]}")]
    [InlineData("{\"Invoices\": [{\"Type\":\"ACCREC\",\"Contact\":{\"Name\":\"X\"},\"Date\":\"yesterday\"}]}")]
    [InlineData("{\"Invoices\": [{\"InvoiceID\":\"not-a-guid\"}]}")]
    [InlineData("{\"Invoices\": [{\"Type\":\"ACCREC\",\"Contact\":{\"Name\":\"X\"},\"LineItems\":[{\"Description\":\"a\",\"UnitAmount\":1e300}]}]}")]
    public async Task UndeserialisableBody_PostDataInvalidException(string body)
    {
        var r = await f.PutAsync(Api("Invoices"), body);
        Assert.Equal(400, r.Status);
        Assert.Equal(14, r.Body["ErrorNumber"]!.GetValue<int>());
        Assert.Equal("PostDataInvalidException", r.Body["Type"]!.GetValue<string>());
        Assert.StartsWith("JSON for post data was invalid,", r.Body["Message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTypeMessage_NamesThePath()
    {
        var r = await f.PutAsync(Api("Invoices"), """{"Invoices":[{"Type":"ACCREC","Contact":{"Name":"X"},"LineItems":[{"Description":"a","Quantity":"many"}]}]}""");
        Assert.Equal("JSON for post data was invalid,Could not convert string to decimal: many. Path 'Invoices[0].LineItems[0].Quantity'.", r.Body["Message"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmptyBody_PostDataInvalidException()
    {
        var r = await f.SendAsync(HttpMethod.Put, Api("Contacts"), "", null, null, []);
        Assert.Equal(400, r.Status);
        Assert.Equal("PostDataInvalidException", r.Body["Type"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownResource_404PlainText_UnsupportedVerb_405()
    {
        var unknown = await f.GetAsync(Api("Widgets"));
        Assert.Equal(404, unknown.Status);
        Assert.Equal("The resource you're looking for cannot be found", unknown.Raw);
        Assert.Equal(404, (await f.GetAsync(Api("Invoices/a/b"))).Status);
        Assert.Equal(405, (await f.SendAsync(HttpMethod.Delete, Api("Contacts/" + Guid.NewGuid()), null, null, null, [])).Status);
        Assert.Equal(404, (await f.PostAsync(Api($"Invoices/{Guid.NewGuid()}"), J.Batch("Invoices", J.Obj(("Reference", "x"))))).Status);
    }

    [Fact]
    public async Task UnknownIdInBody_ValidationError()
    {
        var r = await f.PostAsync(Api("Contacts"), J.Batch("Contacts", J.Obj(("ContactID", Guid.NewGuid().ToString()), ("Name", "Ghost"))));
        Assert.Equal(400, r.Status);
        Assert.Equal("The document with the supplied id was not found for this endpoint.", r.FirstValidationMessage);
    }

    [Fact]
    public async Task GetWithJsonBody_IsServed()
    {
        // xero-node sends "{}" with every GET.
        var r = await f.SendAsync(HttpMethod.Get, Api("Contacts"), "{}", null, null, []);
        Assert.Equal(200, r.Status);
    }

    [Fact]
    public async Task PathsAreCaseInsensitive()
    {
        Assert.Equal(200, (await f.GetAsync("API.XRO/2.0/invoices")).Status);
        Assert.Equal(200, (await f.GetAsync("Connections", tenant: "")).Status);
    }

    [Fact]
    public async Task Fuzz_NeverAnswers500()
    {
        string[] paths = ["Contacts", "Invoices", "Payments", "TaxRates", "Accounts", "Organisation", $"Invoices/{Guid.NewGuid()}", "Contacts/x y", "Payments/%00",
            "Quotes", $"Quotes/{Guid.NewGuid()}"];
        string[] bodies = ["{", "{}", "[]", "null", "{\"Contacts\":null}", "{\"Payments\":[{\"Invoice\":5}]}", "{\"Invoices\":[{\"LineItems\":[null]}]}", "{\"Quotes\":[{\"Status\":5,\"LineItems\":[{}]}]}",
            "{\"Invoices\":[{\"Type\":\"ACCREC\",\"Contact\":{\"ContactID\":\"" + Guid.NewGuid() + "\"},\"LineItems\":[{\"Description\":\"x\",\"Quantity\":-1e20}]}]}",
            new string('[', 100) + new string(']', 100), "{\"Contacts\":[{\"Name\":\"" + new string('x', 300) + "\"}]}"];
        string[] queries = ["", "?page=-1", "?page=99999999999", "?pageSize=0", "?where=%22", "?order=%3B%3B", "?unitdp=9", "?summarizeErrors=maybe", "?IDs=,,,", "?DateFrom=2026-13-45&ExpiryDateTo=%00&Status=%22"];
        foreach (var path in paths)
        {
            foreach (var query in queries)
            {
                var get = await f.GetAsync(Api(path + query));
                Assert.True(get.Status < 500 || get.Status == 501, $"GET {path}{query}: {get.Status} {get.Raw}");
                foreach (var body in bodies)
                {
                    foreach (var method in new[] { HttpMethod.Put, HttpMethod.Post })
                    {
                        var r = await f.SendAsync(method, Api(path + query), body, null, null, []);
                        Assert.True(r.Status < 500 || r.Status == 501, $"{method} {path}{query} {body}: {r.Status} {r.Raw}");
                    }
                }
            }
        }

        Assert.DoesNotContain(f.Sandbox.Requests, q => q.StatusCode == (int)HttpStatusCode.InternalServerError);
    }
}
