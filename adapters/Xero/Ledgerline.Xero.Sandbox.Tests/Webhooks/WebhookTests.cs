using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;
using Ledgerline.Xero.Sandbox.Webhooks;

namespace Ledgerline.Xero.Sandbox.Tests.Webhooks;

/// <summary>
/// The app's webhook as Xero runs it: configuration (loopback only), intent to receive against targets that answer
/// rightly and wrongly, then signed, batched deliveries of API changes with retries, the retry window and disabling.
/// </summary>
public sealed class WebhookTests
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A sandbox with fast webhook timings (real delays of milliseconds) and a target that answers correctly.</summary>
    private static async Task<(SandboxFixture F, WebhookTarget Target)> StartAsync(bool activate = true, IEnumerable<string>? categories = null)
    {
        var f = new SandboxFixture();
        await f.InitializeAsync();
        var o = f.Sandbox.Options;
        o.WebhookBatchWindow = TimeSpan.FromMilliseconds(300);
        o.WebhookRetryDelays.Clear();
        o.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(50));
        o.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(50));
        o.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(50));
        var target = await WebhookTarget.StartAsync();
        var subscription = f.Sandbox.Webhooks.Configure(target.Url, categories);
        target.Key = subscription.SigningKey;
        if (activate)
        {
            var result = await f.Sandbox.Webhooks.SendIntentToReceiveAsync(Ct);
            Assert.True(result.Passed, string.Join("; ", result.Failures));
            f.Sandbox.Webhooks.ClearDeliveries();
            target.Posts.Clear();
        }

        return (f, target);
    }

    private static async Task<string> CreateContactAsync(SandboxFixture f, string name)
    {
        var r = await f.PutAsync(Api("Contacts"), J.Batch("Contacts", J.Obj(("Name", name))));
        Assert.True(r.Status == 200, r.Raw);
        return r.First("Contacts")["ContactID"]!.GetValue<string>();
    }

    [Theory]
    [InlineData("http://example.com/hooks")]
    [InlineData("http://10.0.0.5/hooks")]
    [InlineData("https://api.xero.com/hooks")]
    [InlineData("ftp://127.0.0.1/hooks")]
    public async Task Configure_NonLoopbackUrl_IsRefusedInCodeAndOverHttp(string url)
    {
        await using var f = new SandboxFixture();
        await f.InitializeAsync();
        Assert.Throws<ArgumentException>(() => f.Sandbox.Webhooks.Configure(new Uri(url)));

        using var response = await f.Http.PutAsJsonAsync("sandbox/webhook", new { url }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(f.Sandbox.Webhooks.Subscription);
    }

    [Fact]
    public async Task Configure_UnknownCategory_IsRefused()
    {
        await using var f = new SandboxFixture();
        await f.InitializeAsync();
        var ex = Assert.Throws<ArgumentException>(() => f.Sandbox.Webhooks.Configure(new Uri("http://127.0.0.1:9/x"), ["CONTACT", "PAYMENT"]));
        Assert.Contains("PAYMENT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntentToReceive_CorrectTarget_PassesWithSignedAndWronglySignedEmptyPayloads()
    {
        var (f, target) = await StartAsync(activate: false);
        await using var sandboxScope = f;
        await using var targetScope = target;
        Assert.Equal(WebhookStatus.IntentToReceiveRequired, f.Sandbox.Webhooks.Subscription!.Status);

        var result = await f.Sandbox.Webhooks.SendIntentToReceiveAsync(Ct);

        Assert.True(result.Passed, string.Join("; ", result.Failures));
        Assert.Equal(WebhookStatus.Ok, f.Sandbox.Webhooks.Subscription!.Status);
        Assert.Equal(4, result.Requests.Count);
        Assert.Equal(2, result.Requests.Count(r => r.SignedCorrectly));
        Assert.Equal(4, target.Posts.Count);
        foreach (var post in target.Posts)
        {
            var body = JsonNode.Parse(post.Text)!;
            Assert.Empty(body["events"]!.AsArray());
            Assert.Equal(0, body["firstEventSequence"]!.GetValue<int>());
            Assert.Equal(0, body["lastEventSequence"]!.GetValue<int>());
            Assert.Matches("^[A-Z]{20}$", body["entropy"]!.GetValue<string>());
            Assert.Equal("application/json; charset=utf-8", post.ContentType);
        }

        // Exactly the correctly signed ones verify with the key; the others are valid base64 HMACs with another key.
        Assert.Equal(2, target.Posts.Count(p => WebhookTarget.Verifies(target.Key!, p.Body, p.Signature)));
        Assert.Equal([200, 200, 401, 401], result.Requests.Select(r => r.StatusCodes.Single()).Order());
        Assert.All(result.Requests, r => Assert.Equal(r.SignedCorrectly ? 200 : 401, r.StatusCodes.Single()));
    }

    [Theory]
    [InlineData("always200", "wrongly signed")]
    [InlineData("withBody", "with a body")]
    [InlineData("fail", "got 500")]
    public async Task IntentToReceive_TargetAnsweringWrongly_FailsAndNothingIsDelivered(string behaviour, string failure)
    {
        var (f, target) = await StartAsync(activate: false);
        await using var sandboxScope = f;
        await using var targetScope = target;
        target.Behaviour = behaviour;

        var result = await f.Sandbox.Webhooks.SendIntentToReceiveAsync(Ct);

        Assert.False(result.Passed);
        Assert.Contains(result.Failures, m => m.Contains(failure, StringComparison.Ordinal));
        Assert.Equal(WebhookStatus.IntentToReceiveRequired, f.Sandbox.Webhooks.Subscription!.Status);

        target.Posts.Clear();
        await CreateContactAsync(f, "Not Delivered Ltd");
        await Task.Delay(800, Ct);
        Assert.Empty(target.Posts);
        Assert.DoesNotContain(f.Sandbox.Webhooks.Deliveries, d => !d.IsIntentToReceive);
    }

    [Fact]
    public async Task IntentToReceive_TargetSlowerThanTheTimeout_Fails()
    {
        var (f, target) = await StartAsync(activate: false);
        await using var sandboxScope = f;
        await using var targetScope = target;
        f.Sandbox.Options.IntentToReceiveRequests = 2;
        f.Sandbox.Options.WebhookTimeout = TimeSpan.FromMilliseconds(300);
        target.Behaviour = "slow";

        var result = await f.Sandbox.Webhooks.SendIntentToReceiveAsync(Ct);

        Assert.False(result.Passed);
        Assert.All(result.Requests, r => Assert.Equal([0], r.StatusCodes));
        Assert.Contains(result.Failures, m => m.Contains("no answer in time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changes_AreDeliveredBatchedAndSignedWithTheKey()
    {
        var (f, target) = await StartAsync();
        await using var sandboxScope = f;
        await using var targetScope = target;

        // One burst inside the batch window: a contact, an invoice (creating its contact too) and a credit note.
        var contactId = await CreateContactAsync(f, "Webhook Batch Ltd");
        var invoice = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCREC", "Webhook Batch Ltd", "DRAFT", "NoTax", J.Line("Work", 1, 10m))));
        var note = await f.PutAsync(Api("CreditNotes"), J.Batch("CreditNotes", J.Obj(("Type", "ACCRECCREDIT"), ("Contact", J.Obj(("ContactID", contactId))),
            ("Status", "DRAFT"), ("LineAmountTypes", "NoTax"), ("Date", "2026-11-01"), ("LineItems", J.Arr(J.Line("Refund", 1, 5m))))));
        Assert.True(invoice.Status == 200 && note.Status == 200, invoice.Raw + note.Raw);
        var invoiceId = invoice.First("Invoices")["InvoiceID"]!.GetValue<string>();
        var noteId = note.First("CreditNotes")["CreditNoteID"]!.GetValue<string>();

        var delivery = await f.Sandbox.Webhooks.WaitForDeliveryAsync(d => !d.IsIntentToReceive, TimeSpan.FromSeconds(10), Ct);
        await delivery.WhenCompleted.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(delivery.Succeeded);
        var post = Assert.Single(target.Posts);
        Assert.Equal(200, post.AnsweredWith);
        Assert.True(WebhookTarget.Verifies(target.Key!, post.Body, post.Signature));
        Assert.Equal(delivery.Body, post.Text);

        var body = JsonNode.Parse(post.Text)!;
        var events = body["events"]!.AsArray();
        var tenant = f.Sandbox.PrimaryTenant.TenantId.ToString();
        // The first event per record (the invoice also updates its contact, which is a second CONTACT event).
        var byId = events.GroupBy(e => e!["resourceId"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.First()!);
        Assert.Equal("CONTACT", byId[contactId]["eventCategory"]!.GetValue<string>());
        Assert.Equal("INVOICE", byId[invoiceId]["eventCategory"]!.GetValue<string>());
        Assert.Equal("CREDITNOTE", byId[noteId]["eventCategory"]!.GetValue<string>());
        Assert.Equal("ACCRECCREDIT", byId[noteId]["data"]!["Type"]!.GetValue<string>());
        Assert.Equal("DRAFT", byId[noteId]["data"]!["Status"]!.GetValue<string>());
        Assert.Null(byId[contactId]["data"]);
        foreach (var e in events)
        {
            Assert.Equal(tenant, e!["tenantId"]!.GetValue<string>());
            Assert.Equal("ORGANISATION", e["tenantType"]!.GetValue<string>());
            Assert.Contains(e["eventType"]!.GetValue<string>(), new[] { "CREATE", "UPDATE" });
            var date = e["eventDateUtc"]!.GetValue<string>();
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$", date);
            Assert.True(DateTime.TryParseExact(date, "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.EndsWith("/" + e["resourceId"]!.GetValue<string>(), e["resourceUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.All(new[] { contactId, invoiceId, noteId }, id => Assert.Equal("CREATE", byId[id]["eventType"]!.GetValue<string>()));
        var first = body["firstEventSequence"]!.GetValue<int>();
        var last = body["lastEventSequence"]!.GetValue<int>();
        Assert.Equal(events.Count, last - first + 1);
        Assert.True(events.Count >= 3);

        // The resource URL reads the record from the sandbox.
        var read = await f.GetAsync(new Uri(byId[invoiceId]["resourceUrl"]!.GetValue<string>()).PathAndQuery.TrimStart('/'));
        Assert.Equal(200, read.Status);

        // A later update is a separate post, with the next sequence numbers.
        var update = await f.PostAsync(Api($"Contacts/{contactId}"), J.Batch("Contacts", J.Obj(("ContactID", contactId), ("EmailAddress", "ap@batch.test"))));
        Assert.Equal(200, update.Status);
        var second = await f.Sandbox.Webhooks.WaitForDeliveryAsync(d => !d.IsIntentToReceive && d.Id != delivery.Id, TimeSpan.FromSeconds(10), Ct);
        var updated = Assert.Single(second.Events);
        Assert.Equal(("UPDATE", "CONTACT", Guid.Parse(contactId)), (updated.EventType, updated.EventCategory, updated.ResourceId));
        Assert.Equal((last + 1, last + 1), (second.FirstEventSequence, second.LastEventSequence));
    }

    [Fact]
    public async Task Changes_OutsideTheChosenCategories_AreNotDelivered()
    {
        var (f, target) = await StartAsync(categories: ["INVOICE"]);
        await using var sandboxScope = f;
        await using var targetScope = target;

        await CreateContactAsync(f, "Category Filter Ltd");
        await Task.Delay(800, Ct);
        Assert.Empty(target.Posts);

        var invoice = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCREC", "Category Filter Ltd", "DRAFT", "NoTax", J.Line("Work", 1, 10m))));
        Assert.Equal(200, invoice.Status);
        var delivery = await f.Sandbox.Webhooks.WaitForDeliveryAsync(d => !d.IsIntentToReceive, TimeSpan.FromSeconds(10), Ct);
        Assert.All(delivery.Events, e => Assert.Equal("INVOICE", e.EventCategory));
    }

    [Fact]
    public async Task Delivery_TargetFailingTwice_IsRetriedWithTheSameSignedBody()
    {
        var (f, target) = await StartAsync();
        await using var sandboxScope = f;
        await using var targetScope = target;
        target.FailNext(2);

        await CreateContactAsync(f, "Retry Ltd");
        var delivery = await f.Sandbox.Webhooks.WaitForDeliveryAsync(d => !d.IsIntentToReceive, TimeSpan.FromSeconds(10), Ct);
        await delivery.WhenCompleted.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(delivery.Succeeded);
        Assert.Equal([500, 500, 200], delivery.StatusCodes);
        var posts = target.Posts.ToList();
        Assert.Equal(3, posts.Count);
        Assert.Single(posts.Select(p => p.Text).Distinct());
        Assert.Single(posts.Select(p => p.Signature).Distinct());
        Assert.Equal(WebhookStatus.Ok, f.Sandbox.Webhooks.Subscription!.Status);
    }

    [Fact]
    public async Task Delivery_RetriesSpent_DisablesTheWebhookUntilIntentToReceivePassesAgain()
    {
        var (f, target) = await StartAsync();
        await using var sandboxScope = f;
        await using var targetScope = target;
        target.Behaviour = "fail";

        await CreateContactAsync(f, "Always Failing Ltd");
        var delivery = await f.Sandbox.Webhooks.WaitForDeliveryAsync(d => !d.IsIntentToReceive, TimeSpan.FromSeconds(10), Ct);
        await delivery.WhenCompleted.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.False(delivery.Succeeded);
        Assert.Equal([500, 500, 500, 500], delivery.StatusCodes); // the first attempt and the three retries
        Assert.Equal(WebhookStatus.Disabled, f.Sandbox.Webhooks.Subscription!.Status);

        // Disabled: nothing more is sent.
        target.Behaviour = "correct";
        target.Posts.Clear();
        await CreateContactAsync(f, "While Disabled Ltd");
        await Task.Delay(800, Ct);
        Assert.Empty(target.Posts);

        // Intent to receive re-enables it.
        Assert.True((await f.Sandbox.Webhooks.SendIntentToReceiveAsync(Ct)).Passed);
        Assert.Equal(WebhookStatus.Ok, f.Sandbox.Webhooks.Subscription!.Status);
        await CreateContactAsync(f, "Enabled Again Ltd");
        var next = await f.Sandbox.Webhooks.WaitForDeliveryAsync(d => !d.IsIntentToReceive && d.Id > delivery.Id, TimeSpan.FromSeconds(10), Ct);
        await next.WhenCompleted.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(next.Succeeded);
    }

    [Fact]
    public async Task Delivery_PastTheRetryWindowOfSandboxTime_IsNotRetried()
    {
        var (f, target) = await StartAsync();
        await using var sandboxScope = f;
        await using var targetScope = target;
        f.Sandbox.Options.WebhookRetryDelays.Clear();
        f.Sandbox.Options.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(500));
        target.Behaviour = "fail";

        await CreateContactAsync(f, "Window Ltd");
        var delivery = await f.Sandbox.Webhooks.WaitForDeliveryAsync(d => !d.IsIntentToReceive, TimeSpan.FromSeconds(10), Ct);
        while (delivery.Attempts == 0)
        {
            await Task.Delay(10, Ct);
        }

        f.Sandbox.Clock.Advance(TimeSpan.FromHours(25));
        await delivery.WhenCompleted.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal([500], delivery.StatusCodes);
        Assert.Equal(WebhookStatus.Disabled, f.Sandbox.Webhooks.Subscription!.Status);
    }

    [Fact]
    public async Task AdminEndpoints_ConfigureRunIntentToReceiveAndRemove()
    {
        await using var f = new SandboxFixture();
        await f.InitializeAsync();
        await using var target = await WebhookTarget.StartAsync();

        using (var missing = await f.Http.GetAsync("sandbox/webhook", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using var put = await f.Http.PutAsJsonAsync("sandbox/webhook", new { url = target.Url.ToString(), categories = new[] { "contact", "INVOICE" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var configured = JsonNode.Parse(await put.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("IntentToReceiveRequired", configured["status"]!.GetValue<string>());
        Assert.Equal(["CONTACT", "INVOICE"], configured["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        target.Key = configured["key"]!.GetValue<string>();
        Assert.Equal(88, target.Key.Length);

        using var itr = await f.Http.PostAsync("sandbox/webhook/intent-to-receive", null, Ct);
        var outcome = JsonNode.Parse(await itr.Content.ReadAsStringAsync(Ct))!;
        Assert.True(outcome["passed"]!.GetValue<bool>(), outcome.ToJsonString());
        Assert.Equal("Ok", outcome["status"]!.GetValue<string>());
        Assert.Equal(4, outcome["requests"]!.AsArray().Count);

        using var delete = await f.Http.DeleteAsync("sandbox/webhook", Ct);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Null(f.Sandbox.Webhooks.Subscription);
    }

    [Fact]
    public void CommandLine_WebhookOptions_AreRead()
    {
        var o = XeroSandboxOptions.FromCommandLine(["--webhook-url", "http://127.0.0.1:5000/hooks", "--webhook-key", "k", "--webhook-retry-delays", "1s,250ms", "--webhook-batch-window", "100ms"]);
        Assert.Equal(new Uri("http://127.0.0.1:5000/hooks"), o.WebhookUrl);
        Assert.Equal("k", o.WebhookSigningKey);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250)], o.WebhookRetryDelays);
        Assert.Equal(TimeSpan.FromMilliseconds(100), o.WebhookBatchWindow);
    }

    [Fact]
    public async Task ToString_NeverShowsTheKeyOrTheSignature()
    {
        var (f, target) = await StartAsync(activate: false);
        await using var sandboxScope = f;
        await using var targetScope = target;
        var subscription = f.Sandbox.Webhooks.Subscription!;
        var result = await f.Sandbox.Webhooks.SendIntentToReceiveAsync(Ct);
        Assert.DoesNotContain(subscription.SigningKey, subscription.ToString(), StringComparison.Ordinal);
        Assert.All(result.Requests, r => Assert.DoesNotContain(r.Signature, r.ToString(), StringComparison.Ordinal));
    }
}
