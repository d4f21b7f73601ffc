using System.Collections.Frozen;

namespace Ledgerline.Pipeline;

/// <summary>
/// Every canonical entity, once: the one place besides the entity's own files that an added entity touches (see the
/// README's "Adding an entity"). Each store interface is implemented by a one-line subclass of
/// <see cref="PipelineStore{TRecord, TDraft, TChanges, TQuery}"/>, because C# cannot implement an interface named by a
/// type parameter.
/// </summary>
internal static class LedgerEntities
{
    public static IReadOnlyList<LedgerEntity> All { get; } =
    [
        new TypedLedgerEntity<IContactStore, Contact, NewContact, ContactChanges, ContactQuery>(
            EntityKind.Contact, static (scope, provider, middleware) => new ContactStore(scope, provider, middleware)),
        new TypedLedgerEntity<IInvoiceStore, Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>(
            EntityKind.Invoice, static (scope, provider, middleware) => new InvoiceStore(scope, provider, middleware)),
        new TypedLedgerEntity<IPaymentStore, Payment, NewPayment, PaymentChanges, PaymentQuery>(
            EntityKind.Payment, static (scope, provider, middleware) => new PaymentStore(scope, provider, middleware)),
        new TypedLedgerEntity<IExpenseStore, Expense, NewExpense, ExpenseChanges, ExpenseQuery>(
            EntityKind.Expense, static (scope, provider, middleware) => new ExpenseStore(scope, provider, middleware)),
        new TypedLedgerEntity<ITimeEntryStore, TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(
            EntityKind.TimeEntry, static (scope, provider, middleware) => new TimeEntryStore(scope, provider, middleware)),
        new TypedLedgerEntity<IItemStore, Item, NewItem, ItemChanges, ItemQuery>(
            EntityKind.Item, static (scope, provider, middleware) => new ItemStore(scope, provider, middleware)),
        new TypedLedgerEntity<ITaxRateStore, TaxRate, NewTaxRate, TaxRateChanges, TaxRateQuery>(
            EntityKind.TaxRate, static (scope, provider, middleware) => new TaxRateStore(scope, provider, middleware)),
        new TypedLedgerEntity<IEstimateStore, Estimate, NewEstimate, EstimateChanges, EstimateQuery>(
            EntityKind.Estimate, static (scope, provider, middleware) => new EstimateStore(scope, provider, middleware)),
        new TypedLedgerEntity<ICreditNoteStore, CreditNote, NewCreditNote, CreditNoteChanges, CreditNoteQuery>.WithAction<NewCreditAllocation>(
            EntityKind.CreditNote, static (scope, provider, middleware) => new CreditNoteStore(scope, provider, middleware)),
        new TypedLedgerEntity<IVendorStore, Vendor, NewVendor, VendorChanges, VendorQuery>(
            EntityKind.Vendor, static (scope, provider, middleware) => new VendorStore(scope, provider, middleware)),
        new TypedLedgerEntity<IBillStore, Bill, NewBill, BillChanges, BillQuery>(
            EntityKind.Bill, static (scope, provider, middleware) => new BillStore(scope, provider, middleware)),
        new TypedLedgerEntity<IBillPaymentStore, BillPayment, NewBillPayment, BillPaymentChanges, BillPaymentQuery>(
            EntityKind.BillPayment, static (scope, provider, middleware) => new BillPaymentStore(scope, provider, middleware)),
        new TypedLedgerEntity<IProjectStore, Project, NewProject, ProjectChanges, ProjectQuery>(
            EntityKind.Project, static (scope, provider, middleware) => new ProjectStore(scope, provider, middleware)),
        new CompanyEntity(),
    ];

    private static readonly FrozenDictionary<Type, int> Index =
        All.Select((entity, index) => (entity.StoreType, index)).ToFrozenDictionary(p => p.StoreType, p => p.index);

    /// <summary>The position in <see cref="All"/> of the entity whose store interface is <paramref name="storeType"/>, or -1.</summary>
    public static int IndexOf(Type storeType) => Index.TryGetValue(storeType, out var index) ? index : -1;

