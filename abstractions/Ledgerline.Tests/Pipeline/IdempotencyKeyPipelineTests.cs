using System.Collections.Concurrent;
using Ledgerline.Tests.Stores;
using NSubstitute;

namespace Ledgerline.Tests.Pipeline;

/// <summary>
/// Idempotency keys through the store pipeline: refused before the provider when its store does not honour them, validated
/// with a field-level error, and handed to the provider's keyed overload when it does.
/// </summary>
public sealed class IdempotencyKeyPipelineTests
{
    private static readonly NewContact Draft = new() { Organization = "Acme" };

    private static StoreCapabilities Honouring(StoreOperations keyed) => FakeProvider.Everything with
    {
        Operations = StoreOperations.All | StoreOperations.Allocate,
        IdempotencyKeys = keyed,
    };

    private static Contact Contact(string id) => new() { Id = id, UpdatedAt = DateTimeOffset.UnixEpoch, Organization = "Acme" };

    [Fact]
    public async Task CreateAsync_KeyOnAStoreThatDoesNotHonourKeys_IsRefusedBeforeTheProvider()
    {
        using var fake = new FakeProvider();

        var refused = await Assert.ThrowsAsync<OperationNotSupportedException>(
            () => fake.Guarded.Contacts.CreateAsync(Draft, CreateOptions.WithIdempotencyKey("k-1")));

        Assert.Equal((EntityKind.Contact, "Fake"), (refused.Entity, refused.Provider));
        Assert.Contains("idempotency keys on Create", refused.Feature, StringComparison.Ordinal);
        Assert.Empty(fake.Contacts.ReceivedCalls());
    }

    [Fact]
    public async Task CreateAsync_KeyHonoured_ReachesTheProvidersKeyedOverloadAndMiddlewareSeesIt()
    {
        var seen = new ConcurrentQueue<StoreRequest>();
        using var fake = new FakeProvider(
            capabilities: _ => Honouring(StoreOperations.Create),
            configure: b => b.UseStoreMiddleware(new Recording(seen)));
        fake.Contacts.CreateAsync(Draft, Arg.Is<CreateOptions?>(o => o != null && o.IdempotencyKey == "order-42:contact"), Arg.Any<CancellationToken>())
            .Returns(Contact("7"));

        var created = await fake.Guarded.Contacts.CreateAsync(Draft, CreateOptions.WithIdempotencyKey("order-42:contact"));

        Assert.Equal("7", created.Id);
        Assert.Equal("order-42:contact", Assert.Single(seen).IdempotencyKey);
        await fake.Contacts.DidNotReceive().CreateAsync(Arg.Any<NewContact>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CreateAsync_NullOptionsOrNoKey_ReachesThePlainCreate()
    {
        using var fake = new FakeProvider();
        fake.Contacts.CreateAsync(Draft, Arg.Any<CancellationToken>()).Returns(Contact("7"));

        await fake.Guarded.Contacts.CreateAsync(Draft, null);
        await fake.Guarded.Contacts.CreateAsync(Draft, new CreateOptions());

        await fake.Contacts.Received(2).CreateAsync(Draft, Arg.Any<CancellationToken>());
        await fake.Contacts.DidNotReceive().CreateAsync(Arg.Any<NewContact>(), Arg.Any<CreateOptions?>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\there")]
    [InlineData("émoji")]
    [InlineData("semi;colon")]
    public async Task CreateAsync_MalformedKey_IsAFieldErrorAndTheProviderIsNotCalled(string key)
    {
        using var fake = new FakeProvider(capabilities: _ => Honouring(StoreOperations.Create));

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => fake.Guarded.Contacts.CreateAsync(Draft, CreateOptions.WithIdempotencyKey(key)));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(CreateOptions.IdempotencyKey), "InvalidIdempotencyKey"), (error.Field, error.Code));
        Assert.Empty(fake.Contacts.ReceivedCalls());
    }

    [Fact]
    public async Task CreateAsync_KeyAtAndOverTheLimit_AcceptedThenRefusedWithTheLength()
    {
        using var fake = new FakeProvider(capabilities: _ => Honouring(StoreOperations.Create));
        fake.Contacts.CreateAsync(Draft, Arg.Any<CreateOptions?>(), Arg.Any<CancellationToken>()).Returns(Contact("7"));
        var longest = new string('a', CreateOptions.MaxIdempotencyKeyLength);

        await fake.Guarded.Contacts.CreateAsync(Draft, CreateOptions.WithIdempotencyKey(longest));
        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => fake.Guarded.Contacts.CreateAsync(Draft, CreateOptions.WithIdempotencyKey(longest + "a")));

        Assert.Contains("at most 128 characters", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(longest, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateAsync_KeyWhereOnlyCreatesHonourKeys_IsRefused_AndWhereAllocationsDo_ReachesTheProvider()
    {
        var allocation = new NewCreditAllocation { InvoiceId = "9", Amount = new Money(5m, CurrencyCode.USD), Date = new DateOnly(2026, 1, 5) };
        using var createsOnly = new FakeProvider(capabilities: _ => Honouring(StoreOperations.Create));
        using var both = new FakeProvider(capabilities: _ => Honouring(StoreOperations.Create | StoreOperations.Allocate));
        var note = new CreditNote
        {
            Id = "3", UpdatedAt = DateTimeOffset.UnixEpoch, ContactId = "1", Currency = CurrencyCode.USD, IssueDate = new DateOnly(2026, 1, 5),
            Subtotal = new Money(30m, CurrencyCode.USD), Tax = new Money(0m, CurrencyCode.USD), Total = new Money(30m, CurrencyCode.USD),
            RemainingCredit = new Money(25m, CurrencyCode.USD),
        };
        both.CreditNotes.AllocateAsync("3", allocation, Arg.Is<CreateOptions?>(o => o != null && o.IdempotencyKey == "alloc-1"), Arg.Any<CancellationToken>())
            .Returns(note);

        var refused = await Assert.ThrowsAsync<OperationNotSupportedException>(
            () => createsOnly.Guarded.CreditNotes.AllocateAsync("3", allocation, CreateOptions.WithIdempotencyKey("alloc-1")));
        var allocated = await both.Guarded.CreditNotes.AllocateAsync("3", allocation, CreateOptions.WithIdempotencyKey("alloc-1"));

        Assert.Contains("Allocate", refused.Feature, StringComparison.Ordinal);
        Assert.Empty(createsOnly.CreditNotes.ReceivedCalls());
        Assert.Same(note, allocated);
    }

    [Fact]
    public void OutcomeUnknown_KeySent_SaysARepeatIsSafe_WithoutTheKey()
    {
        var keyed = new OutcomeUnknownException(EntityKind.Invoice, "create", "op-1") { IdempotencyKeySent = true };
        var plain = new OutcomeUnknownException(EntityKind.Invoice, "create", "op-1");

        Assert.Contains("same key", keyed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("same key", plain.Message, StringComparison.Ordinal);
        Assert.False(plain.IdempotencyKeySent);
    }

    private sealed class Recording(ConcurrentQueue<StoreRequest> seen) : StoreMiddleware
    {
        public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
        {
            seen.Enqueue(request);
            return base.InvokeAsync(request, next, cancellationToken);
        }
    }
}
