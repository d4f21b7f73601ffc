using System.Collections.Concurrent;
using Ledgerline.InMemory;
using Ledgerline.Tests.Stores;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace Ledgerline.Tests.Pipeline;

/// <summary>The public store middleware hook: order, what it sees, what it may change, and how it is registered.</summary>
public sealed class StoreMiddlewareTests
{
    private static Contact Contact(string id) => new() { Id = id, UpdatedAt = DateTimeOffset.UnixEpoch, Organization = "Acme" };

    [Fact]
    public async Task UseStoreMiddleware_Several_RunInRegistrationOrderAroundTheProvider()
    {
        var trace = new ConcurrentQueue<string>();
        using var fake = new FakeProvider(configure: b => b
            .UseStoreMiddleware(new Tracing("outer", trace))
            .UseStoreMiddleware(new Tracing("inner", trace)));
        fake.Contacts.GetAsync("1", Arg.Any<CancellationToken>()).Returns(_ =>
        {
            trace.Enqueue("provider");
            return Contact("1");
        });

        await fake.Guarded.Contacts.GetAsync("1");

        Assert.Equal(["outer>Get", "inner>Get", "provider", "inner<Get", "outer<Get"], trace);
    }

    [Fact]
    public async Task Middleware_InvalidOrUnsupportedCall_IsNeverSeen()
    {
        var trace = new ConcurrentQueue<string>();
        using var fake = new FakeProvider(
            capabilities: e => e == EntityKind.Expense ? StoreCapabilities.Unsupported : FakeProvider.Everything,
            configure: b => b.UseStoreMiddleware(new Tracing("app", trace)));

        await Assert.ThrowsAsync<LedgerValidationException>(() => fake.Guarded.Contacts.GetAsync(" "));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => fake.Guarded.Expenses.GetAsync("1"));

