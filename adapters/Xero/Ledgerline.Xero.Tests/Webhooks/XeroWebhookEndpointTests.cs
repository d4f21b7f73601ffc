using System.Net;
using System.Text;
using Ledgerline.Connections;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.Tests.Webhooks;

/// <summary><c>MapXeroWebhooks</c> over real HTTP on 127.0.0.1: intent to receive, signatures, limits, payloads, mapping, dispatch.</summary>
public sealed class XeroWebhookEndpointTests
{
    private const string Tenant = XeroWebhookApp.Tenant;
    private const string ContactId = "9a4f2b6e-53c2-4e8f-9d7e-4f6d0a1b2c3d";
    private const string InvoiceId = "0b3c8e1a-77a0-4f3e-a0a5-2d7b5c9e1f20";
    private const string CreditNoteId = "55d84274-a3da-4829-a7c0-0cab601b95cc";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Event(string category, string type, string resourceId, string tenant = Tenant, string tenantType = "ORGANISATION", string? data = null) =>
        $$"""{"resourceUrl":"https://api.xero.com/api.xro/2.0/{{category}}/{{resourceId}}","resourceId":"{{resourceId}}","tenantId":"{{tenant}}","tenantType":"{{tenantType}}","eventCategory":"{{category}}","eventType":"{{type}}","eventDateUtc":"2026-11-30T01:15:39.902"{{(data is null ? "" : ",\"data\":" + data)}}}""";

    private static string Payload(params string[] events) =>
        $$"""{"events":[{{string.Join(",", events)}}],"firstEventSequence":7,"lastEventSequence":{{6 + Math.Max(1, events.Length)}},"entropy":"FXNGWLCCGVANWHKILRUB"}""";

    private const string IntentToReceive = """{"events":[],"lastEventSequence":0,"firstEventSequence":0,"entropy":"S0m3r4Nd0mt3xt"}""";

