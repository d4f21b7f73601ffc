using Ledgerline.Xero.Api;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Invoices over Xero sales invoices (<c>/Invoices</c>, <c>Type</c> <c>ACCREC</c>; bills are <c>ACCPAY</c> and never
/// read here). Created as drafts with <c>PUT</c>; changed with <c>POST /Invoices/{id}</c>; deleted (drafts only) and voided
/// through <c>Status</c>; marked as sent by approving a draft with <c>SentToContact</c>.
/// </summary>
/// <remarks>
/// Writes: each line's <c>Description</c> is the name, then the description after a line break; the invoice discount is
/// each line's <c>DiscountRate</c> (Xero discounts lines, not invoices); a line's one tax is named by its
/// <see cref="LineTax.TaxRateId"/> (Xero's <c>TaxType</c>), and an invoice with no taxes is <c>NoTax</c>; taxed lines are
/// <c>Inclusive</c> when <see cref="NewInvoice.UnitPricesIncludeTax"/>, and a change giving lines without it keeps the
/// invoice's own (read first when the lines are taxed), as it keeps the invoice's discount (read first unless the change
/// gives one); notes are the <c>Reference</c>. Refused before any request: terms
/// (Xero keeps none on an invoice), what <see cref="XeroLineTaxes"/> refuses (more than 4 decimal places, a tax without a
/// tax rate id, more than one tax on a line, a mix of taxed and untaxed lines; before any write, a percent other than the
/// tax rate's), and a discount or <c>UnitPricesIncludeTax</c> change without the lines; before any write, lines given
/// without a discount when Xero's lines carry different ones (<see cref="XeroLines.RefuseMixedLineDiscounts"/>).
/// Filters: <c>ContactId</c> (<c>ContactIDs</c>), <c>Statuses</c> (Xero's <c>Statuses</c>, then exact), <c>IssueDate</c>
/// and <c>DueDate</c> (<c>where</c>), <c>UpdatedSince</c> (<c>If-Modified-Since</c>, then exact); states are the
/// <c>DELETED</c> status.
/// </remarks>
internal sealed class XeroInvoiceStore(XeroLedgerContext context)
    : XeroStore<Invoice, InvoiceQuery, InvoiceWire, InvoicesResult>(context), IInvoiceStore
{
    private static readonly string[] LiveStatuses = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED"];
    private static readonly string[] DraftStatuses = ["DRAFT", "SUBMITTED", "DELETED"];
    private static readonly string[] AuthorisedStatus = ["AUTHORISED"];
    private static readonly string[] PaidStatus = ["PAID"];
    private static readonly string[] VoidedStatus = ["VOIDED"];

    /// <summary>The longest <c>InvoiceNumber</c> Xero takes (documented: 255 characters).</summary>
    internal const int MaxNumberLength = 255;

    protected override EntityKind Entity => EntityKind.Invoice;

    protected override string ListKey => InvoicesResult.ListKey;

    public Task<Invoice> CreateAsync(NewInvoice draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<Invoice> CreateAsync(NewInvoice draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RefuseTerms(draft.Terms);
        XeroRefusal.MaxLength(nameof(NewInvoice.Number), draft.Number, MaxNumberLength, "InvoiceNumber");
        XeroRefusal.RequireGuid(EntityKind.Contact, draft.ContactId);
        var taxed = XeroLineTaxes.Check(draft.Lines);
        await XeroLineTaxes.RequireRatesAsync(Context, [.. draft.Lines.Select(l => l.Taxes)], cancellationToken);
        var lines = Lines(draft.Lines, draft.DiscountPercent);
        var body = new InvoiceWrite
        {
            Type = "ACCREC",
            Contact = new ContactRefWrite(draft.ContactId),
            Date = XeroValues.Format(draft.IssueDate),
            DueDate = draft.DueDate is { } due ? XeroValues.Format(due) : null,
            InvoiceNumber = draft.Number,
            Reference = draft.Notes,
            CurrencyCode = draft.Currency.Value,
            LineAmountTypes = XeroLineTaxes.LineAmountTypes(taxed, draft.UnitPricesIncludeTax),
            LineItems = lines,
            Status = "DRAFT",
        };
        return await CreateAsync(body, options, cancellationToken);
    }

    /// <summary>
    /// Creates a sales invoice from a body built elsewhere (an estimate's quote lines, as Xero holds them), with the
    /// caller's idempotency key, if any, on the request.
    /// </summary>
    internal async Task<Invoice> CreateAsync(InvoiceWrite body, CreateOptions? options, CancellationToken cancellationToken)
    {
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.Accounting.CreateInvoiceAsync(new InvoicesBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, string.Empty, cancellationToken);
    }

    /// <summary>
    /// The sales invoices of one contact whose <c>Reference</c> is exactly <paramref name="reference"/>, deleted ones too, in
    /// Xero's order (creation), from one page of a <c>where</c> listing: how a converted quote finds its invoice again
    /// (<see cref="XeroEstimateStore"/>).
    /// </summary>
    internal async Task<IReadOnlyList<Invoice>> WithReferenceAsync(string contactId, string reference, CancellationToken cancellationToken)
    {
        RequireGuid(contactId);
        var call = Call("list", null);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var map = await MapperAsync(cancellationToken);
        var list = new XeroListQuery
        {
            Page = 1,
            PageSize = Context.Options.PageSize,
            Where = $"Type==\"ACCREC\" AND Contact.ContactID==Guid(\"{contactId}\") AND Reference=={Literal(reference)}",
        };
        var answer = await Context.Http.SendAsync(call, t => ListCallAsync(list, null, tenant, t), cancellationToken);
        return [.. XeroEnvelope.Map(answer, ListKey, Context.Options.KeepRawRepresentation, map)
            .Where(i => string.Equals(i.Notes, reference, StringComparison.Ordinal))];
    }

    public async Task<Invoice> UpdateAsync(string id, InvoiceChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        RefuseTerms(changes.Terms);
        if (changes.DiscountPercent is not null && changes.Lines is null)
        {
            throw XeroRefusal.Field(nameof(InvoiceChanges.DiscountPercent),
                "Xero keeps discounts on lines: give the lines with the new discount percentage.");
        }

        if (changes.UnitPricesIncludeTax is not null && changes.Lines is null)
        {
            throw XeroRefusal.Field(nameof(InvoiceChanges.UnitPricesIncludeTax),
                "Xero would re-price the current lines: give the lines with UnitPricesIncludeTax.");
        }

        RequireGuid(id);
        XeroRefusal.MaxLength(nameof(InvoiceChanges.Number), changes.Number, MaxNumberLength, "InvoiceNumber");
        XeroRefusal.RequireGuid(EntityKind.Contact, changes.ContactId);
        var taxed = changes.Lines is { } given && XeroLineTaxes.Check(given);
        if (changes.Lines is { } checkedLines)
        {
            await XeroLineTaxes.RequireRatesAsync(Context, [.. checkedLines.Select(l => l.Taxes)], cancellationToken);
        }

        Invoice? current = null;
        InvoiceWire? currentWire = null;
        async Task<Invoice> CurrentAsync()
        {
            if (current is null)
            {
                (current, currentWire) = await GetWithWireAsync(id, cancellationToken);
            }

            return current;
        }

        if (changes is { Lines.Count: > 0, Currency: null })
        {
            // Lines given without a currency are in the invoice's own: never send EUR prices as if they were NZD.
            var read = await CurrentAsync();
            Ledgerline.Validation.LineCurrency.Require(changes.Lines, l => l.UnitPrice, read.Currency, "invoice", XeroRequest.ProviderName);
            RequireCurrentLines(read, changes.Lines);
        }
        else if (changes.Lines is { } named && named.Any(l => l.Id is not null))
        {
            var read = await CurrentAsync();
            RequireCurrentLines(read, named);
        }

        // Lines given without saying keep the invoice's own discount and, when taxed, its LineAmountTypes: Xero keeps both
        // on the lines, so it would otherwise re-price them.
        var inclusive = changes.UnitPricesIncludeTax
            ?? (taxed && (await CurrentAsync()).UnitPricesIncludeTax);
        List<LineItemWrite>? lines = null;
        if (changes.Lines is { } newLines)
        {
            var discount = changes.DiscountPercent ?? (await CurrentAsync()).DiscountPercent;
            if (changes.DiscountPercent is null)
            {
                XeroLines.RefuseMixedLineDiscounts(currentWire!.LineItems, "invoice", id);
            }

            var sameBasis = string.Equals(currentWire?.LineAmountTypes, XeroLineTaxes.LineAmountTypes(taxed, inclusive), StringComparison.OrdinalIgnoreCase);
            lines = XeroLines.KeepTaxOfUnchangedLines(Lines(newLines, discount), sameBasis ? currentWire?.LineItems : null);
        }

        var body = new InvoiceWrite
        {
            InvoiceID = id,
            Contact = changes.ContactId is { } contact ? new ContactRefWrite(contact) : null,
            Date = changes.IssueDate is { } issued ? XeroValues.Format(issued) : null,
            DueDate = changes.DueDate is { } due ? XeroValues.Format(due) : null,
            InvoiceNumber = changes.Number,
            Reference = changes.Notes,
            CurrencyCode = changes.Currency?.Value,
            LineAmountTypes = lines is null ? null : XeroLineTaxes.LineAmountTypes(taxed, inclusive),
            LineItems = lines,
        };
        return await PostAsync("update", id, body, cancellationToken);
    }

    /// <summary>
    /// Approves a draft (or submitted) invoice and records that it was sent (<c>Status</c> <c>AUTHORISED</c>,
    /// <c>SentToContact</c>); an invoice past draft is returned as it is. Approving needs an account on every line
    /// (<see cref="XeroOptions.SalesAccountCode"/>).
    /// </summary>
    public async Task<Invoice> MarkAsSentAsync(string id, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(id, cancellationToken);
        if (current.State == RecordState.Deleted)
        {
            throw new RecordDeletedException(EntityKind.Invoice, id) { Provider = XeroRequest.ProviderName };
        }

        return current.ProviderStatus is "DRAFT" or "SUBMITTED"
            ? await PostAsync("mark_sent", id, new InvoiceWrite { InvoiceID = id, Status = "AUTHORISED", SentToContact = true }, cancellationToken)
            : current;
    }

    /// <summary>Approves a draft or submitted invoice (<c>Status</c> <c>AUTHORISED</c>) so that Xero takes payments on it.</summary>
    internal Task<Invoice> ApproveAsync(string id, CancellationToken cancellationToken) =>
        PostAsync("approve", id, new InvoiceWrite { InvoiceID = id, Status = "AUTHORISED" }, cancellationToken);

    public async Task<Invoice> VoidAsync(string id, CancellationToken cancellationToken = default)
    {
        RequireGuid(id);
        return await PostAsync("void", id, new InvoiceWrite { InvoiceID = id, Status = "VOIDED" }, cancellationToken);
    }

    /// <summary>Xero has no archive for invoices; refused before any request.</summary>
    public Task<Invoice> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Invoice, nameof(StoreOperations.Archive));

    /// <summary>Xero cannot bring back a deleted invoice; refused before any request.</summary>
    public Task<Invoice> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Invoice, nameof(StoreOperations.Restore));

    /// <summary>Deletes a draft or submitted invoice (<c>Status</c> <c>DELETED</c>); Xero refuses it for approved ones (void those).</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        RequireGuid(id);
        await PostAsync("delete", id, new InvoiceWrite { InvoiceID = id, Status = "DELETED" }, cancellationToken);
    }

    protected override Task<IApiResponse<InvoicesResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.GetInvoiceAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<InvoicesResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.ListInvoicesAsync(query, ifModifiedSince, tenantId, Context.ConnectionId, cancellationToken);

    protected override bool Belongs(InvoiceWire wire) => wire.Type == "ACCREC";

    protected override void ServerFilters(InvoiceQuery query, XeroListQuery list)
    {
        list.Where = And(["Type==\"ACCREC\"", .. DateRange("Date", query.IssueDate), .. DateRange("DueDate", query.DueDate)]);
        list.ContactIds = query.ContactId is { } contact && Guid.TryParseExact(contact, "D", out _) ? contact : null;
        list.Statuses = Statuses(query) is { } statuses ? string.Join(',', statuses) : null;
        if (query.ContactId is not null && list.ContactIds is null)
        {
            // Not a Xero id, so no invoice can match: narrow to an id no document has rather than list everything.
            list.Where += " AND InvoiceID==Guid(\"00000000-0000-0000-0000-000000000000\")";
        }
    }

    protected override bool ServerFiltersExact(InvoiceQuery query) => query.UpdatedSince is null && query.Statuses is null;

    protected override async ValueTask<Func<InvoiceWire, Invoice>> MapperAsync(CancellationToken cancellationToken)
    {
        var taxRates = await Context.TaxRatesAsync(cancellationToken);
        return wire => Context.Mapping.Map<XeroInvoice, Invoice>(XeroInvoice.Of(wire, taxRates));
    }

    /// <summary>Xero statuses covering the query's states and statuses; null for every status.</summary>
    private static List<string>? Statuses(InvoiceQuery query)
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

        if (query.Statuses is { } wanted && !wanted.Contains(InvoiceStatus.Unknown))
        {
            var covering = wanted.SelectMany(status => status switch
            {
                InvoiceStatus.Draft => DraftStatuses,
                InvoiceStatus.Sent or InvoiceStatus.PartiallyPaid => AuthorisedStatus,
                InvoiceStatus.Paid => PaidStatus,
                InvoiceStatus.Void => VoidedStatus,
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

    private List<LineItemWrite> Lines(IReadOnlyList<NewInvoiceLine> lines, decimal discountPercent) =>
        [.. lines.Select(line => new LineItemWrite
        {
            LineItemID = line.Id,
            Description = XeroInvoice.JoinDescription(line.Name, line.Description),
            Quantity = line.Quantity,
            UnitAmount = line.UnitPrice.Amount,
            AccountCode = Context.Options.SalesAccountCode,
            TaxType = XeroLineTaxes.TaxType(line.Taxes),
            DiscountRate = discountPercent == 0m ? null : discountPercent,
        })];

    /// <summary>
    /// A change's lines may name current lines by id (<see cref="NewInvoiceLine.Id"/>); Xero would take an unknown id as a
    /// new line, so the invoice is read first and an id it does not have is refused (<c>UnknownLine</c>), nothing written.
    /// </summary>
    private static void RequireCurrentLines(Invoice invoice, IReadOnlyList<NewInvoiceLine> lines)
    {
        var current = invoice.Lines.Select(l => l.Id).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Id is { } lineId && !current.Contains(lineId))
            {
                throw new LedgerValidationException([new FieldError(
                    $"{nameof(InvoiceChanges.Lines)}[{i}].{nameof(NewInvoiceLine.Id)}",
                    $"Invoice {invoice.Id} has no line '{lineId}'.",
                    "UnknownLine")])
                {
                    Provider = XeroRequest.ProviderName,
                };
            }
        }
    }

    private static void RefuseTerms(string? terms)
    {
        if (terms is { Length: > 0 })
        {
            throw XeroRefusal.Field(nameof(NewInvoice.Terms), "Xero keeps payment terms on the contact or organisation, not on an invoice.");
        }
    }

    /// <summary>
    /// Posts a change of one invoice. Xero refuses any change to a deleted invoice with the same validation message as to a
    /// paid or voided one ("not of valid status for modification"), so a refusal is followed by a read: a deleted invoice
    /// is <see cref="RecordDeletedException"/>, as on every provider.
    /// </summary>
    private async Task<Invoice> PostAsync(string operation, string id, InvoiceWrite body, CancellationToken cancellationToken)
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
            var current = await GetAsync(id, cancellationToken);
            if (current.State == RecordState.Deleted)
            {
                throw new RecordDeletedException(EntityKind.Invoice, id, refused) { Provider = XeroRequest.ProviderName };
            }

            throw;
        }
    }
}
