using Ledgerline.Xero.Api;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Bills over Xero's accounts-payable invoices (<c>/Invoices</c>, <c>Type</c> <c>ACCPAY</c>; sales invoices are never read
/// here). A new bill is recorded approved (<c>Status</c> <c>AUTHORISED</c>), as the canonical <see cref="NewBill"/> says, so it
/// takes bill payments at once; it is changed with <c>POST /Invoices/{id}</c>. Xero deletes only draft bills and cancels
/// approved ones by voiding, which the canonical bill store has no operation for, so archive, delete and restore are
/// refused before any request.
/// </summary>
/// <remarks>
/// Writes: each line's account is its <see cref="NewBillLine.CategoryId"/> (Xero's <c>AccountCode</c>, an expense
/// account), else <see cref="XeroOptions.PurchaseAccountCode"/>; the number is Xero's <c>InvoiceNumber</c>; taxes as on
/// invoices (<see cref="XeroLineTaxes"/>), <c>Inclusive</c> when <see cref="NewBill.UnitPricesIncludeTax"/>, and a change
/// giving lines without it keeps the bill's own. Refused before any request: notes (Xero keeps none on a bill), a line without an
/// account when no <see cref="XeroOptions.PurchaseAccountCode"/> is set, lines <see cref="XeroLineTaxes"/> refuses, a
/// <c>UnitPricesIncludeTax</c> change without the lines, and an id that is not a Xero id (an unknown vendor
/// is not found). Filters: <c>VendorId</c> (<c>ContactIDs</c>), <c>Statuses</c> (Xero's <c>Statuses</c>, then exact),
/// <c>IssueDate</c> and <c>DueDate</c> (<c>where</c>), <c>UpdatedSince</c> (<c>If-Modified-Since</c>, then exact); states
/// are the <c>DELETED</c> status (a bill deleted while a draft, in Xero's app).
/// </remarks>
internal sealed class XeroBillStore(XeroLedgerContext context)
    : XeroStore<Bill, BillQuery, InvoiceWire, InvoicesResult>(context), IBillStore
{
    private static readonly string[] LiveStatuses = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED"];

    protected override EntityKind Entity => EntityKind.Bill;

    protected override string ListKey => InvoicesResult.ListKey;

    public Task<Bill> CreateAsync(NewBill draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<Bill> CreateAsync(NewBill draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RefuseNotes(draft.Notes);
        XeroRefusal.MaxLength(nameof(NewBill.Number), draft.Number, XeroInvoiceStore.MaxNumberLength, "InvoiceNumber");
        var taxed = XeroLineTaxes.Check(draft.Lines);
        var lines = Lines(draft.Lines);
        if (!Guid.TryParseExact(draft.VendorId, "D", out _))
        {
            throw new RecordNotFoundException(EntityKind.Vendor, draft.VendorId) { Provider = XeroRequest.ProviderName };
        }

        await XeroLineTaxes.RequireRatesAsync(Context, [.. draft.Lines.Select(l => l.Taxes)], cancellationToken);

        var body = new InvoiceWrite
        {
            Type = "ACCPAY",
            Contact = new ContactRefWrite(draft.VendorId),
            Date = XeroValues.Format(draft.IssueDate),
            DueDate = draft.DueDate is { } due ? XeroValues.Format(due) : null,
            InvoiceNumber = draft.Number,
            CurrencyCode = draft.Currency.Value,
            LineAmountTypes = XeroLineTaxes.LineAmountTypes(taxed, draft.UnitPricesIncludeTax),
            LineItems = lines,
            Status = "AUTHORISED",
        };
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            var answer = await Context.Http.SendAsync(call, t => Context.Accounting.CreateInvoiceAsync(new InvoicesBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
            return await ReadOneAsync(answer, string.Empty, cancellationToken);
        }
        catch (LedgerValidationException refused)
        {
            // Xero refuses an unknown contact with a validation message; a read tells a missing vendor apart, as on every provider.
            await RequireVendorAsync(draft.VendorId, refused, cancellationToken);
            throw;
        }
    }

    public async Task<Bill> UpdateAsync(string id, BillChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        RefuseNotes(changes.Notes);
        if (changes.UnitPricesIncludeTax is not null && changes.Lines is null)
        {
            throw XeroRefusal.Field(nameof(BillChanges.UnitPricesIncludeTax),
                "Xero would re-price the current lines: give the lines with UnitPricesIncludeTax.");
        }

        RequireGuid(id);
        XeroRefusal.MaxLength(nameof(BillChanges.Number), changes.Number, XeroInvoiceStore.MaxNumberLength, "InvoiceNumber");
        var taxed = changes.Lines is { } checkedLines && XeroLineTaxes.Check(checkedLines);
        var lines = changes.Lines is { } newLines ? Lines(newLines) : null;
        var inclusive = changes.UnitPricesIncludeTax ?? false;
        if (changes.Lines is { Count: > 0 } given)
        {
            await XeroLineTaxes.RequireRatesAsync(Context, [.. given.Select(l => l.Taxes)], cancellationToken);

            // Lines are in the bill's own currency, and a line naming an id must name one of its lines: Xero would add it.
            // Taxed lines given without saying keep the bill's own LineAmountTypes: Xero would otherwise re-price them.
            var current = await GetAsync(id, cancellationToken);
            Ledgerline.Validation.LineCurrency.Require(given, l => l.UnitPrice, current.Currency, "bill", XeroRequest.ProviderName);
            RequireCurrentLines(current, given);
            inclusive = changes.UnitPricesIncludeTax ?? (taxed && current.UnitPricesIncludeTax);
        }

        var body = new InvoiceWrite
        {
            InvoiceID = id,
            Date = changes.IssueDate is { } issued ? XeroValues.Format(issued) : null,
            DueDate = changes.DueDate is { } due ? XeroValues.Format(due) : null,
            InvoiceNumber = changes.Number,
            LineAmountTypes = lines is null ? null : XeroLineTaxes.LineAmountTypes(taxed, inclusive),
            LineItems = lines,
        };
        return await PostAsync("update", id, body, cancellationToken);
    }

    /// <summary>Approves a draft or submitted bill (<c>Status</c> <c>AUTHORISED</c>) so that Xero takes payments on it.</summary>
    internal Task<Bill> ApproveAsync(string id, CancellationToken cancellationToken) =>
        PostAsync("approve", id, new InvoiceWrite { InvoiceID = id, Status = "AUTHORISED" }, cancellationToken);

    /// <summary>Xero has no archive for bills; refused before any request.</summary>
    public Task<Bill> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Bill, nameof(StoreOperations.Archive));

    /// <summary>Xero cannot bring back a deleted or voided bill; refused before any request.</summary>
    public Task<Bill> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Bill, nameof(StoreOperations.Restore));

    /// <summary>
    /// Xero deletes only draft bills, and every bill Ledgerline records is approved (cancelling one is voiding it, an
    /// operation the canonical bill store does not have); refused before any request.
    /// </summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Bill, nameof(StoreOperations.Delete));

    protected override Task<IApiResponse<InvoicesResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.GetInvoiceAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<InvoicesResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.ListInvoicesAsync(query, ifModifiedSince, tenantId, Context.ConnectionId, cancellationToken);

    protected override bool Belongs(InvoiceWire wire) => wire.Type == "ACCPAY";

    protected override void ServerFilters(BillQuery query, XeroListQuery list)
    {
        list.Where = And(["Type==\"ACCPAY\"", .. DateRange("Date", query.IssueDate), .. DateRange("DueDate", query.DueDate)]);
        list.ContactIds = query.VendorId is { } vendor && Guid.TryParseExact(vendor, "D", out _) ? vendor : null;
        list.Statuses = Statuses(query) is { } statuses ? string.Join(',', statuses) : null;
        if (query.VendorId is not null && list.ContactIds is null)
        {
            // Not a Xero id, so no bill can match: narrow to an id no document has rather than list everything.
            list.Where += " AND InvoiceID==Guid(\"00000000-0000-0000-0000-000000000000\")";
        }
    }

    protected override bool ServerFiltersExact(BillQuery query) => query.UpdatedSince is null && query.Statuses is null;

    protected override async ValueTask<Func<InvoiceWire, Bill>> MapperAsync(CancellationToken cancellationToken)
    {
        var taxRates = await Context.TaxRatesAsync(cancellationToken);
        return wire => Context.Mapping.Map<XeroBill, Bill>(XeroBill.Of(wire, taxRates));
    }

    /// <summary>Xero statuses covering the query's states and statuses; null for every status.</summary>
    private static List<string>? Statuses(BillQuery query)
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

        if (query.Statuses is { } wanted && !wanted.Contains(BillStatus.Unknown))
        {
            var covering = wanted.SelectMany(status => status switch
            {
                BillStatus.Draft => (string[])["DRAFT", "SUBMITTED", "DELETED"],
                BillStatus.Open or BillStatus.PartiallyPaid => ["AUTHORISED"],
                BillStatus.Paid => ["PAID"],
                BillStatus.Void => ["VOIDED"],
                _ => [],
            }).ToHashSet(StringComparer.Ordinal);
            byState.RemoveAll(s => !covering.Contains(s));
            if (byState.Count == 0)
            {
                // Nothing Xero sends can match (e.g. Overdue, which Xero has no status for): one status still narrows to nothing on our side.
                return ["DELETED"];
            }
        }

        return byState.Count == LiveStatuses.Length + 1 ? null : byState;
    }

    private List<LineItemWrite> Lines(IReadOnlyList<NewBillLine> lines)
    {
        var written = new List<LineItemWrite>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            written.Add(new LineItemWrite
            {
                LineItemID = line.Id,
                Description = line.Description,
                Quantity = line.Quantity,
                UnitAmount = line.UnitPrice.Amount,
                AccountCode = line.CategoryId ?? Context.Options.PurchaseAccountCode
                    ?? throw XeroRefusal.Field($"{nameof(NewBill.Lines)}[{i}].{nameof(NewBillLine.CategoryId)}",
                        $"Xero approves a bill only with an account on every line: give the line a CategoryId (an expense account code) or set {nameof(XeroOptions)}.{nameof(XeroOptions.PurchaseAccountCode)}."),
                TaxType = XeroLineTaxes.TaxType(line.Taxes),
            });
        }

        return written;
    }

    /// <summary>A line naming an id must name one of the bill's lines; Xero would take an unknown id as a new line.</summary>
    private static void RequireCurrentLines(Bill bill, IReadOnlyList<NewBillLine> lines)
    {
        var current = bill.Lines.Select(l => l.Id).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Id is { } lineId && !current.Contains(lineId))
            {
                throw new LedgerValidationException([new FieldError(
                    $"{nameof(BillChanges.Lines)}[{i}].{nameof(NewBillLine.Id)}", $"Bill {bill.Id} has no line '{lineId}'.", "UnknownLine")])
                {
                    Provider = XeroRequest.ProviderName,
                };
            }
        }
    }

    private static void RefuseNotes(string? notes)
    {
        if (notes is { Length: > 0 })
        {
            throw XeroRefusal.Field(nameof(NewBill.Notes), "Xero keeps no notes on a bill (its Reference is for sales documents only).");
        }
    }

    private async Task RequireVendorAsync(string vendorId, LedgerValidationException refused, CancellationToken cancellationToken)
    {
        var call = new Errors.XeroCall(EntityKind.Vendor, "get", Context.ConnectionId, vendorId);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            await Context.Http.SendAsync(call, t => Context.Accounting.GetContactAsync(vendorId, tenant, Context.ConnectionId, t), cancellationToken);
        }
        catch (RecordNotFoundException)
        {
            throw new RecordNotFoundException(EntityKind.Vendor, vendorId, refused) { Provider = XeroRequest.ProviderName };
        }
    }

    /// <summary>
    /// Posts a change of one bill. Xero refuses any change to a deleted bill with the same message as to a paid or voided
    /// one, so a refusal is followed by a read: a deleted bill is <see cref="RecordDeletedException"/>, as on every provider.
    /// </summary>
    private async Task<Bill> PostAsync(string operation, string id, InvoiceWrite body, CancellationToken cancellationToken)
    {
        var call = Call(operation, id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            var answer = await Context.Http.SendAsync(call, t => Context.Accounting.UpdateInvoiceAsync(id, new InvoicesBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
            return await ReadOneAsync(answer, id, cancellationToken);
        }
        catch (LedgerValidationException refused)
        {
            if ((await GetAsync(id, cancellationToken)).State == RecordState.Deleted)
            {
                throw new RecordDeletedException(EntityKind.Bill, id, refused) { Provider = XeroRequest.ProviderName };
            }

            throw;
        }
    }
}