    [Fact]
    public async Task Post_IntentToReceive_CorrectlySignedGets200AndWronglySignedGets401_BothWithNoBody()
    {
        await using var app = await XeroWebhookApp.StartAsync();

        using var good = await app.PostSignedAsync(IntentToReceive);
        using var bad = await app.PostAsync(IntentToReceive, XeroWebhookApp.Sign(IntentToReceive, "another key"));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Empty(await good.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Empty(await bad.Content.ReadAsByteArrayAsync(Ct));
        Assert.False(good.Headers.Contains("Set-Cookie"));
        Assert.Empty(app.Handler.Changes);
    }

    [Fact]
    public async Task Post_SignedEvents_BecomeCanonicalChangesOnTheConnectionPinnedToTheTenant()
    {
        await using var app = await XeroWebhookApp.StartAsync();
        var body = Payload(
            Event("CONTACT", "CREATE", ContactId),
            Event("INVOICE", "UPDATE", InvoiceId),
            Event("CREDITNOTE", "CREATE", CreditNoteId, data: """{"Type":"ACCRECCREDIT","Status":"DRAFT"}"""));

        using var response = await app.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        var changes = app.Handler.Changes;
        Assert.Equal(
            [(EntityKind.Contact, ChangeKind.Created, ContactId), (EntityKind.Invoice, ChangeKind.Updated, InvoiceId), (EntityKind.CreditNote, ChangeKind.Created, CreditNoteId)],
            changes.Select(c => (c.Entity, c.Kind, c.EntityId)));
        Assert.All(changes, c =>
        {
            Assert.Equal("Xero", c.Provider);
            Assert.Equal(XeroWebhookApp.ConnectionId, c.ConnectionId);
            Assert.Equal(Tenant, c.AccountId);
            Assert.False(c.IsDuplicate);
        });
        Assert.Equal(["CONTACT.CREATE", "INVOICE.UPDATE", "CREDITNOTE.CREATE"], changes.Select(c => c.EventName));
        var fields = changes[2].ProviderFields;
        Assert.Equal("resourceUrl", fields[0].Key);
        Assert.Contains(new KeyValuePair<string, string>("data.Type", "ACCRECCREDIT"), fields);
        Assert.Contains(new KeyValuePair<string, string>("eventDateUtc", "2026-11-30T01:15:39.902"), fields);
        Assert.Contains(new KeyValuePair<string, string>("firstEventSequence", "7"), fields);
        Assert.Contains(new KeyValuePair<string, string>("lastEventSequence", "9"), fields);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-base64!")]
    [InlineData("AAAA")]
    [InlineData("wrong-key")]
    [InlineData("other-body")]
    public async Task Post_MissingOrWrongSignature_Answers401WithNoBodyAndHandsNothingOver(string? kind)
    {
        await using var app = await XeroWebhookApp.StartAsync();
        var body = Payload(Event("CONTACT", "CREATE", ContactId));
        var signature = kind switch
        {
            "wrong-key" => XeroWebhookApp.Sign(body, "not the key"),
            "other-body" => XeroWebhookApp.Sign(body + " "),
            _ => kind,
        };

        using var response = await app.PostAsync(body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Empty(app.Handler.Changes);
    }

    [Fact]
    public async Task Post_SignatureOverDifferentlySerialisedJson_IsRefused()
    {
        // The signature covers the raw bytes: the same JSON with other whitespace is another message.
        await using var app = await XeroWebhookApp.StartAsync();
        var body = Payload(Event("CONTACT", "CREATE", ContactId));

        using var response = await app.PostAsync(body.Replace(",", ", ", StringComparison.Ordinal), XeroWebhookApp.Sign(body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Answers413WithoutReadingIt()
    {
        await using var app = await XeroWebhookApp.StartAsync(o => o.MaxBodyBytes = 128);
        var body = Payload(Event("CONTACT", "CREATE", ContactId));

        using var response = await app.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(app.Handler.Changes);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"events":{},"firstEventSequence":1,"lastEventSequence":1,"entropy":"X"}""")]
    [InlineData("""{"events":[],"firstEventSequence":1,"lastEventSequence":1}""")]
    [InlineData("""{"events":[],"firstEventSequence":"1","lastEventSequence":1,"entropy":"X"}""")]
    [InlineData("""{"events":[],"lastEventSequence":1,"entropy":"X"}""")]
    [InlineData("""{"events":[1],"firstEventSequence":1,"lastEventSequence":1,"entropy":"X"}""")]
    [InlineData("""{"events":[{"resourceUrl":"u","tenantId":"aef86862-2015-4b6b-88bc-d89032cecc50","tenantType":"ORGANISATION","eventCategory":"CONTACT","eventType":"CREATE","eventDateUtc":"2026-11-30T01:15:39.902"}],"firstEventSequence":1,"lastEventSequence":1,"entropy":"X"}""")]
    [InlineData("""{"events":[{"resourceUrl":"u","resourceId":"9a4f2b6e-53c2-4e8f-9d7e-4f6d0a1b2c3d","tenantId":"acme","tenantType":"ORGANISATION","eventCategory":"CONTACT","eventType":"CREATE","eventDateUtc":"2026-11-30T01:15:39.902"}],"firstEventSequence":1,"lastEventSequence":1,"entropy":"X"}""")]
    public async Task Post_SignedButMalformed_Answers400WithAReason(string body)
    {
        await using var app = await XeroWebhookApp.StartAsync();

        using var response = await app.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(app.Handler.Changes);
    }

    [Fact]
    public async Task Post_RandomBytes_NeverAnswers5xx()
    {
        await using var app = await XeroWebhookApp.StartAsync();
        var random = new Random(20261130);
        var alphabet = Encoding.UTF8.GetBytes("{}[]\",:eventsresourceIdtenantId0123456789 \u00e9");
        for (var i = 0; i < 150; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = random.Next(3) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            using var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            if (i % 2 == 0)
            {
                content.Headers.TryAddWithoutValidation(XeroWebhookSignature.HeaderName, XeroWebhookSignature.Compute(XeroWebhookApp.Key, bytes));
            }

            using var response = await app.Client.PostAsync(app.Url, content, Ct);
            Assert.True((int)response.StatusCode is 400 or 401, $"iteration {i}: {(int)response.StatusCode}");
        }

        Assert.Empty(app.Handler.Changes);
    }

    [Fact]
    public async Task Post_UnknownTenant_IsHandedOverWithoutAConnection()
    {
        await using var app = await XeroWebhookApp.StartAsync();
        const string stranger = "11111111-2222-3333-4444-555555555555";

        using var response = await app.PostSignedAsync(Payload(Event("CONTACT", "UPDATE", ContactId, tenant: stranger)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var change = Assert.Single(app.Handler.Changes);
        Assert.Null(change.ConnectionId);
        Assert.Equal(stranger, change.AccountId);
    }

    [Fact]
    public async Task Post_TenantWithTwoConnections_GivesOneChangePerConnection()
    {
        var store = new InMemoryConnectionStore(TimeProvider.System);
        foreach (var id in new[] { XeroWebhookApp.ConnectionId, "acme-bookkeeper" })
        {
            await store.SaveAsync(new LedgerConnection
            {
                Id = id,
                Provider = XeroRequest.ProviderName,
                Properties = new Dictionary<string, string>(StringComparer.Ordinal) { [XeroConnectionProperties.TenantId] = Tenant.ToUpperInvariant() },
            }, Ct);
        }

        await store.SaveAsync(new LedgerConnection
        {
            Id = "other-provider",
            Provider = "FreshBooks",
            Properties = new Dictionary<string, string>(StringComparer.Ordinal) { [XeroConnectionProperties.TenantId] = Tenant },
        }, Ct);
        await using var app = await XeroWebhookApp.StartAsync(o => { o.ConnectionIds.Add("acme-bookkeeper"); o.ConnectionIds.Add("other-provider"); }, store: store);

        using var response = await app.PostSignedAsync(Payload(Event("INVOICE", "CREATE", InvoiceId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([XeroWebhookApp.ConnectionId, "acme-bookkeeper"], app.Handler.Changes.Select(c => c.ConnectionId));
        Assert.Single(app.Handler.Changes.Select(c => c.DedupeKey).Distinct());
    }

    [Fact]
    public async Task Post_EventsWithoutACanonicalChange_AreKeptForTheUnmappedHandler()
    {
        await using var app = await XeroWebhookApp.StartAsync(services: s =>
        {
            s.AddSingleton<RecordingUnmappedHandler>();
            s.AddSingleton<IXeroUnmappedWebhookEventHandler>(sp => sp.GetRequiredService<RecordingUnmappedHandler>());
        });
        var body = Payload(
            Event("SUBSCRIPTION", "CREATE", ContactId, tenantType: "APPLICATION"),
            Event("CREDITNOTE", "UPDATE", CreditNoteId, data: """{"Type":"ACCPAYCREDIT","Status":"AUTHORISED"}"""),
            Event("PAYMENT", "CREATE", InvoiceId),
            Event("CONTACT", "DELETE", ContactId),
            Event("CONTACT", "UPDATE", ContactId));

        using var response = await app.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((EntityKind.Contact, ChangeKind.Updated), Assert.Single(app.Handler.Changes) is var c ? (c.Entity, c.Kind) : default);
        var unmapped = app.Services<RecordingUnmappedHandler>().Events;
        Assert.Equal(["SUBSCRIPTION.CREATE", "CREDITNOTE.UPDATE", "PAYMENT.CREATE", "CONTACT.DELETE"], unmapped.Select(e => $"{e.EventCategory}.{e.EventType}"));
        Assert.Contains(new KeyValuePair<string, string>("data.Type", "ACCPAYCREDIT"), unmapped[1].Fields);
    }

    [Fact]
    public async Task Post_UnmappedEventWithoutAHandler_IsLoggedNotDropped()
    {
        await using var app = await XeroWebhookApp.StartAsync();

        using var response = await app.PostSignedAsync(Payload(Event("PAYMENT", "CREATE", InvoiceId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Handler.Changes);
        Assert.Contains(app.Logs.Lines, l => l.Contains("PAYMENT.CREATE", StringComparison.Ordinal) && l.Contains(InvoiceId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_SameBatchTwice_SecondIsMarkedDuplicate()
    {
        await using var app = await XeroWebhookApp.StartAsync();
        var body = Payload(Event("CONTACT", "UPDATE", ContactId));

        (await app.PostSignedAsync(body)).Dispose();
        (await app.PostSignedAsync(body)).Dispose();

        Assert.Equal([false, true], app.Handler.Changes.Select(c => c.IsDuplicate));
    }

    [Fact]
    public async Task Post_HandlerThrows_Answers500SoXeroDeliversAgain()
    {
        await using var app = await XeroWebhookApp.StartAsync(handler: (_, _) => throw new InvalidOperationException("boom"));

        using var response = await app.PostSignedAsync(Payload(Event("CONTACT", "CREATE", ContactId)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Post_AnyOutcome_NeverLogsTheKeyOrTheSignature()
    {
        await using var app = await XeroWebhookApp.StartAsync(handler: (_, _) => throw new InvalidOperationException("boom"));
        var body = Payload(Event("CONTACT", "CREATE", ContactId));
        var wrong = XeroWebhookApp.Sign(body, "not the key");

        (await app.PostSignedAsync(body)).Dispose();
        (await app.PostAsync(body, wrong)).Dispose();
        (await app.PostSignedAsync(IntentToReceive)).Dispose();

        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.Logs.Lines, l =>
            l.Contains(XeroWebhookApp.Key, StringComparison.Ordinal) || l.Contains(XeroWebhookApp.Sign(body), StringComparison.Ordinal) || l.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_WithoutASigningKey_FailOnStartNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => XeroWebhookApp.StartAsync(key: " "));
        Assert.Contains(nameof(XeroWebhookOptions.SigningKey), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ToString_NeverShowsTheKey()
    {
        var options = new XeroWebhookOptions { SigningKey = XeroWebhookApp.Key };
        Assert.DoesNotContain(XeroWebhookApp.Key, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BoundFromConfiguration_ReadTheKeyAndTheConnections()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledgerline:Xero:Webhooks:SigningKey"] = "from-config",
            ["Ledgerline:Xero:Webhooks:ConnectionIds:0"] = "acme",
            ["Ledgerline:Xero:Webhooks:MaxBodyBytes"] = "1024",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLedgerline().AddXeroWebhooks();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<XeroWebhookOptions>>().Value;

        Assert.Equal(("from-config", 1024), (options.SigningKey, options.MaxBodyBytes));
        Assert.Equal(["acme"], options.ConnectionIds);
    }

    [Fact]
    public void MapXeroWebhooks_ServicesNotRegistered_ThrowsWithGuidance()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapXeroWebhooks("/webhooks/xero", (_, _) => Task.CompletedTask));
        Assert.Contains("AddXeroWebhooks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapXeroWebhooks_NoHandlerRegistered_ThrowsWithGuidance()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddLedgerline().AddXeroWebhooks(o => o.SigningKey = "k");
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapXeroWebhooks("/webhooks/xero"));
        Assert.Contains(nameof(ILedgerChangeHandler), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_IsBase64HmacSha256OfTheRawBytes()
    {
        var body = Encoding.UTF8.GetBytes(IntentToReceive);
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("k3y"), body));

        Assert.Equal(expected, XeroWebhookSignature.Compute("k3y", body));
        Assert.True(XeroWebhookSignature.IsValid("k3y", body, expected));
        Assert.False(XeroWebhookSignature.IsValid("k3y", body, expected[..^4] + "AAA="));
        Assert.False(XeroWebhookSignature.IsValid("k3y", body, expected + expected));
    }
}
