using System.Runtime.CompilerServices;

namespace Ledgerline.ConformanceTests;

/// <summary>The list parameters every store shares.</summary>
internal sealed record ListShape
{
    public RecordStates States { get; init; } = RecordStates.Active;

    public DateTimeOffset? UpdatedSince { get; init; }

    public int PageSize { get; init; } = RecordQuery.DefaultPageSize;
}

/// <summary>
/// One store seen through the operations every store shares, with a way to make valid sample records, so that behaviour
/// common to all entities (states, paging, UpdatedSince, not found, concurrency) is written once and run for each.
/// </summary>
internal abstract class RecordKit
{
    public abstract EntityKind Entity { get; }

    /// <summary>The operations on other stores that <see cref="CreateAsync(int, CancellationToken)"/> needs (an invoice needs a contact, …).</summary>
    public abstract IReadOnlyList<(EntityKind Entity, StoreOperations Operations)> SetupNeeds { get; }

    public abstract Task<LedgerRecord> CreateAsync(int n, CancellationToken cancellationToken);

    /// <summary>Calls create with a draft that needs no other record first: for asserting a refusal that sends nothing.</summary>
    public abstract Task<LedgerRecord> CreateWithoutSetupAsync(CancellationToken cancellationToken);

    /// <summary>As <see cref="CreateWithoutSetupAsync(CancellationToken)"/>, with create options (an idempotency key).</summary>
    public abstract Task<LedgerRecord> CreateWithoutSetupAsync(CreateOptions options, CancellationToken cancellationToken);

    /// <summary>A valid sample draft (making what it needs first), to create more than once.</summary>
    public abstract Task<object> DraftAsync(int n, CancellationToken cancellationToken);

    /// <summary>Creates the record <paramref name="draft"/> (from <see cref="DraftAsync"/>) describes, with <paramref name="options"/>.</summary>
    public abstract Task<LedgerRecord> CreateAsync(object draft, CreateOptions? options, CancellationToken cancellationToken);

    /// <summary>Changes one free-text field of the record.</summary>
    public abstract Task<LedgerRecord> TouchAsync(string id, int n, CancellationToken cancellationToken);

    public abstract Task<LedgerRecord> GetAsync(string id, CancellationToken cancellationToken);

    public abstract Task<LedgerRecord> ArchiveAsync(string id, CancellationToken cancellationToken);

    public abstract Task<LedgerRecord> RestoreAsync(string id, CancellationToken cancellationToken);

    public abstract Task DeleteAsync(string id, CancellationToken cancellationToken);

    public abstract Task<Page<LedgerRecord>> ListPageAsync(ListShape shape, string? cursor, CancellationToken cancellationToken);

    public abstract IAsyncEnumerable<LedgerRecord> ListAsync(ListShape shape, CancellationToken cancellationToken);

    /// <summary>
    /// The kit of <paramref name="entity"/>'s store. With <paramref name="presetStates"/>, the store came with records (see
    /// <see cref="LedgerConformanceFixture.ComesWithRecords"/>): those listed in these states before the kit first creates
    /// or lists are left out of its listings.
    /// </summary>
    public static RecordKit For(ILedger ledger, EntityKind entity, RecordStates? presetStates = null, LedgerConformanceFixture? fixture = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var kit = Kit(ledger, entity, fixture);
        kit.PresetStates = presetStates;
        return kit;
    }

    /// <summary>The states in which the store's preset records are looked up; null when it has none.</summary>
    private protected RecordStates? PresetStates { get; private set; }

    private static RecordKit Kit(ILedger ledger, EntityKind entity, LedgerConformanceFixture? fixture)
    {
        return entity switch
        {
            EntityKind.Contact => new RecordKit<Contact, NewContact, ContactChanges, ContactQuery>(
                entity, ledger.Contacts, (n, _) => Task.FromResult(Samples.Contact(n)), () => Samples.Contact(0), n => new ContactChanges { LastName = $"Touched {n}" }, []),
            EntityKind.Invoice => InvoiceKit(ledger),
            EntityKind.Payment => PaymentKit(ledger),
            EntityKind.Expense => new RecordKit<Expense, NewExpense, ExpenseChanges, ExpenseQuery>(
                entity, ledger.Expenses, (n, _) => Task.FromResult(Samples.Expense(n)), () => Samples.Expense(0), n => new ExpenseChanges { Notes = $"Touched {n}" }, []),
            EntityKind.TimeEntry => new RecordKit<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(
                entity, ledger.TimeEntries,
                (n, ct) => fixture is null ? Task.FromResult(Samples.TimeEntry(n)) : fixture.CompleteTimeEntryAsync(ledger, Samples.TimeEntry(n), ct), () => Samples.TimeEntry(0), n => new TimeEntryChanges { Note = $"Touched {n}" }, []),
            EntityKind.Item => new RecordKit<Item, NewItem, ItemChanges, ItemQuery>(
                entity, ledger.Items, (n, _) => Task.FromResult(Samples.Item(n)), () => Samples.Item(0), n => new ItemChanges { Description = $"Touched {n}" }, []),
            EntityKind.TaxRate => new RecordKit<TaxRate, NewTaxRate, TaxRateChanges, TaxRateQuery>(
                entity, ledger.TaxRates, (n, _) => Task.FromResult(Samples.TaxRate(n)), () => Samples.TaxRate(0), n => new TaxRateChanges { Name = $"Touched tax {n}" }, []),
            EntityKind.Estimate => EstimateKit(ledger),
            EntityKind.CreditNote => CreditNoteKit(ledger),
            EntityKind.Vendor => new RecordKit<Vendor, NewVendor, VendorChanges, VendorQuery>(
                entity, ledger.Vendors, (n, _) => Task.FromResult(Samples.Vendor(n)), () => Samples.Vendor(0), n => new VendorChanges { LastName = $"Touched {n}" }, []),
            EntityKind.Bill => BillKit(ledger),
            EntityKind.Project => new RecordKit<Project, NewProject, ProjectChanges, ProjectQuery>(
                entity, ledger.Projects,
                (n, ct) => fixture is null ? Task.FromResult(Samples.Project(n)) : fixture.CompleteProjectAsync(ledger, Samples.Project(n), ct), () => Samples.Project(0),
                n => new ProjectChanges { Name = $"Touched project {n}" }, []),
            EntityKind.BillPayment => BillPaymentKit(ledger),
            _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Unknown entity."),
        };
    }

