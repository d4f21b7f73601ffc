using System.Text.Json.Nodes;
using System.Diagnostics;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;
using Ledgerline.FreshBooks.Sandbox.Webhooks;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Webhooks;

public sealed class WebhookFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions()
    {
        var o = new SandboxOptions();
        o.WebhookRetryDelays.Clear();
        o.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(50));
        o.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(100));
        return o;
    }
}

public sealed class WebhookTests(WebhookFixture f) : IClassFixture<WebhookFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    private string Callbacks => $"events/account/{f.AccountId}/events/callbacks";

    public async ValueTask InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public void Sign_KnownVector_MatchesPythonHmac()
    {
        // Computed independently with: python3 -c 'json.dumps(d)' + hmac.new(key, msg, sha256) + base64.
        KeyValuePair<string, string>[] fields =
        [
            new("name", "invoice.create"), new("object_id", "150001"),
            new("note", "Café + crème/brûlée: a, b \"q\" \\ ü€😀"), new("account_id", "LL4X7Q"),
        ];
        Assert.Equal(
            "{\"name\": \"invoice.create\", \"object_id\": \"150001\", \"note\": \"Caf\\u00e9 + cr\\u00e8me/br\\u00fbl\\u00e9e: a, b \\\"q\\\" \\\\ \\u00fc\\u20ac\\ud83d\\ude00\", \"account_id\": \"LL4X7Q\"}",
            WebhookSignature.PythonJsonDumps(fields));
        Assert.Equal("vIAU4iv0Z/rLgoibOG7hec6mb32+RhDHWsgIVLLz7u4=", WebhookSignature.Sign("s3cr3t-verifier", fields));
    }

    private async Task<(int Id, string Verifier)> CreateVerifiedAsync(string eventName)
    {
        var created = await f.PostAsync(Callbacks, J.Wrap("callback", ("event", eventName), ("uri", _receiver.Url.ToString())));
        Assert.Equal(200, created.Status);
        var id = created.Result["callback"]!["callbackid"]!.GetValue<int>();
        var verification = await _receiver.WaitForAsync(p => p["name"] == "callback.verify" && p["object_id"] == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var verify = await f.PutAsync($"{Callbacks}/{id}", J.Wrap("callback", ("verifier", verification["verifier"])));
        Assert.True(verify.Result["callback"]!["verified"]!.GetValue<bool>());
        return (id, verification["verifier"]);
    }

    [Fact]
    public async Task Create_PostsSignedVerification_ThenVerifyActivates()
    {
        var created = await f.PostAsync(Callbacks, J.Wrap("callback", ("event", "invoice.create"), ("uri", _receiver.Url.ToString())));
        var cb = created.Result["callback"]!;
        Assert.False(cb["verified"]!.GetValue<bool>());
        Assert.Equal(cb["id"]!.GetValue<int>(), cb["callbackid"]!.GetValue<int>());
        var id = cb["callbackid"]!.GetValue<int>();

        var post = await _receiver.WaitForAsync(p => p["name"] == "callback.verify" && p["object_id"] == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("application/x-www-form-urlencoded", post.ContentType);
        Assert.Equal(f.AccountId, post["account_id"]);
        Assert.Equal(WebhookSignature.Sign(post["verifier"], post.Fields), post.Signature);

        var wrong = await f.PutAsync($"{Callbacks}/{id}", J.Wrap("callback", ("verifier", "wrong")));
        Assert.Equal(422, wrong.Status);
        var ok = await f.PutAsync($"{Callbacks}/{id}", J.Wrap("callback", ("verifier", post["verifier"])));
        Assert.True(ok.Result["callback"]!["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task NewAccountingResources_EmitTheirEvents_BillPaymentsUpdateTheBill()
    {
        foreach (var name in new[] { "estimate", "credit_note", "bill_vendor", "bill" })
        {
            await CreateVerifiedAsync(name);
        }

        static string S(JsonNode n, string key) => n[key]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var client = f.Sandbox.Data.AddClient(f.AccountId, "Hook client");
        var estimate = (await f.PostAsync(f.Accounting("estimates/estimates"), J.Wrap("estimate", ("customerid", client)))).Result["estimate"]!;
        await _receiver.WaitForAsync(p => p["name"] == "estimate.create" && p["object_id"] == S(estimate, "id"));
        await f.PutAsync(f.Accounting($"estimates/estimates/{S(estimate, "id")}"), J.Wrap("estimate", ("action_accept", true)));
        await _receiver.WaitForAsync(p => p["name"] == "estimate.update" && p["object_id"] == S(estimate, "id"));
        await f.DeleteAsync(f.Accounting($"estimates/estimates/{S(estimate, "id")}"));
        await _receiver.WaitForAsync(p => p["name"] == "estimate.delete" && p["object_id"] == S(estimate, "id"));

        var credit = (await f.PostAsync(f.Accounting("credit_notes/credit_notes"), J.Wrap("credit_note", ("clientid", client)))).Result["credit_note"]!;
        await _receiver.WaitForAsync(p => p["name"] == "credit_note.create" && p["object_id"] == S(credit, "id"));

        var vendor = (await f.PostAsync(f.Accounting("bill_vendors/bill_vendors"), J.Wrap("bill_vendor", ("vendor_name", "Hook vendor")))).Result["bill_vendor"]!;
        await _receiver.WaitForAsync(p => p["name"] == "bill_vendor.create" && p["object_id"] == S(vendor, "vendorid"));
        var category = (await f.GetAsync(f.Accounting("expenses/categories"))).Result["categories"]![0]!["categoryid"]!.GetValue<int>();
        var bill = (await f.PostAsync(f.Accounting("bills/bills"), J.Wrap("bill", ("vendorid", vendor["vendorid"]!.GetValue<int>()), ("issue_date", "2099-01-01"),
            ("lines", new JsonArray(J.Obj(("categoryid", category), ("unit_cost", J.Money("10")))))))).Result["bill"]!;
        await _receiver.WaitForAsync(p => p["name"] == "bill.create" && p["object_id"] == S(bill, "id"));
        await f.PostAsync(f.Accounting("bill_payments/bill_payments"), J.Wrap("bill_payment", ("billid", bill["id"]!.GetValue<int>()), ("amount", J.Money("4"))));
        await _receiver.WaitForAsync(p => p["name"] == "bill.update" && p["object_id"] == S(bill, "id"));
        Assert.DoesNotContain(_receiver.Posts, p => p["name"].StartsWith("bill_payment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifiedParentSubscription_DeliversCreateAndUpdate_SignedLikePython()
    {
        var (_, verifier) = await CreateVerifiedAsync("client");
        var client = await f.PostAsync(f.Accounting("users/clients"), J.Wrap("client", ("organization", "Hook Ltd / Ünïcode")));
        var clientId = client.Result["client"]!["id"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await _receiver.WaitForAsync(p => p["name"] == "client.create" && p["object_id"] == clientId);
        Assert.Equal(["name", "object_id", "account_id", "business_id", "identity_id", "user_id"], created.Fields.Select(x => x.Key));
        Assert.Equal(WebhookSignature.Sign(verifier, created.Fields), created.Signature);
        await AssertPythonSignatureAsync(verifier, created);

        await f.PutAsync(f.Accounting($"users/clients/{clientId}"), J.Wrap("client", ("note", "changed")));
        await _receiver.WaitForAsync(p => p["name"] == "client.update" && p["object_id"] == clientId);
        await f.PutAsync(f.Accounting($"users/clients/{clientId}"), J.Wrap("client", ("vis_state", 1)));
        await _receiver.WaitForAsync(p => p["name"] == "client.delete" && p["object_id"] == clientId);
        var delivery = f.Sandbox.Webhooks.Deliveries.First(d => d.EventName == "client.delete" && d.ObjectId.ToString(System.Globalization.CultureInfo.InvariantCulture) == clientId);
        await delivery.WhenCompleted.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(delivery.Succeeded);
        Assert.DoesNotContain(verifier, delivery.ToString(), StringComparison.Ordinal);
    }

    private static async Task AssertPythonSignatureAsync(string verifier, WebhookReceiver.Post post)
    {
        const string script = "import sys,json,hmac,hashlib,base64,urllib.parse\n" +
            "d=dict(urllib.parse.parse_qsl(sys.stdin.read(), keep_blank_values=True))\n" +
            "print(base64.b64encode(hmac.new(sys.argv[1].encode(), json.dumps(d).encode(), hashlib.sha256).digest()).decode())\n";
        var psi = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(verifier);
        Process? process;
        try
        {
            process = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return; // No python3 on this machine: the fixed vector above still covers the algorithm.
        }

        if (process is null)
        {
            return;
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(post.RawBody);
            process.StandardInput.Close();
            var expected = (await process.StandardOutput.ReadToEndAsync()).Trim();
            await process.WaitForExitAsync();
            Assert.Equal(expected, post.Signature);
        }
    }

    [Fact]
    public async Task FailingReceiver_IsRetriedUntilSuccess()
    {
        var (id, _) = await CreateVerifiedAsync("item.create");
        _receiver.FailNext(2);
        var item = await f.PostAsync(f.Accounting("items/items"), J.Wrap("item", ("name", "Retry me")));
        var itemId = item.Result["item"]!["id"]!.GetValue<int>();
        var delivery = await f.Sandbox.Webhooks.WaitForDeliveryAsync(d => d.EventName == "item.create" && d.ObjectId == itemId, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await delivery.WhenCompleted.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(delivery.Succeeded);
        Assert.Equal([500, 500, 200], delivery.StatusCodes);
        Assert.Equal(id, delivery.CallbackId);
    }

    [Fact]
    public async Task Create_NonLoopbackUri_Rejected422AndNothingSent()
    {
        var before = f.Sandbox.Webhooks.Deliveries.Count;
        var r = await f.PostAsync(Callbacks, J.Wrap("callback", ("event", "invoice.create"), ("uri", "https://example.com/hook")));
        Assert.Equal(422, r.Status);
        Assert.Equal(422, r.Body["errno"]!.GetValue<int>());
        Assert.Equal("The request was well-formed but was unable to be followed due to semantic errors.", r.Body["message"]!.GetValue<string>());
        Assert.Contains("uri:", r.Body["details"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, f.Sandbox.Webhooks.Deliveries.Count);
        Assert.Equal(422, (await f.PostAsync(Callbacks, J.Wrap("callback", ("event", "invoice.create"), ("uri", "http://10.0.0.1/x")))).Status);
    }

    [Fact]
    public async Task Create_UnknownEventAndBadUri_BothDetailed()
    {
        var r = await f.PostAsync(Callbacks, J.Wrap("callback", ("event", "invoice.explode"), ("uri", "not a url")));
        Assert.Equal(422, r.Status);
        var details = r.Body["details"]!.AsArray().Select(d => d!.GetValue<string>()).ToArray();
        Assert.Equal(["event: Value error, Unrecognized event.", "uri: Input should be a valid URL, relative URL without a base"], details);
    }

    [Fact]
    public async Task ListGetSearchResendDelete()
    {
        var created = await f.PostAsync(Callbacks, J.Wrap("callback", ("event", "payment"), ("uri", _receiver.Url.ToString())));
        var id = created.Result["callback"]!["callbackid"]!.GetValue<int>();
        var list = await f.GetAsync($"{Callbacks}?search[event]=payment.create");
        Assert.Contains(list.Result["callbacks"]!.AsArray(), c => c!["callbackid"]!.GetValue<int>() == id);
        Assert.Equal(15, list.Result["per_page"]!.GetValue<int>());
        Assert.Equal(id, (await f.GetAsync($"{Callbacks}/{id}")).Result["callback"]!["id"]!.GetValue<int>());

        var before = f.Sandbox.Webhooks.Deliveries.Count(d => d.CallbackId == id && d.IsVerification);
        Assert.Equal(200, (await f.PutAsync($"{Callbacks}/{id}", J.Wrap("callback", ("resend", true)))).Status);
        Assert.Equal(before + 1, f.Sandbox.Webhooks.Deliveries.Count(d => d.CallbackId == id && d.IsVerification));

        Assert.Equal(204, (await f.DeleteAsync($"{Callbacks}/{id}")).Status);
        var gone = await f.GetAsync($"{Callbacks}/{id}");
        Assert.Equal("""{"errno":404,"message":"Requested resource could not be found."}""", gone.Raw);
    }

    [Fact]
    public async Task Create_WithoutEventScope_403()
    {
        var token = f.Sandbox.IssueTokens(["user:profile:read", "user:clients:read"]).AccessToken;
        var r = await f.PostAsync(Callbacks, J.Wrap("callback", ("event", "invoice.create"), ("uri", _receiver.Url.ToString())), token);
        Assert.Equal(403, r.Status);
        Assert.Contains("user:invoices:read", r.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnverifiedCallback_GetsNoEvents()
    {
        var created = await f.PostAsync(Callbacks, J.Wrap("callback", ("event", "tax.create"), ("uri", _receiver.Url.ToString())));
        var id = created.Result["callback"]!["callbackid"]!.GetValue<int>();
        await f.PostAsync(f.Accounting("taxes/taxes"), J.Wrap("tax", ("name", "Quiet"), ("amount", "1")));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(f.Sandbox.Webhooks.Deliveries, d => d.CallbackId == id && !d.IsVerification);
    }
}
