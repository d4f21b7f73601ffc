using Ledgerline.FreshBooks.Tests.Support;
using System.Text;
using Ledgerline.FreshBooks.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Ledgerline.FreshBooks.Tests.Webhooks;

public sealed class FreshBooksWebhookReceiverTests
{
    internal const string Verifier = "s3cr3t-verifier";

    // python3 -c 'import urllib.parse; print(urllib.parse.urlencode({"name":"invoice.create","object_id":"123","account_id":"ABC123","business_id":"456","identity_id":"789","user_id":"1"}))'
    internal const string AsciiBody = "name=invoice.create&object_id=123&account_id=ABC123&business_id=456&identity_id=789&user_id=1";

    // The "ascii" vector of FreshBooksWebhookSignatureTests (computed with python3).
    internal const string AsciiSignature = "B23BJMhKkxMj/d4wiBwjoy11d0rDAJ3Na6pFw6uePxw=";

    private static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task ReceiveAsync_SignedDelivery_ReturnsCanonicalChange()
    {
        await using var host = Host();

        var result = await host.Receiver.ReceiveAsync(Encoding.ASCII.GetBytes(AsciiBody), AsciiSignature, TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Accepted, result.Status);
        Assert.Equal(200, result.HttpStatusCode);
        var change = Assert.IsType<LedgerChange>(result.Change);
        Assert.Equal("FreshBooks", change.Provider);
        Assert.Equal(EntityKind.Invoice, change.Entity);
        Assert.Equal(ChangeKind.Created, change.Kind);
        Assert.Equal("123", change.EntityId);
        Assert.Equal("ABC123", change.AccountId);
        Assert.Equal("conn-1", change.ConnectionId);
        Assert.Equal(Start, change.ReceivedAt);
        Assert.Equal("invoice.create", change.EventName);
        Assert.Equal("FreshBooks:ABC123:invoice.create:123", change.DedupeKey);
        Assert.False(change.IsDuplicate);
        Assert.Null(change.Record);
        Assert.Equal(["name", "object_id", "account_id", "business_id", "identity_id", "user_id"], change.ProviderFields.Select(f => f.Key));
    }

    [Theory]
    [InlineData(
        "kéy+/=",
        "name=payment.delete&object_id=7&account_id=ABC123&memo=a%2Bb%2Fc%3Ad%2Ce%22f%5Cg%3Dh%26i+j",
        "+kbCyl31Dn1sL3ilLhR6Xibk0gsRMyqv4pHaepjVwsk=",
        EntityKind.Payment, ChangeKind.Deleted)]
    [InlineData(
        Verifier,
        "name=client.update&object_id=42&account_id=xZ9&note=Caf%C3%A9+%E6%97%A5%E6%9C%AC+%F0%9F%98%80",
        "jBEf8zOd/p3ST+hgyrAVQLg3EKwPnewGlIKYX7NED0c=",
        EntityKind.Contact, ChangeKind.Updated)]
    public async Task ReceiveAsync_PythonEncodedAndSignedBody_IsAccepted(string key, string body, string signature, EntityKind entity, ChangeKind kind)
    {
        // Bodies: python3 urllib.parse.urlencode of the dicts of FreshBooksWebhookSignatureTests; signatures from python3 too.
        await using var host = Host();
        var accountId = body.Contains("xZ9", StringComparison.Ordinal) ? "xZ9" : "ABC123";
        await host.Secrets.SaveAsync(new WebhookCallbackSecret { CallbackId = "99", AccountId = accountId, Verifier = key }, TestContext.Current.CancellationToken);

        var result = await host.Receiver.ReceiveAsync(Encoding.ASCII.GetBytes(body), signature, TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Accepted, result.Status);
        Assert.Equal((entity, kind), (result.Change!.Entity, result.Change.Kind));
    }

    [Fact]
    public async Task ReceiveAsync_AnySingleBodyByteTampered_IsNotAccepted()
    {
        await using var host = Host();
        var body = Encoding.ASCII.GetBytes(AsciiBody);
        for (var i = 0; i < body.Length; i++)
        {
            var tampered = (byte[])body.Clone();
            tampered[i] ^= 0x01;
            var result = await host.Receiver.ReceiveAsync(tampered, AsciiSignature, TestContext.Current.CancellationToken);
            Assert.True(result.Status is FreshBooksWebhookStatus.Unauthorized or FreshBooksWebhookStatus.Malformed, $"byte {i}: {result.Status}");
        }
    }