    private static RecordKit InvoiceKit(ILedger ledger)
    {
        var contact = new AsyncOnce(async ct => (await ledger.Contacts.CreateAsync(Samples.Contact(0), ct)).Id);
        return new RecordKit<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>(
            EntityKind.Invoice,
            ledger.Invoices,
            async (n, ct) => Samples.Invoice(await contact.GetAsync(ct), 100m + n),
            () => Samples.Invoice(ConformanceIds.Missing),
            n => new InvoiceChanges { Notes = $"Touched {n}" },
            [(EntityKind.Contact, StoreOperations.Create)]);
    }

    private static RecordKit EstimateKit(ILedger ledger)
    {
        var contact = new AsyncOnce(async ct => (await ledger.Contacts.CreateAsync(Samples.Contact(0), ct)).Id);
        return new RecordKit<Estimate, NewEstimate, EstimateChanges, EstimateQuery>(
            EntityKind.Estimate,
            ledger.Estimates,
            async (n, ct) => Samples.Estimate(await contact.GetAsync(ct), 100m + n),
            () => Samples.Estimate(ConformanceIds.Missing),
            n => new EstimateChanges { Notes = $"Touched {n}" },
            [(EntityKind.Contact, StoreOperations.Create)]);
    }

    private static RecordKit CreditNoteKit(ILedger ledger)
    {
        var contact = new AsyncOnce(async ct => (await ledger.Contacts.CreateAsync(Samples.Contact(0), ct)).Id);
        return new RecordKit<CreditNote, NewCreditNote, CreditNoteChanges, CreditNoteQuery>(
            EntityKind.CreditNote,
            ledger.CreditNotes,
            async (n, ct) => Samples.CreditNote(await contact.GetAsync(ct), 10m + n),
            () => Samples.CreditNote(ConformanceIds.Missing),
            n => new CreditNoteChanges { Notes = $"Touched {n}" },
            [(EntityKind.Contact, StoreOperations.Create)]);
    }

    private static RecordKit BillKit(ILedger ledger)
    {
        var vendor = new AsyncOnce(async ct => (await ledger.Vendors.CreateAsync(Samples.Vendor(0), ct)).Id);
        return new RecordKit<Bill, NewBill, BillChanges, BillQuery>(
            EntityKind.Bill,
            ledger.Bills,
            async (n, ct) => Samples.Bill(await vendor.GetAsync(ct), 100m + n),
            () => Samples.Bill(ConformanceIds.Missing),
            n => new BillChanges { Number = $"Touched {n}" },
            [(EntityKind.Vendor, StoreOperations.Create)]);
    }

    private static RecordKit BillPaymentKit(ILedger ledger)
    {
        var bill = new AsyncOnce(async ct =>
        {
            var vendor = await ledger.Vendors.CreateAsync(Samples.Vendor(0), ct);
            return (await ledger.Bills.CreateAsync(Samples.Bill(vendor.Id, 100_000m), ct)).Id;
        });
        return new RecordKit<BillPayment, NewBillPayment, BillPaymentChanges, BillPaymentQuery>(
            EntityKind.BillPayment,
            ledger.BillPayments,
            async (n, ct) => Samples.BillPayment(await bill.GetAsync(ct), 1m),
            () => Samples.BillPayment(ConformanceIds.Missing, 1m),
            n => new BillPaymentChanges { Note = $"Touched {n}" },
            [(EntityKind.Vendor, StoreOperations.Create), (EntityKind.Bill, StoreOperations.Create)]);
    }

