namespace Ledgerline;

/// <summary>
/// Typed access to a ledger's stores: <c>ledger.Invoices</c>, <c>ledger.GetStore&lt;IInvoiceStore&gt;()</c>. Adding an
/// entity to Ledgerline adds one property here; providers written before it keep working (see
/// <see cref="ILedger.GetStore(Type)"/>).
/// </summary>
public static class LedgerStoreExtensions
{
    /// <summary>Gets the ledger's store of type <typeparamref name="TStore"/>, or <see langword="null"/> when it has none.</summary>
    /// <typeparam name="TStore">The store interface, e.g. <see cref="IInvoiceStore"/>.</typeparam>
    public static TStore? GetStore<TStore>(this ILedger ledger)
        where TStore : class
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.GetStore(typeof(TStore)) as TStore;
    }

    /// <summary>Gets the ledger's store of type <typeparamref name="TStore"/>.</summary>
    /// <typeparam name="TStore">The store interface, e.g. <see cref="IInvoiceStore"/>.</typeparam>
    /// <exception cref="InvalidOperationException">
    /// The ledger has no such store. Ledgers from <see cref="ILedgerFactory"/> answer every canonical store interface, so
    /// this happens only for a type that is not one, or on a provider's own ledger used without Ledgerline.
    /// </exception>
    public static TStore GetRequiredStore<TStore>(this ILedger ledger)
        where TStore : class =>
        ledger.GetStore<TStore>() ?? throw new InvalidOperationException(
            $"Ledger '{ledger.ProviderName}/{ledger.ConnectionId}' has no {typeof(TStore).Name}. Open ledgers through ILedgerFactory " +
            "(or inject them), which answer every canonical store and refuse what the provider lacks.");

    extension(ILedger ledger)
    {
        /// <summary>Contacts: customers and other parties.</summary>
        public IContactStore Contacts => ledger.GetRequiredStore<IContactStore>();

        /// <summary>Invoices (accounts receivable).</summary>
        public IInvoiceStore Invoices => ledger.GetRequiredStore<IInvoiceStore>();

        /// <summary>Payments received against invoices.</summary>
        public IPaymentStore Payments => ledger.GetRequiredStore<IPaymentStore>();

        /// <summary>Expenses.</summary>
        public IExpenseStore Expenses => ledger.GetRequiredStore<IExpenseStore>();

        /// <summary>Time entries.</summary>
        public ITimeEntryStore TimeEntries => ledger.GetRequiredStore<ITimeEntryStore>();

        /// <summary>The product and service catalogue.</summary>
        public IItemStore Items => ledger.GetRequiredStore<IItemStore>();

        /// <summary>Sales tax rates.</summary>
        public ITaxRateStore TaxRates => ledger.GetRequiredStore<ITaxRateStore>();

        /// <summary>Estimates (quotes).</summary>
        public IEstimateStore Estimates => ledger.GetRequiredStore<IEstimateStore>();

        /// <summary>Credit notes issued to customers.</summary>
        public ICreditNoteStore CreditNotes => ledger.GetRequiredStore<ICreditNoteStore>();

        /// <summary>Vendors (suppliers).</summary>
        public IVendorStore Vendors => ledger.GetRequiredStore<IVendorStore>();

        /// <summary>Bills from vendors (accounts payable).</summary>
        public IBillStore Bills => ledger.GetRequiredStore<IBillStore>();

        /// <summary>Payments of bills.</summary>
        public IBillPaymentStore BillPayments => ledger.GetRequiredStore<IBillPaymentStore>();

        /// <summary>Projects.</summary>
        public IProjectStore Projects => ledger.GetRequiredStore<IProjectStore>();

        /// <summary>The connected business, read-only.</summary>
        public ICompanyStore Company => ledger.GetRequiredStore<ICompanyStore>();
    }
}