    [Fact]
    public async Task ReceiveAsync_AnySingleSignatureCharacterTampered_IsUnauthorized()
    {
        await using var host = Host();
        for (var i = 0; i < AsciiSignature.Length - 1; i++)
        {
            var chars = AsciiSignature.ToCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            var result = await host.Receiver.ReceiveAsync(Encoding.ASCII.GetBytes(AsciiBody), new string(chars), TestContext.Current.CancellationToken);
            Assert.Equal(FreshBooksWebhookStatus.Unauthorized, result.Status);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("B23BJMhKkxMj/d4wiBwjoy11d0rDAJ3Na6pFw6uePxw")]
    public async Task ReceiveAsync_MissingOrInvalidSignature_IsUnauthorized(string? signature)
    {
        await using var host = Host();

        var result = await host.Receiver.ReceiveAsync(Encoding.ASCII.GetBytes(AsciiBody), signature, TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Unauthorized, result.Status);
        Assert.Equal(401, result.HttpStatusCode);
        Assert.Null(result.Change);
    }

    [Fact]
    public async Task ReceiveAsync_AccountWithNoVerifiedCallback_IsUnauthorized()
    {
        await using var host = Host(seed: false);
        await host.Secrets.SaveAsync(new WebhookCallbackSecret { CallbackId = "11", AccountId = "ABC123" }, TestContext.Current.CancellationToken);

        var result = await host.Receiver.ReceiveAsync(Encoding.ASCII.GetBytes(AsciiBody), AsciiSignature, TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task ReceiveAsync_SeveralCallbacksOnTheAccount_FindsTheOneThatSigned()
    {
        await using var host = Host(seed: false);
        var ct = TestContext.Current.CancellationToken;
        await host.Secrets.SaveAsync(new WebhookCallbackSecret { CallbackId = "1", AccountId = "ABC123", ConnectionId = "a", EventName = "client", Verifier = "other" }, ct);
        await host.Secrets.SaveAsync(new WebhookCallbackSecret { CallbackId = "2", AccountId = "ABC123", ConnectionId = "b", EventName = "invoice.create", Verifier = Verifier }, ct);

        var result = await host.Receiver.ReceiveAsync(Encoding.ASCII.GetBytes(AsciiBody), AsciiSignature, ct);

        Assert.Equal(FreshBooksWebhookStatus.Accepted, result.Status);
        Assert.Equal("b", result.Change!.ConnectionId);
    }

    [Fact]
    public async Task ReceiveAsync_SameNoticeWithinWindow_IsFlaggedDuplicateUntilTheWindowPasses()
    {
        await using var host = Host(o => o.DuplicateWindow = TimeSpan.FromMinutes(5));
        var ct = TestContext.Current.CancellationToken;
        var body = Encoding.ASCII.GetBytes(AsciiBody);

        var first = await host.Receiver.ReceiveAsync(body, AsciiSignature, ct);
        host.Time.Advance(TimeSpan.FromMinutes(4));
        var second = await host.Receiver.ReceiveAsync(body, AsciiSignature, ct);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var third = await host.Receiver.ReceiveAsync(body, AsciiSignature, ct);

        Assert.False(first.Change!.IsDuplicate);
        Assert.True(second.Change!.IsDuplicate);
        Assert.Equal(first.Change.DedupeKey, second.Change.DedupeKey);
        Assert.False(third.Change!.IsDuplicate);
    }

    [Fact]
    public async Task ReceiveAsync_MoreKeysThanCapacity_ForgetsTheOldest()
    {
        await using var host = Host(o => o.DuplicateCapacity = 2);
        var ct = TestContext.Current.CancellationToken;

        foreach (var id in new[] { "1", "2", "3" })
        {
            await host.Receiver.ReceiveAsync(SignedBody("invoice.update", id), Signature("invoice.update", id), ct);
        }

        var oldest = await host.Receiver.ReceiveAsync(SignedBody("invoice.update", "1"), Signature("invoice.update", "1"), ct);
        var recent = await host.Receiver.ReceiveAsync(SignedBody("invoice.update", "3"), Signature("invoice.update", "3"), ct);

        Assert.False(oldest.Change!.IsDuplicate);
        Assert.True(recent.Change!.IsDuplicate);
    }

    [Theory]
    [InlineData("name=invoice.create&object_id=1&account_id=ABC123&x=%zz", "percent escape")]
    [InlineData("name=invoice.create&object_id=1&account_id=ABC123&account_id=ABC123", "more than once")]
    [InlineData("object_id=1&account_id=ABC123", "'name'")]
    [InlineData("name=invoice.create&account_id=ABC123", "'object_id'")]
    [InlineData("name=invoice.create&object_id=1", "'account_id'")]
    [InlineData("name=&object_id=1&account_id=ABC123", "'name'")]
    [InlineData("", "'name'")]
    [InlineData("{\"name\": \"invoice.create\"}", "'name'")]
    [InlineData("verifier=&object_id=5", "empty verifier")]
    [InlineData("verifier=abc", "callback id")]
    public async Task ReceiveAsync_MalformedBody_IsMalformedWithReason(string body, string reason)
    {
        await using var host = Host();

        var result = await host.Receiver.ReceiveAsync(Encoding.UTF8.GetBytes(body), AsciiSignature, TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Malformed, result.Status);
        Assert.Equal(400, result.HttpStatusCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_BodyOverTheLimit_IsMalformed()
    {
        await using var host = Host(o => o.MaxBodyBytes = 32);

        var result = await host.Receiver.ReceiveAsync(Encoding.ASCII.GetBytes(AsciiBody), AsciiSignature, TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Malformed, result.Status);
    }

    [Theory]
    [InlineData("bill_payment.create")]
    [InlineData("invoice.archive")]
    [InlineData("callback.verify")]
    public async Task ReceiveAsync_SignedButUnmodelledEvent_IsMalformed(string name)
    {
        await using var host = Host();

        var result = await host.Receiver.ReceiveAsync(SignedBody(name, "5"), Signature(name, "5"), TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Malformed, result.Status);
        Assert.Contains(name, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_VerificationWithNoKnownConnection_IsHandedOverWithoutShowingTheVerifier()
    {
        await using var host = Host(seed: false);

        var result = await host.Receiver.ReceiveAsync(
            "name=callback.verify&object_id=77&verifier=Zx9-secret&account_id=NOPE"u8.ToArray(), null, TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.VerificationReceived, result.Status);
        Assert.Equal(202, result.HttpStatusCode);
        var verification = Assert.IsType<FreshBooksVerificationRequest>(result.Verification);
        Assert.Equal(("77", "NOPE", null, "Zx9-secret"), (verification.CallbackId, verification.AccountId, verification.ConnectionId, verification.Verifier));
        Assert.DoesNotContain("Zx9-secret", verification.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Zx9-secret", result.ToString(), StringComparison.Ordinal);
        Assert.Null(await host.Secrets.GetAsync("77", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReceiveAsync_VerificationWithAutomaticCompletionOff_IsHandedOver()
    {
        await using var host = Host(o => o.CompleteVerificationAutomatically = false);

        var result = await host.Receiver.ReceiveAsync(
            "name=callback.verify&object_id=11&verifier=v2&account_id=ABC123"u8.ToArray(), null, TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.VerificationReceived, result.Status);
        Assert.Equal("conn-1", result.Verification!.ConnectionId);
    }

    [Fact]
    public async Task ReceiveAsync_FetchRecords_AttachesTheCurrentRecord()
    {
        var ledger = SubstituteLedger.Create();
        var contact = new Contact { Id = "42", UpdatedAt = Start, Email = "a@example.test" };
        ledger.Contacts.GetAsync("42", Arg.Any<CancellationToken>()).Returns(contact);
        await using var host = Host(o => o.FetchRecords = true, ledger);

        var result = await host.Receiver.ReceiveAsync(SignedBody("client.update", "42"), Signature("client.update", "42"), TestContext.Current.CancellationToken);

        Assert.Same(contact, result.Change!.Record);
    }

    [Fact]
    public async Task ReceiveAsync_FetchRecordsButRecordGone_IsAChangeWithNoRecord()
    {
        var ledger = SubstituteLedger.Create();
        ledger.Invoices.GetAsync("8", Arg.Any<CancellationToken>()).ThrowsAsync(new RecordNotFoundException(EntityKind.Invoice, "8"));
        await using var host = Host(o => o.FetchRecords = true, ledger);

        var result = await host.Receiver.ReceiveAsync(SignedBody("invoice.update", "8"), Signature("invoice.update", "8"), TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Accepted, result.Status);
        Assert.Null(result.Change!.Record);
    }

    [Fact]
    public async Task ReceiveAsync_FetchRecordsForADeletion_DoesNotAskTheStore()
    {
        var ledger = SubstituteLedger.Create();
        await using var host = Host(o => o.FetchRecords = true, ledger);

        var result = await host.Receiver.ReceiveAsync(SignedBody("payment.delete", "3"), Signature("payment.delete", "3"), TestContext.Current.CancellationToken);

        Assert.Equal(ChangeKind.Deleted, result.Change!.Kind);
        Assert.Null(result.Change.Record);
        await ledger.Payments.DidNotReceiveWithAnyArgs().GetAsync(default!, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ReceiveAsync_FetchFailsWithAProviderError_StillHandsOverTheChange()
    {
        var ledger = SubstituteLedger.Create();
        ledger.Expenses.GetAsync("6", Arg.Any<CancellationToken>()).ThrowsAsync(new ProviderUnavailableException("down"));
        await using var host = Host(o => o.FetchRecords = true, ledger);

        var result = await host.Receiver.ReceiveAsync(SignedBody("expense.create", "6"), Signature("expense.create", "6"), TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Accepted, result.Status);
        Assert.Null(result.Change!.Record);
    }

    [Fact]
    public async Task ReceiveAsync_FetchRecordsWithoutTheFreshBooksProvider_HandsOverTheChangeWithoutARecord()
    {
        await using var host = Host(o => o.FetchRecords = true);

        var result = await host.Receiver.ReceiveAsync(SignedBody("client.update", "42"), Signature("client.update", "42"), TestContext.Current.CancellationToken);

        Assert.Equal(FreshBooksWebhookStatus.Accepted, result.Status);
        Assert.Null(result.Change!.Record);
    }

    internal static byte[] SignedBody(string name, string objectId) =>
        Encoding.ASCII.GetBytes($"name={name}&object_id={objectId}&account_id=ABC123&business_id=456&identity_id=789&user_id=1");

    internal static string Signature(string name, string objectId) =>
        FreshBooksWebhookSignature.Compute(Verifier, FreshBooksWebhookSignatureTests.Pairs(
            ["name", name, "object_id", objectId, "account_id", "ABC123", "business_id", "456", "identity_id", "789", "user_id", "1"]));

    private static ReceiverHost Host(Action<FreshBooksWebhookOptions>? configure = null, ILedger? ledger = null, bool seed = true)
    {
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        if (ledger is not null)
        {
            var factory = Substitute.For<ILedgerFactory>();
            factory.Providers.Returns(["FreshBooks"]);
            factory.Open("FreshBooks", "conn-1").Returns(ledger);
            services.AddSingleton(factory);
        }

        services.AddLedgerline().AddFreshBooksWebhooks(configure);
        var provider = services.BuildServiceProvider();
        var secrets = provider.GetRequiredService<IWebhookSecretStore>();
        if (seed)
        {
            secrets.SaveAsync(new WebhookCallbackSecret
            {
                CallbackId = "11", AccountId = "ABC123", ConnectionId = "conn-1", EventName = "invoice", Verifier = Verifier,
            }, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        }

        return new ReceiverHost(provider, provider.GetRequiredService<IFreshBooksWebhookReceiver>(), secrets, time);
    }

    private sealed record ReceiverHost(ServiceProvider Provider, IFreshBooksWebhookReceiver Receiver, IWebhookSecretStore Secrets, FakeTimeProvider Time)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Provider.DisposeAsync();
    }
}
