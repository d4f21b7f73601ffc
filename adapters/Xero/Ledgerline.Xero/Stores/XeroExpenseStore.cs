using Ledgerline.Xero.Api;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Expenses over Xero's spent money: bank transactions of <c>Type</c> <c>SPEND</c> (<c>/BankTransactions</c>), paid
/// from the bank account <see cref="XeroOptions.ExpenseBankAccountCode"/> and therefore in its currency. A new expense is
/// one line: the amount (before tax) on the category's account (<see cref="Expense.CategoryId"/> is an account code,
/// default <see cref="XeroOptions.ExpenseAccountCode"/>), its one tax at the tax rate it names with the amount paid
/// (<c>Exclusive</c>), or <c>NoTax</c>; the vendor is the contact paid (by name: Xero uses the active contact of that
/// name or creates one); the notes are the <c>Reference</c>. Deleted with <c>Status</c> <c>DELETED</c> (kept readable).
/// </summary>
/// <remarks>
/// Refused before any write: a contact to rebill (Xero records none on spent money), more than one tax, a tax without a
/// tax rate id or disagreeing with its rate, an amount in another currency than the bank account's, notes over 255
/// characters (Xero's <c>Reference</c>), clearing the vendor, and a change of amount or category on spent money of
/// several lines (made in Xero). Xero cannot archive or bring back spent money. Filters: <c>Date</c> (<c>where</c>),
/// <c>CategoryId</c> (exact, after the covering list), <c>UpdatedSince</c> (<c>If-Modified-Since</c>, then exact).
/// </remarks>
internal sealed class XeroExpenseStore(XeroLedgerContext context)
    : XeroStore<Expense, ExpenseQuery, BankTransactionWire, BankTransactionsResult>(context), IExpenseStore
{
    private const int MaxReference = 255;
    private const string DefaultDescription = "Expense";
    private const string TaxField = nameof(NewExpense.Taxes) + "[0]";

    protected override EntityKind Entity => EntityKind.Expense;

    protected override string ListKey => BankTransactionsResult.ListKey;

    public Task<Expense> CreateAsync(NewExpense draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<Expense> CreateAsync(NewExpense draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Refuse(draft.ContactId, draft.Notes, draft.Vendor);
        if (draft.Taxes.Count > 1)
        {
            throw XeroRefusal.Field(nameof(NewExpense.Taxes), "Xero records spent money at one tax rate.");
        }

        var account = draft.CategoryId ?? Context.Options.ExpenseAccountCode
            ?? throw XeroRefusal.Field(nameof(NewExpense.CategoryId),
                $"Xero records spent money against an account: give a CategoryId (an account code) or set {nameof(XeroOptions)}.{nameof(XeroOptions.ExpenseAccountCode)}.");
        if (draft.Taxes is [var unnamed] && string.IsNullOrWhiteSpace(unnamed.TaxRateId))
        {
            throw XeroRefusal.Field(TaxField + "." + nameof(ExpenseTax.TaxRateId),
                $"Xero records tax on spent money at one of the organisation's tax rates: give '{unnamed.Name}' the TaxRateId (Xero's TaxType).");
        }

        var bank = BankAccountCode();
        await RequireBankCurrencyAsync(bank, draft.Amount, cancellationToken);
        var tax = draft.Taxes.Count == 1 ? await RequireTaxAsync(draft.Taxes[0], cancellationToken) : null;
        var body = new BankTransactionWrite
        {
            Type = "SPEND",
            Contact = draft.Vendor is { } vendor ? new ContactNameWrite(vendor) : null,
            BankAccount = new BankAccountCodeWrite(bank),
            Date = XeroValues.Format(draft.Date),
            Reference = draft.Notes,
            LineAmountTypes = tax is null ? "NoTax" : "Exclusive",
            LineItems =
            [
                new SpendLineWrite
                {
                    Description = XeroValues.Text(draft.Notes) ?? XeroValues.Text(draft.Vendor) ?? DefaultDescription,
                    Quantity = 1m,
                    UnitAmount = draft.Amount.Amount,
                    AccountCode = account,
                    TaxType = tax?.TaxRateId,
                    TaxAmount = tax?.Amount.Amount,
                },
            ],
        };
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call,
            t => Context.BankTransactions.CreateBankTransactionAsync(new BankTransactionsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, string.Empty, cancellationToken);
    }

    /// <summary>
    /// Changes spent money. It is read first: deleted spent money is <see cref="RecordDeletedException"/>; a new amount or
    /// category rewrites its one line (same description, tax rate and tax paid, <c>Exclusive</c>, so the amount stays the
    /// amount before tax).
    /// </summary>
    public async Task<Expense> UpdateAsync(string id, ExpenseChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Refuse(changes.ContactId, changes.Notes, changes.Vendor);
        if (changes.Vendor is { Length: 0 })
        {
            throw XeroRefusal.Field(nameof(ExpenseChanges.Vendor), "Xero cannot take the contact off spent money; name another vendor.");
        }

        var current = await CurrentAsync(id, cancellationToken);
        IReadOnlyList<SpendLineWrite>? lines = null;
        string? lineAmountTypes = null;
        if (changes.Amount is not null || changes.CategoryId is not null)
        {
            if (changes.Amount is { } amount && amount.Currency.Value != current.CurrencyCode)
            {
                throw XeroRefusal.Field(nameof(ExpenseChanges.Amount),
                    $"Expense {id} is in its bank account's currency, {current.CurrencyCode}; Xero cannot move it to {amount.Currency}.");
            }

            if (current.LineItems is not [var line])
            {
                throw XeroRefusal.Field(changes.Amount is null ? nameof(ExpenseChanges.CategoryId) : nameof(ExpenseChanges.Amount),
                    $"Expense {id} has {current.LineItems?.Count ?? 0} lines in Xero; Ledgerline changes the amount or category of spent money of one line only.");
            }

            var noTax = current.LineAmountTypes == "NoTax";
            var tax = noTax ? null : line.TaxAmount;
            var before = (line.LineAmount ?? 0m) - (current.LineAmountTypes == "Inclusive" ? tax ?? 0m : 0m);
            lineAmountTypes = noTax ? "NoTax" : "Exclusive";
            lines =
            [
                new SpendLineWrite
                {
                    LineItemID = line.LineItemID,
                    Description = XeroValues.Text(line.Description) ?? DefaultDescription,
                    Quantity = 1m,
                    UnitAmount = changes.Amount?.Amount ?? before,
                    AccountCode = changes.CategoryId ?? XeroValues.Required(line.AccountCode, "LineItems.AccountCode"),
                    TaxType = line.TaxType,
                    TaxAmount = tax,
                },
            ];
        }

        var body = new BankTransactionWrite
        {
            BankTransactionID = id,
            Contact = changes.Vendor is { } vendor ? new ContactNameWrite(vendor) : null,
            Date = changes.Date is { } date ? XeroValues.Format(date) : null,
            Reference = changes.Notes,
            LineAmountTypes = lineAmountTypes,
            LineItems = lines,
        };
        return await PostAsync("update", id, body, cancellationToken);
    }

    /// <summary>Deletes spent money (<c>Status</c> <c>DELETED</c>); it stays readable as deleted.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        RequireGuid(id);
        await PostAsync("delete", id, new BankTransactionWrite { BankTransactionID = id, Status = "DELETED" }, cancellationToken);
    }

    /// <summary>Xero has no archive for spent money; refused before any request.</summary>
    public Task<Expense> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Expense, nameof(StoreOperations.Archive));

    /// <summary>Xero cannot bring back deleted spent money; refused before any request.</summary>
    public Task<Expense> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Expense, nameof(StoreOperations.Restore));

    protected override Task<IApiResponse<BankTransactionsResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.BankTransactions.GetBankTransactionAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<BankTransactionsResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.BankTransactions.ListBankTransactionsAsync(query, ifModifiedSince, tenantId, Context.ConnectionId, cancellationToken);

    protected override bool Belongs(BankTransactionWire wire) => wire.Type == "SPEND";

    protected override void ServerFilters(ExpenseQuery query, XeroListQuery list) => list.Where = And(Clauses(query));

    protected override bool ServerFiltersExact(ExpenseQuery query) => query.UpdatedSince is null && query.CategoryId is null;

    protected override async ValueTask<Func<BankTransactionWire, Expense>> MapperAsync(CancellationToken cancellationToken)
    {
        var taxRates = await Context.TaxRatesAsync(cancellationToken);
        return wire => Context.Mapping.Map<XeroExpense, Expense>(XeroExpense.Of(wire, taxRates));
    }

    private static IEnumerable<string> Clauses(ExpenseQuery query)
    {
        yield return "Type==\"SPEND\"";
        if (query.States == RecordStates.Active)
        {
            yield return "Status==\"AUTHORISED\"";
        }
        else if (query.States == RecordStates.Deleted)
        {
            yield return "(Status==\"DELETED\" OR Status==\"VOIDED\")";
        }

        foreach (var clause in DateRange("Date", query.Date))
        {
            yield return clause;
        }
    }

    private static void Refuse(string? contactId, string? notes, string? vendor)
    {
        if (contactId is { Length: > 0 })
        {
            throw XeroRefusal.Field(nameof(NewExpense.ContactId),
                "Xero records whom spent money was paid to (the Vendor), not a customer to rebill it to.");
        }

        if (notes is { Length: > MaxReference })
        {
            throw XeroRefusal.Field(nameof(NewExpense.Notes), $"Xero keeps at most {MaxReference} characters of notes (the Reference) on spent money.");
        }

        if (vendor is { Length: > MaxReference })
        {
            throw XeroRefusal.Field(nameof(NewExpense.Vendor), $"Xero keeps contact names of at most {MaxReference} characters.");
        }
    }

    private string BankAccountCode() =>
        Context.Options.ExpenseBankAccountCode
        ?? throw new LedgerlineException(
            $"Xero records spent money through a bank account: set {nameof(XeroOptions)}.{nameof(XeroOptions.ExpenseBankAccountCode)} (e.g. a bank account's code).")
        {
            Provider = XeroRequest.ProviderName,
        };

    private async Task RequireBankCurrencyAsync(string bank, Money amount, CancellationToken cancellationToken)
    {
        var currency = await Context.BankAccountCurrencyAsync(bank, cancellationToken);
        if (amount.Currency != currency)
        {
            throw XeroRefusal.Field(nameof(NewExpense.Amount),
                $"Xero records spent money in its bank account's currency: account {bank} is in {currency}, the amount in {amount.Currency}.");
        }
    }

    /// <summary>The expense's tax must name one of the organisation's tax rates, and agree with it on name and percent.</summary>
    private async Task<ExpenseTax> RequireTaxAsync(ExpenseTax tax, CancellationToken cancellationToken)
    {
        const string Field = TaxField;
        if (string.IsNullOrWhiteSpace(tax.TaxRateId))
        {
            throw XeroRefusal.Field(Field + "." + nameof(ExpenseTax.TaxRateId),
                $"Xero records tax on spent money at one of the organisation's tax rates: give '{tax.Name}' the TaxRateId (Xero's TaxType).");
        }

        var rates = await Context.TaxRatesAsync(cancellationToken);
        if (!rates.TryGetValue(tax.TaxRateId, out var rate))
        {
            throw new RecordNotFoundException(EntityKind.TaxRate, tax.TaxRateId) { Provider = XeroRequest.ProviderName };
        }

        if (!string.Equals(rate.Name, tax.Name, StringComparison.Ordinal))
        {
            throw XeroRefusal.Field(Field + "." + nameof(ExpenseTax.Name), $"Xero names this tax after its tax rate: '{rate.Name}'.");
        }

        if (tax.Percent is { } percent && percent != rate.EffectiveRate)
        {
            throw XeroRefusal.Field(Field + "." + nameof(ExpenseTax.Percent), $"Tax rate {tax.TaxRateId} ({rate.Name}) is {rate.EffectiveRate} %, not {percent} %.");
        }

        return tax;
    }

    private async Task<BankTransactionWire> CurrentAsync(string id, CancellationToken cancellationToken)
    {
        RequireGuid(id);
        var call = Call("get", id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.BankTransactions.GetBankTransactionAsync(id, tenant, Context.ConnectionId, t), cancellationToken);
        var current = await ReadOneAsync(answer, id, cancellationToken);
        if (current.State == RecordState.Deleted)
        {
            throw new RecordDeletedException(EntityKind.Expense, id) { Provider = XeroRequest.ProviderName };
        }

        return XeroEnvelope.Records<BankTransactionWire, BankTransactionsResult>(answer, ListKey)[0];
    }

    /// <summary>
    /// Posts a change of spent money. Xero refuses any change to deleted spent money with a validation message, so a
    /// refusal is followed by a read: a deleted one is <see cref="RecordDeletedException"/>, as on every provider.
    /// </summary>
    private async Task<Expense> PostAsync(string operation, string id, BankTransactionWrite body, CancellationToken cancellationToken)
    {
        var call = Call(operation, id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            var answer = await Context.Http.SendAsync(call,
                t => Context.BankTransactions.UpdateBankTransactionAsync(id, new BankTransactionsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
            return await ReadOneAsync(answer, id, cancellationToken);
        }
        catch (LedgerValidationException refused)
        {
            if ((await GetAsync(id, cancellationToken)).State == RecordState.Deleted)
            {
                throw new RecordDeletedException(EntityKind.Expense, id, refused) { Provider = XeroRequest.ProviderName };
            }

            throw;
        }
    }
}
