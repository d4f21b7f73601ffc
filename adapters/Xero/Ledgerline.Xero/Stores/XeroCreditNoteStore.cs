using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Credit notes over Xero's customer credit notes (<c>/CreditNotes</c>, <c>Type</c> <c>ACCRECCREDIT</c>; supplier credit
/// notes are never read here). A new credit note is issued at once (<c>Status</c> <c>AUTHORISED</c>), as the canonical
/// <see cref="NewCreditNote"/> says; it is changed with <c>POST /CreditNotes/{id}</c> and applied to invoices with
/// <c>PUT /CreditNotes/{id}/Allocations</c>. Xero deletes only draft credit notes and cancels issued ones by voiding,
/// which the canonical store has no operation for, so archive, delete and restore are refused before any request.
/// </summary>
/// <remarks>
/// Writes: lines as on invoices (the name, then the description after a line break; one tax by <c>TaxType</c> per line;
/// <see cref="XeroOptions.SalesAccountCode"/> on each line, which Xero needs to issue it); notes are the <c>Reference</c>.
/// Taxed lines are <c>Inclusive</c> when <see cref="NewCreditNote.UnitPricesIncludeTax"/>; a change giving lines without it
/// keeps the credit note's own. Refused before any request: lines without a sales account configured, lines Xero cannot
/// take (<see cref="XeroLineTaxes"/>), a <c>UnitPricesIncludeTax</c> change without the lines, an id that is not a Xero id. Allocating reads the credit note and the invoice first and
/// refuses, with nothing written and the codes every provider uses, what Xero would: another customer's invoice
/// (<c>CreditContactMismatch</c>), another currency (<c>CurrencyMismatch</c>), a void (<c>InvoiceVoid</c>) or deleted
/// invoice, a credit note not open (<c>CreditNoteNotOpen</c>), more than the credit remaining
/// (<c>AllocationExceedsCredit</c>) or than the invoice's amount due (<c>AllocationExceedsAmountDue</c>); a draft invoice
/// is approved first, as for payments (Xero applies credit only to approved invoices). Filters (all in <c>where</c>):
/// <c>ContactId</c>, <c>Statuses</c>, <c>IssueDate</c>; <c>UpdatedSince</c> (<c>If-Modified-Since</c>); then exact.
/// </remarks>
internal sealed class XeroCreditNoteStore(XeroLedgerContext context, XeroInvoiceStore invoices)
    : XeroStore<CreditNote, CreditNoteQuery, CreditNoteWire, CreditNotesResult>(context), ICreditNoteStore
{
    private static readonly string[] LiveStatuses = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED"];

    protected override EntityKind Entity => EntityKind.CreditNote;

    protected override string ListKey => CreditNotesResult.ListKey;

    public Task<CreditNote> CreateAsync(NewCreditNote draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<CreditNote> CreateAsync(NewCreditNote draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var taxed = XeroLineTaxes.Check(draft.Lines);
        var lines = Lines(draft.Lines);
        if (!Guid.TryParseExact(draft.ContactId, "D", out _))
        {
            throw new RecordNotFoundException(EntityKind.Contact, draft.ContactId) { Provider = XeroRequest.ProviderName };
        }

        await XeroLineTaxes.RequireRatesAsync(Context, [.. draft.Lines.Select(l => l.Taxes)], cancellationToken);

        var body = new CreditNoteWrite
        {
            Type = "ACCRECCREDIT",
            Contact = new ContactRefWrite(draft.ContactId),
            Date = XeroValues.Format(draft.IssueDate),
            CreditNoteNumber = draft.Number,
            Reference = draft.Notes,
            CurrencyCode = draft.Currency.Value,
            LineAmountTypes = XeroLineTaxes.LineAmountTypes(taxed, draft.UnitPricesIncludeTax),
            LineItems = lines,
            Status = "AUTHORISED",
        };
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            var answer = await Context.Http.SendAsync(call,
                t => Context.Accounting.CreateCreditNoteAsync(new CreditNotesBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
            return await ReadOneAsync(answer, string.Empty, cancellationToken);
        }
        catch (LedgerValidationException refused)
        {
            // Xero refuses an unknown contact with a validation message; a read tells a missing contact apart, as on every provider.
            await RequireContactAsync(draft.ContactId, refused, cancellationToken);
            throw;
        }
    }

    public async Task<CreditNote> UpdateAsync(string id, CreditNoteChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.UnitPricesIncludeTax is not null && changes.Lines is null)
        {
            throw XeroRefusal.Field(nameof(CreditNoteChanges.UnitPricesIncludeTax),
                "Xero would re-price the current lines: give the lines with UnitPricesIncludeTax.");
        }

        RequireGuid(id);
        var taxed = changes.Lines is { } checkedLines && XeroLineTaxes.Check(checkedLines);
        var lines = changes.Lines is { } newLines ? Lines(newLines) : null;
        var inclusive = changes.UnitPricesIncludeTax ?? false;
        if (changes.Lines is { Count: > 0 } given)
        {
            await XeroLineTaxes.RequireRatesAsync(Context, [.. given.Select(l => l.Taxes)], cancellationToken);

            // Lines are in the credit note's own currency, and a line naming an id must name one of its lines: Xero would add it.
            // Taxed lines given without saying keep the credit note's own LineAmountTypes: Xero would otherwise re-price them.
            var current = await GetAsync(id, cancellationToken);
            Ledgerline.Validation.LineCurrency.Require(given, l => l.UnitPrice, current.Currency, "credit note", XeroRequest.ProviderName);
            RequireCurrentLines(current, given);
            inclusive = changes.UnitPricesIncludeTax ?? (taxed && current.UnitPricesIncludeTax);
        }

        var body = new CreditNoteWrite
        {
            CreditNoteID = id,
            Date = changes.IssueDate is { } issued ? XeroValues.Format(issued) : null,
            CreditNoteNumber = changes.Number,
            Reference = changes.Notes,
            LineAmountTypes = lines is null ? null : XeroLineTaxes.LineAmountTypes(taxed, inclusive),
            LineItems = lines,
        };
        var call = Call("update", id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            var answer = await Context.Http.SendAsync(call,
                t => Context.Accounting.UpdateCreditNoteAsync(id, new CreditNotesBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
            return await ReadOneAsync(answer, id, cancellationToken);
        }
        catch (LedgerValidationException refused)
        {
            // Xero refuses any change to a deleted credit note with the same message as to a voided or used one.
            if ((await GetAsync(id, cancellationToken)).State == RecordState.Deleted)
            {
                throw new RecordDeletedException(EntityKind.CreditNote, id, refused) { Provider = XeroRequest.ProviderName };
            }

            throw;
        }
    }

    /// <summary>
    /// Applies part of the credit note to an invoice of the same customer (<c>PUT /CreditNotes/{id}/Allocations</c>) after
    /// reading both, so that what Xero would refuse is refused with the canonical codes and nothing written.
    /// </summary>
    public async Task<CreditNote> AllocateAsync(string id, NewCreditAllocation allocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var note = await GetAsync(id, cancellationToken);
        var invoice = await invoices.GetAsync(allocation.InvoiceId, cancellationToken);
        Refuse(note, invoice, allocation);
        var call = Call("allocate", id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        if (invoice.ProviderStatus is "DRAFT" or "SUBMITTED")
        {
            await invoices.ApproveAsync(invoice.Id, cancellationToken);
            call = call with { DoneBefore = XeroPaymentStore.ApprovedFirst(invoice.Id, invoice.ProviderStatus, "credit allocation") };
        }

        var body = new AllocationsBody([new AllocationWrite(new InvoiceRefWrite(invoice.Id), allocation.Amount.Amount, XeroValues.Format(allocation.Date))]);
        var answer = await Context.Http.SendAsync(call,
            t => Context.Accounting.AllocateCreditNoteAsync(id, body, tenant, Context.ConnectionId, t), cancellationToken);
        if (XeroEnvelope.Records<AllocationWire, AllocationsResult>(answer, AllocationsResult.ListKey).Count != 1)
        {
            throw XeroErrorTable.Invalid(call, answer.Status, answer.Body, "Xero answered an allocation without the one allocation made");
        }

        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Xero has no archive for credit notes; refused before any request.</summary>
    public Task<CreditNote> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.CreditNote, nameof(StoreOperations.Archive));

    /// <summary>Xero cannot bring back a deleted or voided credit note; refused before any request.</summary>
    public Task<CreditNote> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.CreditNote, nameof(StoreOperations.Restore));

    /// <summary>
    /// Xero deletes only draft credit notes, and every credit note Ledgerline creates is issued (cancelling one is voiding
    /// it, an operation the canonical store does not have); refused before any request.
    /// </summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.CreditNote, nameof(StoreOperations.Delete));

    protected override Task<IApiResponse<CreditNotesResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.GetCreditNoteAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<CreditNotesResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.ListCreditNotesAsync(query, ifModifiedSince, tenantId, Context.ConnectionId, cancellationToken);

    protected override bool Belongs(CreditNoteWire wire) => wire.Type == "ACCRECCREDIT";

    protected override void ServerFilters(CreditNoteQuery query, XeroListQuery list) => list.Where = And(Clauses(query));

    protected override bool ServerFiltersExact(CreditNoteQuery query) => query.UpdatedSince is null && query.Statuses is null;

    protected override async ValueTask<Func<CreditNoteWire, CreditNote>> MapperAsync(CancellationToken cancellationToken)
    {
        var taxRates = await Context.TaxRatesAsync(cancellationToken);
        return wire => Context.Mapping.Map<XeroCreditNote, CreditNote>(XeroCreditNote.Of(wire, taxRates));
    }

    private static IEnumerable<string> Clauses(CreditNoteQuery query)
    {
        yield return "Type==\"ACCRECCREDIT\"";
        if (query.ContactId is { } contact)
        {
            // Not a Xero id, so no credit note can match: narrow to an id no document has rather than list everything.
            yield return Guid.TryParseExact(contact, "D", out var guid)
                ? $"Contact.ContactID==Guid(\"{guid:D}\")"
                : "CreditNoteID==Guid(\"00000000-0000-0000-0000-000000000000\")";
        }

        if (Statuses(query) is { } statuses)
        {
            yield return "(" + string.Join(" OR ", statuses.Select(s => $"Status=={Literal(s)}")) + ")";
        }

        foreach (var clause in DateRange("Date", query.IssueDate))
        {
            yield return clause;
        }
    }

    /// <summary>Xero statuses covering the query's states and statuses; null for every status.</summary>
    private static List<string>? Statuses(CreditNoteQuery query)
    {
        var byState = new List<string>();
        if (query.States.Includes(RecordState.Active))
        {
            byState.AddRange(LiveStatuses);
        }

        if (query.States.Includes(RecordState.Deleted))
        {
            byState.Add("DELETED");
        }

        if (query.Statuses is { } wanted && !wanted.Contains(CreditNoteStatus.Unknown))
        {
            var covering = wanted.SelectMany(status => status switch
            {
                CreditNoteStatus.Draft => (string[])["DRAFT", "SUBMITTED", "DELETED"],
                CreditNoteStatus.Open => ["AUTHORISED"],
                CreditNoteStatus.Applied => ["PAID"],
                CreditNoteStatus.Void => ["VOIDED"],
                _ => [],
            }).ToHashSet(StringComparer.Ordinal);
            byState.RemoveAll(s => !covering.Contains(s));
            if (byState.Count == 0)
            {
                return ["DELETED"];
            }
        }

        return byState.Count == LiveStatuses.Length + 1 ? null : byState;
    }

    /// <summary>What every provider refuses when credit is applied, checked against the two records just read.</summary>
    private static void Refuse(CreditNote note, Invoice invoice, NewCreditAllocation allocation)
    {
        if (invoice.State == RecordState.Deleted)
        {
            throw new RecordDeletedException(EntityKind.Invoice, invoice.Id) { Provider = XeroRequest.ProviderName };
        }

        var field = nameof(NewCreditAllocation.Amount);
        if (invoice.ContactId != note.ContactId)
        {
            throw Invalid(nameof(NewCreditAllocation.InvoiceId), $"Invoice {invoice.Id} is another customer's; credit applies to its own customer's invoices.", "CreditContactMismatch");
        }

        if (allocation.Amount.Currency != note.Currency || invoice.Currency != note.Currency)
        {
            throw Invalid(field, $"The credit note is in {note.Currency}, the allocation in {allocation.Amount.Currency} and the invoice in {invoice.Currency}; Xero allocates only within one currency.", "CurrencyMismatch");
        }

        if (invoice.Status == InvoiceStatus.Void)
        {
            throw Invalid(nameof(NewCreditAllocation.InvoiceId), $"Invoice {invoice.Id} is void; it can no longer be settled.", "InvoiceVoid");
        }

        if (note.Status is not CreditNoteStatus.Open)
        {
            throw Invalid(nameof(CreditNote.Status), $"Credit note {note.Id} is {note.Status}; only an open credit note can be applied.", "CreditNoteNotOpen");
        }

        if (allocation.Amount > note.RemainingCredit)
        {
            throw Invalid(field, $"{allocation.Amount} is more than the {note.RemainingCredit} of credit remaining on credit note {note.Id}.", "AllocationExceedsCredit");
        }

        if (allocation.Amount > invoice.AmountDue)
        {
            throw Invalid(field, $"{allocation.Amount} is more than the {invoice.AmountDue} due on invoice {invoice.Id}.", "AllocationExceedsAmountDue");
        }
    }

    private static LedgerValidationException Invalid(string field, string message, string code) =>
        new([new FieldError(field, message, code)]) { Provider = XeroRequest.ProviderName };

    private List<LineItemWrite> Lines(IReadOnlyList<NewInvoiceLine> lines)
    {
        var account = Context.Options.SalesAccountCode
            ?? throw XeroRefusal.Field(nameof(NewCreditNote.Lines),
                $"Xero issues a credit note only with an account on every line: set {nameof(XeroOptions)}.{nameof(XeroOptions.SalesAccountCode)}.");
        return [.. lines.Select(line => new LineItemWrite
        {
            LineItemID = line.Id,
            Description = XeroInvoice.JoinDescription(line.Name, line.Description),
            Quantity = line.Quantity,
            UnitAmount = line.UnitPrice.Amount,
            AccountCode = account,
            TaxType = XeroLineTaxes.TaxType(line.Taxes),
        })];
    }

    /// <summary>A line naming an id must name one of the credit note's lines; Xero would take an unknown id as a new line.</summary>
    private static void RequireCurrentLines(CreditNote note, IReadOnlyList<NewInvoiceLine> lines)
    {
        var current = note.Lines.Select(l => l.Id).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Id is { } lineId && !current.Contains(lineId))
            {
                throw Invalid($"{nameof(CreditNoteChanges.Lines)}[{i}].{nameof(NewInvoiceLine.Id)}", $"Credit note {note.Id} has no line '{lineId}'.", "UnknownLine");
            }
        }
    }

    private async Task RequireContactAsync(string contactId, LedgerValidationException refused, CancellationToken cancellationToken)
    {
        var call = new XeroCall(EntityKind.Contact, "get", Context.ConnectionId, contactId);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            await Context.Http.SendAsync(call, t => Context.Accounting.GetContactAsync(contactId, tenant, Context.ConnectionId, t), cancellationToken);
        }
        catch (RecordNotFoundException)
        {
            throw new RecordNotFoundException(EntityKind.Contact, contactId, refused) { Provider = XeroRequest.ProviderName };
        }
    }
}
