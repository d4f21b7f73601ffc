using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

/// <summary>Quotes: totals with Xero's rounding, numbers, the lifecycle and what Xero refuses, the documented list filters.</summary>
public sealed class QuoteTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private static decimal D(JsonNode node, string name) => node[name]!.GetValue<decimal>();

    private static string S(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static JsonObject Quote(string contact, string lineAmountTypes, params JsonNode[] lines) =>
        J.Obj(("Contact", J.Obj(("Name", contact))), ("LineAmountTypes", lineAmountTypes), ("Date", "2026-11-01"),
            ("ExpiryDate", "2026-11-30"), ("LineItems", new JsonArray(lines)));

    private async Task<JsonNode> CreateAsync(JsonObject quote)
    {
        var r = await f.PutAsync(Api("Quotes"), J.Batch("Quotes", quote));
        Assert.True(r.Status == 200, r.Raw);
        return r.First("Quotes");
    }

    private Task<ApiResponse> StatusAsync(string id, string status) =>
        f.PostAsync(Api($"Quotes/{id}"), J.Batch("Quotes", J.Obj(("Status", status))));

    [Fact]
    public async Task Create_ComputesTotalsForEveryLineAmountType_AndNumbersQuotes()
    {
        var discounted = J.Line("Design", 3, 33.33m);
        discounted["DiscountRate"] = 10;
        var exclusive = await CreateAsync(Quote("Quote Totals Ltd", "EXCLUSIVE", discounted, J.Line("Print", 1, 19.99m)));
        var inclusive = await CreateAsync(Quote("Quote Totals Ltd", "Inclusive", J.Line("Membership", 1, 20m)));
        var noTax = await CreateAsync(Quote("Quote Totals Ltd", "NOTAX", J.Line("Advice", 2, 12.50m)));

        // 3 × 33.33 × 0.9 = 89.991 → 89.99; tax per line: 13.50 + 3.00 (15 % GST).
        Assert.Equal((109.98m, 16.50m, 126.48m, 10.00m), (D(exclusive, "SubTotal"), D(exclusive, "TotalTax"), D(exclusive, "Total"), D(exclusive, "TotalDiscount")));
        Assert.Equal(("EXCLUSIVE", "DRAFT", "OUTPUT2"), (S(exclusive, "LineAmountTypes"), S(exclusive, "Status"), S(exclusive["LineItems"]![0]!, "TaxType")));
        Assert.Equal(89.99m, D(exclusive["LineItems"]![0]!, "LineAmount"));
        Assert.Equal((17.39m, 2.61m, 20.00m, "INCLUSIVE"), (D(inclusive, "SubTotal"), D(inclusive, "TotalTax"), D(inclusive, "Total"), S(inclusive, "LineAmountTypes")));
        Assert.Equal((25.00m, 0.00m, 25.00m, "NOTAX"), (D(noTax, "SubTotal"), D(noTax, "TotalTax"), D(noTax, "Total"), S(noTax, "LineAmountTypes")));
        Assert.Null(inclusive["TotalDiscount"]);

        var numbers = new[] { exclusive, inclusive, noTax }.Select(q => S(q, "QuoteNumber")).ToList();
        Assert.All(numbers, n => Assert.Matches(@"^QU-\d{4}$", n));
        Assert.Equal(3, numbers.Distinct().Count());
        Assert.Equal("2026-11-30T00:00:00", S(exclusive, "ExpiryDateString"));
        Assert.StartsWith("/Date(", S(exclusive, "ExpiryDate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitDp4_KeepsFourDecimals_AndTitleSummaryTermsReferenceRoundTrip()
    {
        var quote = Quote("Quote Fields Ltd", "EXCLUSIVE", J.Line("Fine work", 1, 10.1234m));
        quote["Title"] = "Proposal";
        quote["Summary"] = "Two phases";
        quote["Terms"] = "Valid 30 days";
        quote["Reference"] = "REF-9";
        var r = await f.PutAsync(Api("Quotes?unitdp=4"), J.Batch("Quotes", quote));
        var created = r.First("Quotes");
        var rounded = (await f.GetAsync(Api($"Quotes/{S(created, "QuoteID")}"))).First("Quotes");

        Assert.Equal(10.1234m, D(created["LineItems"]![0]!, "UnitAmount"));
        Assert.Equal(10.12m, D(created["LineItems"]![0]!, "LineAmount"));
        Assert.Equal(10.12m, D(rounded["LineItems"]![0]!, "UnitAmount"));
        Assert.Equal(("Proposal", "Two phases", "Valid 30 days", "REF-9"), (S(rounded, "Title"), S(rounded, "Summary"), S(rounded, "Terms"), S(rounded, "Reference")));
    }

    [Fact]
    public async Task Lifecycle_DraftSentAcceptedInvoiced_IsAllowed_AndInvoicedIsReadOnly()
    {
        var id = S(await CreateAsync(Quote("Quote Lifecycle Ltd", "EXCLUSIVE", J.Line("Work", 1, 100m))), "QuoteID");

        var sent = await StatusAsync(id, "SENT");
        var accepted = await StatusAsync(id, "ACCEPTED");
        var invoiced = await StatusAsync(id, "INVOICED");
        var edit = await f.PostAsync(Api($"Quotes/{id}"), J.Batch("Quotes", J.Obj(("Title", "Late edit"))));
        var delete = await StatusAsync(id, "DELETED");

        Assert.Equal(("SENT", "ACCEPTED", "INVOICED"), (S(sent.First("Quotes"), "Status"), S(accepted.First("Quotes"), "Status"), S(invoiced.First("Quotes"), "Status")));
        Assert.Equal((400, "ValidationException"), (edit.Status, S(edit.Body, "Type")));
        Assert.Equal("Quote not of valid status for modification", edit.FirstValidationMessage);
        Assert.Equal(400, delete.Status);
        Assert.Equal("INVOICED", S((await f.GetAsync(Api($"Quotes/{id}"))).First("Quotes"), "Status"));
    }

    [Theory]
    [InlineData(new[] { "ACCEPTED" }, "A DRAFT quote can only be sent or deleted; it cannot become ACCEPTED.")]
    [InlineData(new[] { "INVOICED" }, "A DRAFT quote can only be sent or deleted; it cannot become INVOICED.")]
    [InlineData(new[] { "SENT", "INVOICED" }, "A SENT quote can only be accepted, declined or deleted; it cannot become INVOICED.")]
    [InlineData(new[] { "SENT", "DRAFT" }, "A SENT quote can only be accepted, declined or deleted; it cannot become DRAFT.")]
    [InlineData(new[] { "SENT", "DECLINED", "ACCEPTED" }, "A DECLINED quote can only be deleted; it cannot become ACCEPTED.")]
    [InlineData(new[] { "SENT", "ACCEPTED", "DECLINED" }, "An ACCEPTED quote can only be invoiced or deleted; it cannot become DECLINED.")]
    [InlineData(new[] { "DELETED", "DRAFT" }, "Quote not of valid status for modification")]
    [InlineData(new[] { "PAID" }, "The status 'PAID' is not a valid quote status.")]
    public async Task IllegalTransition_IsRefusedAsAValidationException(string[] steps, string message)
    {
        var id = S(await CreateAsync(Quote("Quote Transitions Ltd", "EXCLUSIVE", J.Line("Work", 1, 10m))), "QuoteID");
        ApiResponse last = null!;
        foreach (var step in steps)
        {
            last = await StatusAsync(id, step);
        }

        Assert.Equal(400, last.Status);
        Assert.Equal((10, "ValidationException"), (last.Body["ErrorNumber"]!.GetValue<int>(), S(last.Body, "Type")));
        Assert.Equal(message, last.FirstValidationMessage);
    }

    [Fact]
    public async Task Create_WhatXeroRefuses()
    {
        var unknownContact = await f.PutAsync(Api("Quotes"), J.Batch("Quotes", J.Obj(("Contact", J.Obj(("ContactID", Guid.NewGuid().ToString()))),
            ("LineItems", J.Arr(J.Line("A", 1, 1m))))));
        var noContact = await f.PutAsync(Api("Quotes"), J.Batch("Quotes", J.Obj(("LineItems", J.Arr(J.Line("A", 1, 1m))))));
        var accepted = Quote("Quote Refusals Ltd", "EXCLUSIVE", J.Line("A", 1, 1m));
        accepted["Status"] = "ACCEPTED";
        var asAccepted = await f.PutAsync(Api("Quotes"), J.Batch("Quotes", accepted));
        var badTypes = await f.PutAsync(Api("Quotes"), J.Batch("Quotes", Quote("Quote Refusals Ltd", "GROSS", J.Line("A", 1, 1m))));
        var early = Quote("Quote Refusals Ltd", "EXCLUSIVE", J.Line("A", 1, 1m));
        early["ExpiryDate"] = "2026-10-01";
        var expiresEarly = await f.PutAsync(Api("Quotes"), J.Batch("Quotes", early));
        var emptySent = J.Obj(("Contact", J.Obj(("Name", "Quote Refusals Ltd"))), ("Status", "SENT"));
        var sentWithoutLines = await f.PutAsync(Api("Quotes"), J.Batch("Quotes", emptySent));
        var taken = Quote("Quote Refusals Ltd", "EXCLUSIVE", J.Line("A", 1, 1m));
        taken["QuoteNumber"] = "QU-0001";
        var duplicate = await f.PutAsync(Api("Quotes"), J.Batch("Quotes", taken));

        Assert.Equal((400, "ValidationException"), (unknownContact.Status, S(unknownContact.Body, "Type")));
        Assert.StartsWith("The contact with ContactID", unknownContact.FirstValidationMessage, StringComparison.Ordinal);
        Assert.StartsWith("The Contact must contain at least 1 of the following elements", noContact.FirstValidationMessage, StringComparison.Ordinal);
        Assert.Equal("A quote can only be created as DRAFT or SENT.", asAccepted.FirstValidationMessage);
        Assert.Equal("LineAmountTypes must be EXCLUSIVE, INCLUSIVE or NOTAX.", badTypes.FirstValidationMessage);
        Assert.Equal("The expiry date cannot be before the quote date.", expiresEarly.FirstValidationMessage);
        Assert.Equal("A quote must have at least one line item before it can be sent.", sentWithoutLines.FirstValidationMessage);
        Assert.Equal("Quote number must be unique.", duplicate.FirstValidationMessage);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[1]")]
    [InlineData("{\"Quotes\": 5}")]
    [InlineData("{\"Quotes\": [{\"Contact\":{\"Name\":\"X\"},\"Date\":\"someday\"}]}")]
    [InlineData("{\"Quotes\": [{\"QuoteID\":\"not-a-guid\"}]}")]
    [InlineData("{\"Quotes\": [{\"Contact\":{\"Name\":\"X\"},\"LineItems\":[{\"Description\":\"a\",\"Quantity\":\"lots\"}]}]}")]
    public async Task MalformedBody_PostDataInvalidException(string body)
    {
        var r = await f.PutAsync(Api("Quotes"), body);
        Assert.Equal(400, r.Status);
        Assert.Equal((14, "PostDataInvalidException"), (r.Body["ErrorNumber"]!.GetValue<int>(), S(r.Body, "Type")));
    }

    [Fact]
    public async Task IdempotencyKey_ReplaysTheCreate_AndTheTransition()
    {
        async Task<ApiResponse> Send(HttpMethod method, string path, JsonObject body, string key) =>
            await f.SendAsync(method, Api(path), body, null, null, [("Idempotency-Key", key)]);

        var body = J.Batch("Quotes", Quote("Quote Idempotent Ltd", "EXCLUSIVE", J.Line("Once", 1, 10m)));
        var first = await Send(HttpMethod.Put, "Quotes", body, "quote-key-1");
        var replay = await Send(HttpMethod.Put, "Quotes", body, "quote-key-1");
        var id = S(first.First("Quotes"), "QuoteID");
        var sent = await Send(HttpMethod.Post, $"Quotes/{id}", J.Batch("Quotes", J.Obj(("Status", "SENT"))), "quote-key-2");
        var sentAgain = await Send(HttpMethod.Post, $"Quotes/{id}", J.Batch("Quotes", J.Obj(("Status", "SENT"))), "quote-key-2");
        var contactId = S(first.First("Quotes")["Contact"]!, "ContactID");

        Assert.Equal((200, first.Raw), (replay.Status, replay.Raw));
        Assert.Single((await f.GetAsync(Api($"Quotes?ContactID={contactId}"))).Body["Quotes"]!.AsArray());
        Assert.Equal((200, sent.Raw), (sentAgain.Status, sentAgain.Raw));
    }

    [Fact]
    public async Task SummarizeErrorsFalse_StoresTheValidElement_AndMarksTheOther()
    {
        var r = await f.PutAsync(Api("Quotes?summarizeErrors=false"), J.Batch("Quotes",
            Quote("Quote Batch Ltd", "EXCLUSIVE", J.Line("Good", 1, 5m)),
            J.Obj(("LineItems", J.Arr(J.Line("No contact", 1, 5m))))));

        Assert.Equal(200, r.Status);
        var quotes = r.Body["Quotes"]!.AsArray();
        Assert.Equal(("OK", "ERROR"), (S(quotes[0]!, "StatusAttributeString"), S(quotes[1]!, "StatusAttributeString")));
        Assert.Equal(200, (await f.GetAsync(Api($"Quotes/{S(quotes[0]!, "QuoteID")}"))).Status);
    }

    [Fact]
    public async Task Update_ReplacesLines_PostMatchesQuoteNumber_UnknownIdIs404()
    {
        var created = await CreateAsync(Quote("Quote Update Ltd", "EXCLUSIVE", J.Line("One", 1, 10m)));
        var lineId = S(created["LineItems"]![0]!, "LineItemID");
        var kept = J.Line("One, revised", 2, 10m);
        kept["LineItemID"] = lineId;
        var updated = (await f.PostAsync(Api($"Quotes/{S(created, "QuoteID")}"), J.Batch("Quotes", J.Obj(("LineItems", J.Arr(kept)))))).First("Quotes");
        var byNumber = (await f.PostAsync(Api("Quotes"), J.Batch("Quotes", J.Obj(("QuoteNumber", S(created, "QuoteNumber")), ("Title", "By number"))))).First("Quotes");
        var missing = await f.PostAsync(Api($"Quotes/{Guid.NewGuid()}"), J.Batch("Quotes", J.Obj(("Title", "x"))));

        Assert.Equal((lineId, 23.00m), (S(updated["LineItems"]![0]!, "LineItemID"), D(updated, "Total")));
        Assert.Equal((S(created, "QuoteID"), "By number"), (S(byNumber, "QuoteID"), S(byNumber, "Title")));
        Assert.Equal((404, "The resource you're looking for cannot be found"), (missing.Status, missing.Raw));
    }

    [Fact]
    public async Task AcceptedQuote_RefusesContentChanges_ButDeletedStaysReadable()
    {
        var id = S(await CreateAsync(Quote("Quote Accepted Ltd", "EXCLUSIVE", J.Line("Work", 1, 10m))), "QuoteID");
        await StatusAsync(id, "SENT");
        await StatusAsync(id, "ACCEPTED");
        var edit = await f.PostAsync(Api($"Quotes/{id}"), J.Batch("Quotes", J.Obj(("LineItems", J.Arr(J.Line("More", 1, 99m))))));
        var deleted = await StatusAsync(id, "DELETED");

        Assert.Equal("Quote not of valid status for modification", edit.FirstValidationMessage);
        Assert.Equal("DELETED", S(deleted.First("Quotes"), "Status"));
        Assert.Equal("DELETED", S((await f.GetAsync(Api($"Quotes/{id}"))).First("Quotes"), "Status"));
    }

    [Fact]
    public async Task List_DocumentedFilters_PageWithoutPaginationObject_Order_AndModifiedSince()
    {
        var first = await CreateAsync(Quote("Quote Filters Ltd", "EXCLUSIVE", J.Line("A", 1, 1m)));
        var contactId = S(first["Contact"]!, "ContactID");
        var later = Quote("Quote Filters Ltd", "EXCLUSIVE", J.Line("B", 1, 2m));
        later["Date"] = "2026-12-05";
        later["ExpiryDate"] = "2027-01-05";
        later["Status"] = "SENT";
        var second = await CreateAsync(later);

        async Task<List<string>> Ids(string query) =>
            [.. (await f.GetAsync(Api("Quotes?" + query))).Body["Quotes"]!.AsArray().Select(q => S(q!, "QuoteID"))];

        Assert.Equal([S(first, "QuoteID"), S(second, "QuoteID")], await Ids($"ContactID={contactId}&page=1"));
        Assert.Equal([S(second, "QuoteID")], await Ids($"ContactID={contactId}&DateFrom=2026-12-01"));
        Assert.Equal([S(first, "QuoteID")], await Ids($"ContactID={contactId}&DateTo=2026-11-30"));
        Assert.Equal([S(second, "QuoteID")], await Ids($"ContactID={contactId}&ExpiryDateFrom=2027-01-01"));
        Assert.Equal([S(first, "QuoteID")], await Ids($"ContactID={contactId}&ExpiryDateTo=2026-12-31"));
        Assert.Equal([S(second, "QuoteID")], await Ids($"ContactID={contactId}&Status=SENT"));
        Assert.Equal([S(first, "QuoteID")], await Ids($"QuoteNumber={S(first, "QuoteNumber")}"));
        Assert.Equal([S(second, "QuoteID"), S(first, "QuoteID")], await Ids($"ContactID={contactId}&order=Date%20DESC"));

        var paged = await f.GetAsync(Api("Quotes?page=1"));
        Assert.Null(paged.Body["pagination"]);
        Assert.NotEmpty(paged.First("Quotes")["LineItems"]!.AsArray());
        Assert.Empty((await f.GetAsync(Api("Quotes?page=2"))).Body["Quotes"]!.AsArray());

        f.Sandbox.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = f.Sandbox.Clock.GetUtcNow().ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        var touched = (await f.PostAsync(Api($"Quotes/{S(first, "QuoteID")}"), J.Batch("Quotes", J.Obj(("Title", "Touched"))))).First("Quotes");
        var modified = await f.GetAsync(Api("Quotes?page=1"), null, null, ("If-Modified-Since", since));
        Assert.Equal([S(touched, "QuoteID")], modified.Body["Quotes"]!.AsArray().Select(q => S(q!, "QuoteID")).ToList());
    }

    [Theory]
    [InlineData("DateFrom=yesterday")]
    [InlineData("ContactID=not-a-guid")]
    public async Task List_MalformedFilter_IsA400NotA500(string query)
    {
        var r = await f.GetAsync(Api("Quotes?" + query));
        Assert.Equal(400, r.Status);
        Assert.Equal("QueryParseException", S(r.Body, "Type"));
    }

    [Fact]
    public async Task Seeded_SentAndDraftQuotes_AndClearData_RestartsNumbering()
    {
        await using var sandbox = await XeroSandbox.StartAsync(new XeroSandboxOptions(), TestContext.Current.CancellationToken);
        var book = sandbox.PrimaryTenant.TenantId;
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var tokens = sandbox.IssueTokens();

        async Task<JsonNode> Get(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Api(path));
            request.Headers.Authorization = new("Bearer", tokens.AccessToken);
            request.Headers.TryAddWithoutValidation("xero-tenant-id", book.ToString());
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        }

        var seeded = (await Get("Quotes?page=1"))["Quotes"]!.AsArray();
        Assert.Equal([("QU-0001", "SENT"), ("QU-0002", "DRAFT")], seeded.Select(q => (S(q!, "QuoteNumber"), S(q!, "Status"))).ToList());
        sandbox.ClearData(book);
        Assert.Empty((await Get("Quotes?page=1"))["Quotes"]!.AsArray());
    }
}