    private sealed class ContactStore(StoreScope scope, IContactStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<Contact, NewContact, ContactChanges, ContactQuery>(scope, provider, middleware), IContactStore;

    private sealed class InvoiceStore(StoreScope scope, IInvoiceStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>(scope, provider, middleware), IInvoiceStore
    {
        public Task<Invoice> MarkAsSentAsync(string id, CancellationToken cancellationToken = default) =>
            InvokeAsync(StoreOperation.MarkSent, id, null, cancellationToken);

        public Task<Invoice> VoidAsync(string id, CancellationToken cancellationToken = default) =>
            InvokeAsync(StoreOperation.Void, id, null, cancellationToken);

        protected override ValueTask<object?> ProviderActionAsync(
            StoreRequest request, ILedgerStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery> provider, CancellationToken cancellationToken) =>
            request.Operation switch
            {
                StoreOperation.MarkSent => Result(((IInvoiceStore)provider).MarkAsSentAsync(Id(request), cancellationToken)),
                StoreOperation.Void => Result(((IInvoiceStore)provider).VoidAsync(Id(request), cancellationToken)),
                _ => base.ProviderActionAsync(request, provider, cancellationToken),
            };
    }

    private sealed class PaymentStore(StoreScope scope, IPaymentStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<Payment, NewPayment, PaymentChanges, PaymentQuery>(scope, provider, middleware), IPaymentStore;

    private sealed class ExpenseStore(StoreScope scope, IExpenseStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<Expense, NewExpense, ExpenseChanges, ExpenseQuery>(scope, provider, middleware), IExpenseStore;

    private sealed class TimeEntryStore(StoreScope scope, ITimeEntryStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(scope, provider, middleware), ITimeEntryStore;

    private sealed class ItemStore(StoreScope scope, IItemStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<Item, NewItem, ItemChanges, ItemQuery>(scope, provider, middleware), IItemStore;

    private sealed class TaxRateStore(StoreScope scope, ITaxRateStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<TaxRate, NewTaxRate, TaxRateChanges, TaxRateQuery>(scope, provider, middleware), ITaxRateStore;

    private sealed class EstimateStore(StoreScope scope, IEstimateStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<Estimate, NewEstimate, EstimateChanges, EstimateQuery>(scope, provider, middleware), IEstimateStore
    {
        public Task<Estimate> MarkAsSentAsync(string id, CancellationToken cancellationToken = default) =>
            InvokeAsync(StoreOperation.MarkSent, id, null, cancellationToken);

        public Task<Estimate> AcceptAsync(string id, CancellationToken cancellationToken = default) =>
            InvokeAsync(StoreOperation.Accept, id, null, cancellationToken);

        public Task<Estimate> DeclineAsync(string id, CancellationToken cancellationToken = default) =>
            InvokeAsync(StoreOperation.Decline, id, null, cancellationToken);

        public Task<Invoice> ConvertToInvoiceAsync(string id, CancellationToken cancellationToken = default) =>
            InvokeAsync<Invoice>(StoreOperation.ConvertToInvoice, id, null, cancellationToken);

        protected override ValueTask<object?> ProviderActionAsync(
            StoreRequest request, ILedgerStore<Estimate, NewEstimate, EstimateChanges, EstimateQuery> provider, CancellationToken cancellationToken)
        {
            var store = (IEstimateStore)provider;
            return request.Operation switch
            {
                StoreOperation.MarkSent => Result(store.MarkAsSentAsync(Id(request), cancellationToken)),
                StoreOperation.Accept => Result(store.AcceptAsync(Id(request), cancellationToken)),
                StoreOperation.Decline => Result(store.DeclineAsync(Id(request), cancellationToken)),
                StoreOperation.ConvertToInvoice => Result(store.ConvertToInvoiceAsync(Id(request), cancellationToken)),
                _ => base.ProviderActionAsync(request, provider, cancellationToken),
            };
        }
    }

    private sealed class CreditNoteStore(StoreScope scope, ICreditNoteStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<CreditNote, NewCreditNote, CreditNoteChanges, CreditNoteQuery>(scope, provider, middleware), ICreditNoteStore
    {
        public Task<CreditNote> AllocateAsync(string id, NewCreditAllocation allocation, CancellationToken cancellationToken = default) =>
            InvokeAsync<CreditNote>(StoreOperation.Allocate, id, allocation, cancellationToken);

        public Task<CreditNote> AllocateAsync(string id, NewCreditAllocation allocation, CreateOptions? options, CancellationToken cancellationToken = default) =>
            InvokeAsync<CreditNote>(StoreOperation.Allocate, id, allocation, cancellationToken, options?.IdempotencyKey);

        protected override ValueTask<object?> ProviderActionAsync(
            StoreRequest request, ILedgerStore<CreditNote, NewCreditNote, CreditNoteChanges, CreditNoteQuery> provider, CancellationToken cancellationToken)
        {
            if (request.Operation != StoreOperation.Allocate)
            {
                return base.ProviderActionAsync(request, provider, cancellationToken);
            }

            var store = (ICreditNoteStore)provider;
            return Result(request.IdempotencyKey is { } key
                ? store.AllocateAsync(Id(request), Input<NewCreditAllocation>(request), CreateOptions.WithIdempotencyKey(key), cancellationToken)
                : store.AllocateAsync(Id(request), Input<NewCreditAllocation>(request), cancellationToken));
        }
    }

    private sealed class VendorStore(StoreScope scope, IVendorStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<Vendor, NewVendor, VendorChanges, VendorQuery>(scope, provider, middleware), IVendorStore;

    private sealed class BillStore(StoreScope scope, IBillStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<Bill, NewBill, BillChanges, BillQuery>(scope, provider, middleware), IBillStore;

    private sealed class BillPaymentStore(StoreScope scope, IBillPaymentStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<BillPayment, NewBillPayment, BillPaymentChanges, BillPaymentQuery>(scope, provider, middleware), IBillPaymentStore;

    private sealed class ProjectStore(StoreScope scope, IProjectStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        : PipelineStore<Project, NewProject, ProjectChanges, ProjectQuery>(scope, provider, middleware), IProjectStore;
}