        Assert.Empty(trace);
    }

    [Fact]
    public async Task Middleware_SeesTheCallsEntityOperationConnectionAndInput()
    {
        var seen = new ConcurrentQueue<StoreRequest>();
        using var fake = new FakeProvider(configure: b => b.UseStoreMiddleware(new Recording(seen)));
        var draft = new NewContact { Organization = "Acme" };
        fake.Contacts.CreateAsync(draft, Arg.Any<CancellationToken>()).Returns(Contact("7"));

        await fake.Guarded.Contacts.CreateAsync(draft);

        var request = Assert.Single(seen);
        Assert.Equal(("Fake", "c1", EntityKind.Contact, StoreOperation.Create), (request.ProviderName, request.ConnectionId, request.Entity, request.Operation));
        Assert.Same(draft, request.Input);
        Assert.Equal(StoreOperations.Create, request.RequiredCapability);
        Assert.True(request.Capabilities.Supports(StoreOperations.Create));
    }

    [Fact]
    public async Task Middleware_ShortCircuits_ProviderIsNotCalled()
    {
        var cached = Contact("42");
        using var fake = new FakeProvider(configure: b => b.UseStoreMiddleware(new Answering(cached)));

        var contact = await fake.Guarded.Contacts.GetAsync("42");

        Assert.Same(cached, contact);
        await fake.Contacts.DidNotReceiveWithAnyArgs().GetAsync(default!, default);
    }

    [Fact]
    public async Task Middleware_RewritesTheQuery_ProviderReceivesTheRewrittenQuery()
    {
        using var fake = new FakeProvider(configure: b => b.UseStoreMiddleware(new OnlyActive()));
        fake.Contacts.ListPageAsync(Arg.Any<ContactQuery?>(), Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(new Page<Contact>([], null));

        await fake.Guarded.Contacts.ListPageAsync(new ContactQuery { States = RecordStates.All });

        await fake.Contacts.Received(1).ListPageAsync(Arg.Is<ContactQuery?>(q => q!.States == RecordStates.Active), null, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Middleware_ListAsync_StreamsEveryRecordOnceAndLazily()
    {
        var seen = new ConcurrentQueue<StoreRequest>();
        using var fake = new FakeProvider(configure: b => b.UseStoreMiddleware(new Recording(seen)));
        fake.Contacts.ListAsync(Arg.Any<ContactQuery?>(), Arg.Any<CancellationToken>()).Returns(new[] { Contact("1"), Contact("2") }.ToAsyncEnumerable());

        var listing = fake.Guarded.Contacts.ListAsync();
        Assert.Empty(seen);
        var ids = new List<string>();
        await foreach (var contact in listing)
        {
            ids.Add(contact.Id);
        }

        Assert.Equal(["1", "2"], ids);
        Assert.Equal(StoreOperation.List, Assert.Single(seen).Operation);
    }

    [Fact]
    public async Task Middleware_ReturnsAnotherType_CallerGetsAnExplainingError()
    {
        using var fake = new FakeProvider(configure: b => b.UseStoreMiddleware(new Answering("not a contact")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fake.Guarded.Contacts.GetAsync("1"));

        Assert.Contains("String where Contact was expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseStoreMiddleware_SameTypeTwice_RegistersItOnceAndResolvesItFromTheContainer()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ConcurrentQueue<StoreRequest>());
        services.AddLedgerline().UseStoreMiddleware<AuditMiddleware>().UseStoreMiddleware<AuditMiddleware>().AddInMemory();
        await using var provider = services.BuildServiceProvider();

        var ledger = provider.GetRequiredService<ILedgerFactory>().Open("tenant-1");
        await ledger.Contacts.ListPageAsync();

        Assert.Single(provider.GetRequiredService<ConcurrentQueue<StoreRequest>>());
    }

    [Fact]
    public async Task AuditMiddleware_Sample_SeesEveryCallOfEveryEntity()
    {
        // The sample from the README: an application's audit trail of every store call, for every entity and provider.
        var services = new ServiceCollection();
        services.AddSingleton(new ConcurrentQueue<StoreRequest>());
        services.AddLedgerline().AddInMemory().UseStoreMiddleware<AuditMiddleware>();
        await using var provider = services.BuildServiceProvider();
        var ledger = provider.GetRequiredService<ILedgerFactory>().Open("tenant-1");

        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Acme" });
        await ledger.Invoices.ListPageAsync(InvoiceQuery.Unpaid());
        await ledger.Payments.ListPageAsync();
        await foreach (var _ in ledger.Expenses.ListAsync())
        {
        }

        await ledger.TimeEntries.ListPageAsync();
        await ledger.Contacts.ArchiveAsync(contact.Id);

        Assert.Equal(
            [
                (EntityKind.Contact, StoreOperation.Create), (EntityKind.Invoice, StoreOperation.ListPage), (EntityKind.Payment, StoreOperation.ListPage),
                (EntityKind.Expense, StoreOperation.List), (EntityKind.TimeEntry, StoreOperation.ListPage), (EntityKind.Contact, StoreOperation.Archive),
            ],
            provider.GetRequiredService<ConcurrentQueue<StoreRequest>>().Select(r => (r.Entity, r.Operation)));
    }

    [Fact]
    public async Task Ledger_ProviderLacksAStore_CapabilitiesSayUnsupportedAndCallsAreRefused()
    {
        using var fake = new FakeProvider();
        fake.Ledger.GetStore(typeof(IPaymentStore)).Returns(null);
        var ledger = fake.Services.GetRequiredService<ILedgerFactory>().Open("c2");

        Assert.False(ledger.Capabilities.For(EntityKind.Payment).IsSupported);
        Assert.True(ledger.Capabilities.For(EntityKind.Invoice).IsSupported);
        var error = await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Payments.GetAsync("1"));
        Assert.Equal(EntityKind.Payment, error.Entity);
    }

    [Fact]
    public void Ledger_GetStore_UnknownTypeIsNullAndRequiredThrows()
    {
        using var fake = new FakeProvider();

        Assert.Null(fake.Guarded.GetStore(typeof(string)));
        Assert.Same(fake.Guarded.Contacts, fake.Guarded.GetStore<IContactStore>());
        Assert.Throws<InvalidOperationException>(() => fake.Guarded.GetRequiredStore<IDisposable>());
    }

    /// <summary>The README's sample: records who called what; a real one would write to an audit log.</summary>
    private sealed class AuditMiddleware(ConcurrentQueue<StoreRequest> audit) : StoreMiddleware
    {
        public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
        {
            audit.Enqueue(request);
            return next(request, cancellationToken);
        }

        public override IAsyncEnumerable<LedgerRecord> ListAsync(StoreRequest request, StoreListHandler next, CancellationToken cancellationToken)
        {
            audit.Enqueue(request);
            return next(request, cancellationToken);
        }
    }

    private sealed class Tracing(string name, ConcurrentQueue<string> trace) : StoreMiddleware
    {
        public override async ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
        {
            trace.Enqueue($"{name}>{request.Operation}");
            var result = await next(request, cancellationToken);
            trace.Enqueue($"{name}<{request.Operation}");
            return result;
        }
    }

    private sealed class Recording(ConcurrentQueue<StoreRequest> seen) : StoreMiddleware
    {
        public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
        {
            seen.Enqueue(request);
            return base.InvokeAsync(request, next, cancellationToken);
        }

        public override IAsyncEnumerable<LedgerRecord> ListAsync(StoreRequest request, StoreListHandler next, CancellationToken cancellationToken)
        {
            seen.Enqueue(request);
            return base.ListAsync(request, next, cancellationToken);
        }
    }

    private sealed class Answering(object answer) : StoreMiddleware
    {
        public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken) =>
            ValueTask.FromResult<object?>(answer);
    }

    private sealed class OnlyActive : StoreMiddleware
    {
        public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken) =>
            next(request with { Query = request.Query! with { States = RecordStates.Active } }, cancellationToken);
    }
}
