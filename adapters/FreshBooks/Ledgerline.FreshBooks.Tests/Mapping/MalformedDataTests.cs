using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.FreshBooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Mapping;

/// <summary>
/// Provider data that is present but malformed is an error that quotes it, never a silent null or zero; a missing field,
/// an explicit null and a number sent as a numeric string still read.
/// </summary>
public sealed class MalformedDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, FreshBooksJson.Options)!;

    [Theory]
    [InlineData("""{"id": 42}""", 42L)]
    [InlineData("""{"id": "42"}""", 42L)]
    [InlineData("""{"id": "-7"}""", -7L)]
    [InlineData("""{"id": 9007199254740993}""", 9007199254740993L)]
    [InlineData("""{"id": null}""", null)]
    [InlineData("""{}""", null)]
    public void Deserialize_Int64NumberNumericStringOrNull_Read(string json, long? expected)
    {
        Assert.Equal(expected, Read<ClientWire>(json).Id);
    }

    [Theory]
    [InlineData("""{"vis_state": 2}""", 2)]
    [InlineData("""{"vis_state": "1"}""", 1)]
    [InlineData("""{"vis_state": null}""", null)]
    [InlineData("""{}""", null)]
    public void Deserialize_Int32NumberNumericStringOrNull_Read(string json, int? expected)
    {
        Assert.Equal(expected, Read<ClientWire>(json).VisState);
    }

    [Theory]
    [InlineData("""{"is_logged": true, "billable": "0", "active": 1, "billed": null}""", true, false, true, null)]
    [InlineData("""{"is_logged": "True", "billable": false, "active": "1"}""", true, false, true, null)]
    public void Deserialize_BooleanSpellings_Read(string json, bool? logged, bool? billable, bool? active, bool? billed)
    {
        var entry = Read<TimeEntryWire>(json);

        Assert.Equal((logged, billable, active, billed), (entry.IsLogged, entry.Billable, entry.Active, entry.Billed));
    }

    [Fact]
    public void Deserialize_StringFieldSentAsNumber_KeepsEveryDigit()
    {
        Assert.Equal("12.3400", Read<MoneyWire>("""{"amount": 12.3400, "code": "USD"}""").Amount);
    }

    [Theory]
    [InlineData("""{"id": "abc"}""", "$.id", "\"abc\"")]
    [InlineData("""{"id": ""}""", "$.id", "\"\"")]
    [InlineData("""{"id": 1.5}""", "$.id", "1.5")]
    [InlineData("""{"id": "12 "}""", "$.id", "\"12 \"")]
    [InlineData("""{"userid": [1, 2]}""", "$.userid", "[1, 2]")]
    [InlineData("""{"vis_state": "x"}""", "$.vis_state", "\"x\"")]
    [InlineData("""{"vis_state": 99999999999}""", "$.vis_state", "99999999999")]
    [InlineData("""{"vis_state": true}""", "$.vis_state", "true")]
    [InlineData("""{"fname": {"first": "Ada"}}""", "$.fname", """{"first": "Ada"}""")]
    public void Deserialize_PresentButMalformedClientValue_JsonExceptionQuotingRawText(string json, string path, string raw)
    {
        var error = Assert.Throws<JsonException>(() => Read<ClientWire>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(raw, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_InvoiceStatusObject_JsonExceptionQuotingRawText()
    {
        var error = Assert.Throws<JsonException>(() => Read<InvoiceWire>("""{"id": 1, "status": {}}"""));

        Assert.Equal("$.status", error.Path);
        Assert.Contains("{}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NestedLineValueMalformed_PathNamesTheLine()
    {
        var error = Assert.Throws<JsonException>(() => Read<InvoiceWire>("""{"lines": [{"lineid": 1}, {"lineid": "two"}]}"""));

        Assert.Equal("$.lines[1].lineid", error.Path);
        Assert.Contains("\"two\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("")]
    public void Deserialize_BooleanWord_JsonExceptionQuotingRawText(string word)
    {
        var error = Assert.Throws<JsonException>(() => Read<TimeEntryWire>($$"""{"billable": "{{word}}"}"""));

        Assert.Equal("$.billable", error.Path);
        Assert.Contains($"\"{word}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_HugeMalformedValue_QuoteBounded()
    {
        var junk = new string('z', 10_000);

        var error = Assert.Throws<JsonException>(() => Read<ClientWire>($$"""{"id": "{{junk}}"}"""));

        Assert.Contains("\"" + new string('z', FreshBooksJson.MaxQuotedLength - 1), error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message.Length.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Serialize_IntegersAndNulls_WrittenAsNumbersOrLeftOut()
    {
        var json = JsonSerializer.Serialize(new ExpenseWrite { CategoryId = 9007199254740993, ClientId = null }, FreshBooksJson.Options);

        Assert.Equal("""{"categoryid":9007199254740993}""", json);
    }

    [Fact]
    public void Record_MalformedId_InvalidProviderResponseQuotingRawText()
    {
        var response = Golden.Response("""{"response": {"result": {"client": {"id": "abc", "vis_state": 0, "organization": "Junk Ltd."}}}}""", EntityKind.Contact, 200);

        var invalid = Assert.Throws<InvalidProviderResponseException>(() => Support.Read.Record<Contact>(response));

        Assert.Equal("FreshBooks", invalid.Provider);
        Assert.Equal(200, invalid.StatusCode);
        Assert.Contains("$.id", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("\"abc\"", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("Junk Ltd.", invalid.BodyExcerpt, StringComparison.Ordinal);
        Assert.IsType<JsonException>(invalid.InnerException);
    }

    [Theory]
    [InlineData("12,5")]
    [InlineData("abc")]
    [InlineData("1 000.00")]
    public void Record_JunkAmount_InvalidProviderResponseWithMoneyFormatRawText(string amount)
    {
        var json = """{"response": {"result": {"payment": {"id": 5, "invoiceid": 7, "amount": {"amount": """ + JsonSerializer.Serialize(amount)
            + """, "code": "USD"}, "date": "2024-07-01", "vis_state": 0}}}}""";
        var response = Golden.Response(json, EntityKind.Payment, 200);

        var invalid = Assert.Throws<InvalidProviderResponseException>(() => Support.Read.Record<Payment>(response));

        var money = Assert.IsType<MoneyFormatException>(invalid.InnerException);
        Assert.Equal(amount, money.RawText);
        Assert.Contains($"'{amount}'", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(200, invalid.StatusCode);
    }

    [Fact]
    public void Record_HugeJunkAmount_MessageBounded()
    {
        var amount = new string('9', 5_000) + "x";
        var json = """{"response": {"result": {"payment": {"id": 5, "amount": {"amount": """ + JsonSerializer.Serialize(amount)
            + """, "code": "USD"}, "vis_state": 0}}}}""";
        var response = Golden.Response(json, EntityKind.Payment, 200);

        var invalid = Assert.Throws<InvalidProviderResponseException>(() => Support.Read.Record<Payment>(response));

        Assert.True(invalid.Message.Length < 600, invalid.Message.Length.ToString(CultureInfo.InvariantCulture));
        Assert.True(invalid.BodyExcerpt!.Length <= FreshBooksErrorTable.MaxExcerptLength);
    }

    [Fact]
    public async Task GetAsync_SandboxSendsMalformedVisState_InvalidProviderResponseQuotingRawText()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync(
            o => o.MaxRetries = 0,
            services: s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(
                () => new RewriteBodyHandler("/users/clients/", root => root["response"]!["result"]!["client"]!["vis_state"] = "x"))));
        var ledger = await fixture.OpenAsync();
        var id = fixture.Sandbox.Data.AddClient(fixture.AccountId, "Rewritten Ltd.").ToString(CultureInfo.InvariantCulture);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Contacts.GetAsync(id, Ct));

        Assert.Equal("FreshBooks", invalid.Provider);
        Assert.Equal(200, invalid.StatusCode);
        Assert.Contains("$.vis_state", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("\"x\"", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("Rewritten Ltd.", invalid.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SandboxSendsJunkInvoiceAmount_InvalidProviderResponseWithRawText()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync(
            o => o.MaxRetries = 0,
            services: s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(
                () => new RewriteBodyHandler("/invoices/invoices/", root => root["response"]!["result"]!["invoice"]!["amount"]!["amount"] = "12,5"))));
        var ledger = await fixture.OpenAsync();
        var id = fixture.Sandbox.Data.SeedInvoices(fixture.AccountId, 1, linesPerInvoice: 1)[0].ToString(CultureInfo.InvariantCulture);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Invoices.GetAsync(id, Ct));

        Assert.Equal(200, invalid.StatusCode);
        Assert.Contains("'12,5'", invalid.Message, StringComparison.Ordinal);
        Assert.Equal("12,5", Assert.IsType<MoneyFormatException>(invalid.InnerException).RawText);
    }

    [Fact]
    public async Task ListAsync_SandboxSendsMalformedValueInThirdRecord_InvalidProviderResponseAtThatRecordQuotingIt()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync(
            o => o.MaxRetries = 0,
            services: s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(
                () => new RewriteBodyHandler("/users/clients", root => root["response"]!["result"]!["clients"]![2]!["vis_state"] = "x"))));
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Data.SeedClients(fixture.AccountId, 5);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in ledger.Contacts.ListAsync(new ContactQuery(), Ct))
            {
            }
        });

        // The excerpt is that one record, not the page.
        Assert.Equal(200, invalid.StatusCode);
        Assert.Contains("at $.vis_state", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("\"x\"", invalid.Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"accounting_systemid\"", invalid.BodyExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("\"clients\"", invalid.BodyExcerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("null")]
    public async Task ListAsync_SandboxSendsUnreadablePageCount_InvalidProviderResponseNotATruncatedListing(string pages)
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync(
            o => o.MaxRetries = 0,
            services: s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(
                () => new RewriteBodyHandler("/users/clients", root => root["response"]!["result"]!["pages"] = JsonNode.Parse(pages)))));
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Data.SeedClients(fixture.AccountId, 3);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in ledger.Contacts.ListAsync(new ContactQuery { PageSize = 2 }, Ct))
            {
            }
        });

        Assert.Equal(200, invalid.StatusCode);
        Assert.Contains("pages", invalid.Message, StringComparison.Ordinal);
    }

    /// <summary>Changes the JSON body of successful GET answers from paths containing a fragment, as a misbehaving provider would.</summary>
    private sealed class RewriteBodyHandler(string pathFragment, Action<JsonNode> rewrite) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method != HttpMethod.Get || !response.IsSuccessStatusCode
                || request.RequestUri?.AbsolutePath.Contains(pathFragment, StringComparison.Ordinal) != true)
            {
                return response;
            }

            var root = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            rewrite(root);
            var content = new StringContent(root.ToJsonString());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            response.Content.Dispose();
            response.Content = content;
            return response;
        }
    }
}