    private static RecordKit PaymentKit(ILedger ledger)
    {
        var invoice = new AsyncOnce(async ct =>
        {
            var contact = await ledger.Contacts.CreateAsync(Samples.Contact(0), ct);
            return (await ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 1000m), ct)).Id;
        });
        return new RecordKit<Payment, NewPayment, PaymentChanges, PaymentQuery>(
            EntityKind.Payment,
            ledger.Payments,
            async (n, ct) => Samples.Payment(await invoice.GetAsync(ct), 1m),
            () => Samples.Payment(ConformanceIds.Missing, 1m),
            n => new PaymentChanges { Note = $"Touched {n}" },
            [(EntityKind.Contact, StoreOperations.Create), (EntityKind.Invoice, StoreOperations.Create)]);
    }

    /// <summary>Creates a shared prerequisite once, even when samples are created in parallel.</summary>
    private sealed class AsyncOnce(Func<CancellationToken, Task<string>> create)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private string? _value;

        public async Task<string> GetAsync(CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                return _value ??= await create(cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}

internal sealed class RecordKit<TRecord, TDraft, TChanges, TQuery>(
    EntityKind entity,
    ILedgerStore<TRecord, TDraft, TChanges, TQuery> store,
    Func<int, CancellationToken, Task<TDraft>> draft,
    Func<TDraft> draftWithoutSetup,
    Func<int, TChanges> touch,
    IReadOnlyList<(EntityKind Entity, StoreOperations Operations)> setupNeeds) : RecordKit
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery, new()
{
    public override EntityKind Entity => entity;

    public override IReadOnlyList<(EntityKind Entity, StoreOperations Operations)> SetupNeeds => setupNeeds;

    public static TQuery Query(ListShape shape)
    {
        RecordQuery query = new TQuery();
        return (TQuery)(query with { States = shape.States, UpdatedSince = shape.UpdatedSince, PageSize = shape.PageSize });
    }

    private readonly SemaphoreSlim _presetGate = new(1, 1);
    private HashSet<string>? _preset;

    public override async Task<LedgerRecord> CreateAsync(int n, CancellationToken cancellationToken)
    {
        await PresetAsync(cancellationToken);
        return await store.CreateAsync(await draft(n, cancellationToken), cancellationToken);
    }

    public override async Task<LedgerRecord> CreateWithoutSetupAsync(CancellationToken cancellationToken) =>
        await store.CreateAsync(draftWithoutSetup(), cancellationToken);

    public override async Task<LedgerRecord> CreateWithoutSetupAsync(CreateOptions options, CancellationToken cancellationToken) =>
        await store.CreateAsync(draftWithoutSetup(), options, cancellationToken);

    public override async Task<object> DraftAsync(int n, CancellationToken cancellationToken)
    {
        await PresetAsync(cancellationToken);
        return await draft(n, cancellationToken);
    }

    public override async Task<LedgerRecord> CreateAsync(object draft, CreateOptions? options, CancellationToken cancellationToken) =>
        await store.CreateAsync((TDraft)draft, options, cancellationToken);

    public override async Task<LedgerRecord> TouchAsync(string id, int n, CancellationToken cancellationToken) =>
        await store.UpdateAsync(id, touch(n), cancellationToken);

    public override async Task<LedgerRecord> GetAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken);

    public override async Task<LedgerRecord> ArchiveAsync(string id, CancellationToken cancellationToken) =>
        await store.ArchiveAsync(id, cancellationToken);

    public override async Task<LedgerRecord> RestoreAsync(string id, CancellationToken cancellationToken) =>
        await store.RestoreAsync(id, cancellationToken);

    public override Task DeleteAsync(string id, CancellationToken cancellationToken) => store.DeleteAsync(id, cancellationToken);

    public override async Task<Page<LedgerRecord>> ListPageAsync(ListShape shape, string? cursor, CancellationToken cancellationToken)
    {
        // Listed first, so a refused listing sends nothing else; the preset records (if any) are left out afterwards.
        var page = await store.ListPageAsync(Query(shape), cursor, cancellationToken);
        var preset = await PresetAsync(cancellationToken);
        return preset.Count == 0
            ? new Page<LedgerRecord>(page.Items, page.NextCursor, page.TotalCount)
            : new Page<LedgerRecord>([.. page.Items.Where(r => !preset.Contains(r.Id))], page.NextCursor);
    }

    public override IAsyncEnumerable<LedgerRecord> ListAsync(ListShape shape, CancellationToken cancellationToken) =>
        Upcast(store.ListAsync(Query(shape), cancellationToken), cancellationToken);

    private async IAsyncEnumerable<LedgerRecord> Upcast(
        IAsyncEnumerable<TRecord> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        HashSet<string>? preset = null;
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            preset ??= await PresetAsync(cancellationToken);
            if (!preset.Contains(item.Id))
            {
                yield return item;
            }
        }
    }

    /// <summary>The records the store held before this kit first created or listed (none unless it came with records).</summary>
    private async Task<HashSet<string>> PresetAsync(CancellationToken cancellationToken)
    {
        if (PresetStates is not { } states)
        {
            return [];
        }

        await _presetGate.WaitAsync(cancellationToken);
        try
        {
            if (_preset is null)
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                await foreach (var record in store.ListAsync(Query(new ListShape { States = states }), cancellationToken))
                {
                    ids.Add(record.Id);
                }

                _preset = ids;
            }

            return _preset;
        }
        finally
        {
            _presetGate.Release();
        }
    }
}
