using System.Globalization;
using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Credit notes (<see cref="AccountingEntities.CreditNotes"/>), always read with their lines. FreshBooks has no
/// apply-credit endpoint: allocating records a payment of type Credit naming the credit note (<c>creditid</c>) on the
/// invoice, which raises the credit note's <c>paid</c> and pays the invoice like any payment (so the invoice's
/// <see cref="Invoice.AmountPaid"/> moves, not <see cref="Invoice.AmountCredited"/>). A credit note with credit applied
/// is completed with its <see cref="CreditNote.Allocations"/>, read from the live payments that spent it
/// (<c>search[creditid]</c>): one more request per such credit note, none for one whose whole credit remains.
/// </summary>
internal sealed class FreshBooksCreditNoteStore(FreshBooksLedgerContext context) : ICreditNoteStore
{
    private static readonly RecordPath PaymentPath = AccountingEntities.Payments.Path;

    private readonly CreditNoteRecords _records = new(context);

    public async Task<CreditNote> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await WithAllocationsAsync(await _records.GetAsync(id, cancellationToken), cancellationToken);

    public async IAsyncEnumerable<CreditNote> ListAsync(CreditNoteQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var note in _records.ListAsync(query, cancellationToken))
        {
            yield return await WithAllocationsAsync(note, cancellationToken);
        }
    }

    public async Task<Page<CreditNote>> ListPageAsync(CreditNoteQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var page = await _records.ListPageAsync(query, cursor, cancellationToken);
        var items = new CreditNote[page.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = await WithAllocationsAsync(page.Items[i], cancellationToken);
        }

        return page with { Items = items };
    }

    public Task<CreditNote> CreateAsync(NewCreditNote draft, CancellationToken cancellationToken = default) =>
        _records.CreateAsync(draft, cancellationToken);

    public async Task<CreditNote> UpdateAsync(string id, CreditNoteChanges changes, CancellationToken cancellationToken = default) =>
        await WithAllocationsAsync(await _records.UpdateAsync(id, changes, cancellationToken), cancellationToken);

    public async Task<CreditNote> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        await WithAllocationsAsync(await _records.ArchiveAsync(id, cancellationToken), cancellationToken);

    public async Task<CreditNote> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        await WithAllocationsAsync(await _records.RestoreAsync(id, cancellationToken), cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => _records.DeleteAsync(id, cancellationToken);

    public async Task<CreditNote> AllocateAsync(string id, NewCreditAllocation allocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (allocation.Amount.Amount <= 0m)
        {
            throw Invalid(nameof(NewCreditAllocation.Amount), $"The amount applied must be positive, not {allocation.Amount}.", "AmountNotPositive");
        }

        var creditId = FreshBooksListing.Number(EntityKind.CreditNote, id);
        var invoiceId = FreshBooksValues.ParseId(allocation.InvoiceId)
            ?? throw new RecordNotFoundException(EntityKind.Invoice, allocation.InvoiceId) { Provider = FreshBooksRequest.ProviderName };
        var call = new FreshBooksCall(EntityKind.CreditNote, "allocate", context.ConnectionId, id);
        var account = await context.Connection.AccountIdAsync(call, AccountingEntities.Payments.WriteScope, cancellationToken);
        var body = new CreditPaymentBody(new CreditPaymentWrite
        {
            InvoiceId = invoiceId,
            Amount = FreshBooksValues.MoneyOut(allocation.Amount),
            Date = FreshBooksValues.Date(allocation.Date),
            CreditId = creditId,
        });
        var answer = await context.Http.SendAsync(call,
            t => context.Accounting.CreateCreditPaymentAsync(account, body, context.ConnectionId, t), cancellationToken);
        _ = FreshBooksEnvelope.Result(answer, PaymentPath).Record
            ?? throw FreshBooksErrorTable.Invalid(call, answer.Response.Status, answer.Response.Body, "FreshBooks answered a credit payment without the payment");
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Adds the allocations of a credit note with credit applied; one whose whole credit remains has none.</summary>
    private async Task<CreditNote> WithAllocationsAsync(CreditNote note, CancellationToken cancellationToken)
    {
        if (note.RemainingCredit == note.Total)
        {
            return note;
        }

        var call = new FreshBooksCall(EntityKind.CreditNote, "allocations", context.ConnectionId, note.Id);
        var account = await context.Connection.AccountIdAsync(call, AccountingEntities.Payments.ReadScope, cancellationToken);
        var creditId = FreshBooksListing.Number(EntityKind.CreditNote, note.Id);
        var allocations = new List<CreditAllocation>();
        await foreach (var (_, allocation) in FreshBooksPaging.ListAsync(
            (window, t) => FetchAllocationsAsync(call, account, note, creditId, window, t), 1,
            new HashSet<string>(StringComparer.Ordinal), p => p.Id, _ => true, cancellationToken))
        {
            allocations.Add(allocation);
        }

        return note with { Allocations = allocations };
    }

    /// <summary>One window of the live payments that spent the credit note, each read as an allocation and keyed by its id.</summary>
    private async Task<FetchedPage<(string Id, CreditAllocation Allocation)>> FetchAllocationsAsync(
        FreshBooksCall call, string account, CreditNote note, long creditId, PageWindow window, CancellationToken cancellationToken)
    {
        var search = new AccountingSearch { CreditId = creditId, VisState = 0, Page = window.Page, PerPage = window.PerPage };
        var answer = await context.Http.SendAsync(call,
            t => context.Accounting.ListCreditPaymentsAsync(account, search, context.ConnectionId, t), cancellationToken);
        var result = FreshBooksEnvelope.Result(answer, PaymentPath);
        var payments = result.Records
            ?? throw FreshBooksErrorTable.Invalid(call, answer.Response.Status, answer.Response.Body, "FreshBooks answered a payment listing without payments");
        var info = PageInfo.From(answer.Response, result.Counters, payments.Count);
        var read = payments
            .Select(p => ((p?.Id ?? p?.LogId)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Allocation(call, answer.Response, note, creditId, p)))
            .ToArray();
        return new FetchedPage<(string Id, CreditAllocation Allocation)>(read, info, answer.Response);
    }

    /// <summary>One payment as an allocation; a payment of another credit note, or without invoice, amount or date, is an invalid answer.</summary>
    private static CreditAllocation Allocation(FreshBooksCall call, FreshBooksResponse response, CreditNote note, long creditId, CreditPaymentWire? payment)
    {
        try
        {
            if (payment is null)
            {
                throw new FormatException("A payment listed for the credit note is null.");
            }

            if (payment.CreditId != creditId)
            {
                throw new FormatException($"Payment {payment.Id ?? payment.LogId} listed for credit note {creditId} names creditid {payment.CreditId}.");
            }

            var invoice = FreshBooksValues.Reference(payment.InvoiceId)
                ?? throw new FormatException($"Credit payment {payment.Id ?? payment.LogId} carries no invoiceid.");
            var date = FreshBooksValues.Date(payment.Date)
                ?? throw new FormatException($"Credit payment {payment.Id ?? payment.LogId} has date {FreshBooksValues.Quote(payment.Date)}, not a YYYY-MM-DD date.");
            var amount = FreshBooksValues.RequiredMoney(payment.Amount, note.Currency.Value, "amount");
            if (amount.Currency != note.Currency)
            {
                throw new FormatException($"Credit payment {payment.Id ?? payment.LogId} is in {amount.Currency}, not the credit note's {note.Currency}.");
            }

            return new CreditAllocation(invoice, amount, date);
        }
        catch (FormatException exception)
        {
            throw FreshBooksErrorTable.Invalid(call, response.Status, response.Body,
                $"FreshBooks answered a credit payment Ledgerline cannot read: {exception.Message}", exception);
        }
    }

    private static LedgerValidationException Invalid(string field, string message, string code) =>
        new([new FieldError(field, message, code)]) { Provider = FreshBooksRequest.ProviderName };

    /// <summary>The credit notes themselves, through the accounting store; allocations are added by the outer store.</summary>
    private sealed class CreditNoteRecords(FreshBooksLedgerContext context)
        : AccountingStore<CreditNote, NewCreditNote, CreditNoteChanges, CreditNoteQuery, CreditNoteWire, CreditNoteBody, CreditNoteResult>(context, AccountingEntities.CreditNotes)
    {
        protected override ValueTask<CreditNoteBody> CreateBodyAsync(NewCreditNote draft, FreshBooksCall call, CancellationToken cancellationToken)
        {
            _ = FreshBooksValues.ParseId(draft.ContactId)
                ?? throw new RecordNotFoundException(EntityKind.Contact, draft.ContactId) { Provider = FreshBooksRequest.ProviderName };
            return ValueTask.FromResult(new CreditNoteBody(Context.Mapping.Map<NewCreditNote, CreditNoteWrite>(draft)));
        }

        protected override async ValueTask<CreditNoteBody> UpdateBodyAsync(string id, CreditNoteChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
        {
            var body = Context.Mapping.Map<CreditNoteChanges, CreditNoteWrite>(changes);
            if (changes.Lines is { } lines && body.Lines is { } written && KeptLines.NameCurrentLines(lines))
            {
                var (current, wire) = await GetWithWireAsync(id, cancellationToken);
                body = body with { Lines = KeptLines.Apply($"credit note {current.Id}", lines, written, wire.Lines) };
            }

            return new CreditNoteBody(body);
        }
    }
}
