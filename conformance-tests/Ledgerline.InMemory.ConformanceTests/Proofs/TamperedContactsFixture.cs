using Ledgerline.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.InMemory.ConformanceTests.Proofs;

/// <summary>
/// InMemory with one behaviour deliberately broken: every contact query is rewritten by <paramref name="tamper"/> before it
/// reaches the provider (e.g. dropping UpdatedSince). Used only to prove that the suite notices.
/// </summary>
internal sealed class TamperedContactsFixture(Func<ContactQuery, ContactQuery> tamper) : InMemoryConformanceFixture
{
    public override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(ILedgerProvider) && descriptor.ImplementationFactory is { } create)
            {
                services[i] = ServiceDescriptor.Singleton<ILedgerProvider>(sp => new TamperedProvider((ILedgerProvider)create(sp), tamper));
            }
        }
    }

    private sealed class TamperedProvider(ILedgerProvider inner, Func<ContactQuery, ContactQuery> tamper) : ILedgerProvider
    {
        public string Name => inner.Name;

        public LedgerCapabilities Capabilities => inner.Capabilities;

        public ILedger Open(string connectionId) => new TamperedLedger(inner.Open(connectionId), tamper);
    }

    private sealed class TamperedLedger(ILedger inner, Func<ContactQuery, ContactQuery> tamper) : ILedger
    {
        public string ProviderName => inner.ProviderName;

        public string ConnectionId => inner.ConnectionId;

        public LedgerCapabilities Capabilities => inner.Capabilities;

        public IContactStore Contacts { get; } = new TamperedContactStore(inner.Contacts, tamper);

        public IInvoiceStore Invoices => inner.Invoices;

        public IPaymentStore Payments => inner.Payments;

        public IExpenseStore Expenses => inner.Expenses;

        public ITimeEntryStore TimeEntries => inner.TimeEntries;
    }

    private sealed class TamperedContactStore(IContactStore inner, Func<ContactQuery, ContactQuery> tamper)
        : DelegatingStore<Contact, NewContact, ContactChanges, ContactQuery>(inner), IContactStore
    {
        public override IAsyncEnumerable<Contact> ListAsync(ContactQuery? query = null, CancellationToken cancellationToken = default) =>
            base.ListAsync(tamper(query ?? new ContactQuery()), cancellationToken);

        public override Task<Page<Contact>> ListPageAsync(ContactQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default) =>
            base.ListPageAsync(tamper(query ?? new ContactQuery()), cursor, cancellationToken);
    }
}
