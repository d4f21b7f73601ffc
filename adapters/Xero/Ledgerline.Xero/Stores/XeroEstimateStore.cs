using System.Runtime.CompilerServices;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Estimates over Xero quotes (<c>/Quotes</c>). Created as drafts with <c>PUT</c>; changed with <c>POST /Quotes/{id}</c>,
/// the lifecycle too (Xero has no other verb): <c>SENT</c>, <c>ACCEPTED</c>, <c>DECLINED</c>, <c>INVOICED</c> and
/// <c>DELETED</c> (kept readable). Xero moves a quote DRAFT → SENT → ACCEPTED or DECLINED → INVOICED, so accepting or
/// declining a draft marks it sent first (two requests).
/// </summary>
/// <remarks>
/// Writes as invoices are written: each line's <c>Description</c> is the name, then the description after a line break;
/// the discount is each line's <c>DiscountRate</c> (Xero discounts lines); a line's one tax is named by its
/// <see cref="LineTax.TaxRateId"/> (Xero's <c>TaxType</c>), a quote with no taxes is <c>NOTAX</c>, else <c>EXCLUSIVE</c>,
/// or <c>INCLUSIVE</c> when <see cref="NewEstimate.UnitPricesIncludeTax"/>; a change giving lines without it keeps the
/// quote's own (read first when the lines are taxed), as it keeps the quote's discount (read first unless the change
/// gives one), so lines read and given back keep every total. Notes are the quote's <c>Summary</c>, terms its
/// <c>Terms</c>. Refused: what <see cref="XeroLineTaxes"/> refuses (more than 4 decimal places, a tax without a tax rate
/// id, two taxes on a line, a mix of taxed and untaxed lines; before any write, a percent other than the tax rate's), and
/// a discount or <c>UnitPricesIncludeTax</c> change without the lines; before any write, lines given without a discount
/// when Xero's lines carry different ones (<see cref="XeroLines.RefuseMixedLineDiscounts"/>).
/// <para>
/// Xero never turns a quote into an invoice; the app that does creates the invoice and marks the quote <c>INVOICED</c>.
/// <see cref="ConvertToInvoiceAsync"/> does the same: a draft ACCREC invoice with the quote's contact, currency and lines
/// as Xero holds them (tax types, line discounts, accounts, items, <c>LineAmountTypes</c>), dated today by Xero, whose
/// <c>Reference</c> is the quote number. That reference is how the invoice is found again: a quote links to no invoice,
/// so converting an invoiced quote, and reading one (<see cref="Estimate.InvoiceId"/>), look up the contact's sales
/// invoice with that reference (one more request per invoiced quote read). An accepted quote whose invoice already
/// exists (a conversion interrupted before the quote was marked) is marked invoiced without a second invoice.
/// </para>
/// Filters: <c>ContactId</c> (<c>ContactID</c>), <c>Statuses</c> (<c>Status</c> when one), <c>IssueDate</c>
/// (<c>DateFrom</c>/<c>DateTo</c>, widened by a day each way because Xero does not say whether they include the day),
/// <c>UpdatedSince</c> (<c>If-Modified-Since</c>), each then applied exactly; states are the <c>DELETED</c> status.
/// </remarks>
internal sealed class XeroEstimateStore(XeroLedgerContext context, XeroInvoiceStore invoices)
    : XeroStore<Estimate, EstimateQuery, QuoteWire, QuotesResult>(context), IEstimateStore
{
    protected override EntityKind Entity => EntityKind.Estimate;

    protected override string ListKey => QuotesResult.ListKey;

    public Task<Estimate> CreateAsync(NewEstimate draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<Estimate> CreateAsync(NewEstimate draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var taxed = XeroLineTaxes.Check(draft.Lines);
        var lines = Lines(draft.Lines, draft.DiscountPercent);
        if (!Guid.TryParseExact(draft.ContactId, "D", out _))
        {
            throw new RecordNotFoundException(EntityKind.Contact, draft.ContactId) { Provider = XeroRequest.ProviderName };
        }

        await XeroLineTaxes.RequireRatesAsync(Context, [.. draft.Lines.Select(l => l.Taxes)], cancellationToken);

        var body = new QuoteWrite
        {
            Contact = new ContactRefWrite(draft.ContactId),
            Date = XeroValues.Format(draft.IssueDate),
            ExpiryDate = draft.ExpiryDate is { } expiry ? XeroValues.Format(expiry) : null,
            QuoteNumber = draft.Number,
            Summary = draft.Notes,
            Terms = draft.Terms,
            CurrencyCode = draft.Currency.Value,
            LineAmountTypes = QuoteLineAmountTypes(taxed, draft.UnitPricesIncludeTax),
            LineItems = lines,
            Status = "DRAFT",
        };
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            var answer = await Context.Http.SendAsync(call, t => Context.Accounting.CreateQuoteAsync(new QuotesBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
            return await ReadOneAsync(answer, string.Empty, cancellationToken);
        }
        catch (LedgerValidationException refused)
        {
            // Xero refuses an unknown contact with a validation message; a read tells a missing contact apart, as on every provider.
            await RequireContactAsync(draft.ContactId, refused, cancellationToken);
            throw;
        }
    }

    public async Task<Estimate> UpdateAsync(string id, EstimateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.DiscountPercent is not null && changes.Lines is null)
        {
            throw XeroRefusal.Field(nameof(EstimateChanges.DiscountPercent),
                "Xero keeps discounts on lines: give the lines with the new discount percentage.");
        }

        if (changes.UnitPricesIncludeTax is not null && changes.Lines is null)
        {
            throw XeroRefusal.Field(nameof(EstimateChanges.UnitPricesIncludeTax),
                "Xero would re-price the current lines: give the lines with UnitPricesIncludeTax.");
        }

        RequireGuid(id);
        XeroRefusal.RequireGuid(EntityKind.Contact, changes.ContactId);
        var taxed = changes.Lines is { } checkedLines && XeroLineTaxes.Check(checkedLines);
        if (changes.Lines is { } rated)
        {
            await XeroLineTaxes.RequireRatesAsync(Context, [.. rated.Select(l => l.Taxes)], cancellationToken);
        }

        Estimate? current = null;
        QuoteWire? currentWire = null;
        async Task<Estimate> CurrentAsync()
        {
            if (current is null)
            {
                (current, currentWire) = await GetWithWireAsync(id, cancellationToken);
            }

            return current;
        }

        if (changes.Lines is { Count: > 0 } given)
        {
            // Lines are in the quote's own currency, and a line named by id must be one of its lines (Xero would add it).
            var read = await CurrentAsync();
            Ledgerline.Validation.LineCurrency.Require(given, l => l.UnitPrice, read.Currency, "estimate", XeroRequest.ProviderName);
            RequireCurrentLines(read, given);
        }

        // Lines given without saying keep the quote's own discount and, when taxed, its LineAmountTypes: Xero keeps both
        // on the lines, so it would otherwise re-price them.
        var inclusive = changes.UnitPricesIncludeTax
            ?? (taxed && (await CurrentAsync()).UnitPricesIncludeTax);
        List<LineItemWrite>? lines = null;
        if (changes.Lines is { } newLines)
        {
            var discount = changes.DiscountPercent ?? (await CurrentAsync()).DiscountPercent;
            if (changes.DiscountPercent is null)
            {
                XeroLines.RefuseMixedLineDiscounts(currentWire!.LineItems, "estimate", id);
            }

            var sameBasis = string.Equals(currentWire?.LineAmountTypes, QuoteLineAmountTypes(taxed, inclusive), StringComparison.OrdinalIgnoreCase);
            lines = XeroLines.KeepTaxOfUnchangedLines(Lines(newLines, discount), sameBasis ? currentWire?.LineItems : null);
        }

        var body = new QuoteWrite
        {
            QuoteID = id,
            Contact = changes.ContactId is { } contact ? new ContactRefWrite(contact) : null,
            Date = changes.IssueDate is { } issued ? XeroValues.Format(issued) : null,
            ExpiryDate = changes.ExpiryDate is { } expiry ? XeroValues.Format(expiry) : null,
            QuoteNumber = changes.Number,
            Summary = changes.Notes,
            Terms = changes.Terms,
            LineAmountTypes = lines is null ? null : QuoteLineAmountTypes(taxed, inclusive),
            LineItems = lines,
        };
        return await PostAsync("update", id, body, cancellationToken);
    }

    /// <summary>Deletes a quote (<c>Status</c> <c>DELETED</c>); it stays readable. Xero refuses it for an invoiced quote.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        RequireGuid(id);
        await PostAsync("delete", id, new QuoteWrite { QuoteID = id, Status = "DELETED" }, cancellationToken);
    }

    /// <summary>Xero has no archive for quotes; refused before any request.</summary>
    public Task<Estimate> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Estimate, nameof(StoreOperations.Archive));

    /// <summary>Xero cannot bring back a deleted quote; refused before any request.</summary>
    public Task<Estimate> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Estimate, nameof(StoreOperations.Restore));

    /// <summary>Marks a draft quote <c>SENT</c> (nothing is e-mailed); a quote past draft is returned as it is.</summary>
    public async Task<Estimate> MarkAsSentAsync(string id, CancellationToken cancellationToken = default)
    {
        var current = await LiveAsync(id, cancellationToken);
        return current.Status == EstimateStatus.Draft ? await SetStatusAsync("mark_sent", id, "SENT", cancellationToken) : current;
    }

    /// <summary>Marks the quote <c>ACCEPTED</c>, a draft marked <c>SENT</c> first (Xero accepts only sent quotes).</summary>
    public async Task<Estimate> AcceptAsync(string id, CancellationToken cancellationToken = default)
    {
        var current = await LiveAsync(id, cancellationToken);
        switch (current.Status)
        {
            case EstimateStatus.Accepted:
                return current;
            case EstimateStatus.Declined or EstimateStatus.Invoiced:
                throw Invalid($"Estimate {current.Id} is {current.Status}; it can no longer be accepted.", "EstimateNotAcceptable");
            case EstimateStatus.Draft:
                await SetStatusAsync("mark_sent", id, "SENT", cancellationToken);
                break;
        }

        return await SetStatusAsync("accept", id, "ACCEPTED", cancellationToken);
    }

    /// <summary>Marks the quote <c>DECLINED</c>, a draft marked <c>SENT</c> first (Xero declines only sent quotes).</summary>
    public async Task<Estimate> DeclineAsync(string id, CancellationToken cancellationToken = default)
    {
        var current = await LiveAsync(id, cancellationToken);
        switch (current.Status)
        {
            case EstimateStatus.Declined:
                return current;
            case EstimateStatus.Accepted or EstimateStatus.Invoiced:
                throw Invalid($"Estimate {current.Id} is {current.Status}; it can no longer be declined.", "EstimateNotDeclinable");
            case EstimateStatus.Draft:
                await SetStatusAsync("mark_sent", id, "SENT", cancellationToken);
                break;
        }

        return await SetStatusAsync("decline", id, "DECLINED", cancellationToken);
    }

    public async Task<Invoice> ConvertToInvoiceAsync(string id, CancellationToken cancellationToken = default)
    {
        var wire = await WireAsync(id, cancellationToken);
        var estimate = (await MapperAsync(cancellationToken))(wire);
        if (estimate.State == RecordState.Deleted)
        {
            throw new RecordDeletedException(EntityKind.Estimate, id) { Provider = XeroRequest.ProviderName };
        }

        if (estimate.Status is not (EstimateStatus.Accepted or EstimateStatus.Invoiced))
        {
            throw Invalid($"Estimate {estimate.Id} is {estimate.Status}; only an accepted estimate becomes an invoice.", "EstimateNotAccepted");
        }

        var number = estimate.Number ?? throw Invalid($"Estimate {estimate.Id} has no quote number to link its invoice by.", "EstimateNotNumbered");
        var made = await FirstInvoiceAsync(estimate.ContactId, number, cancellationToken);
        if (estimate.Status == EstimateStatus.Invoiced)
        {
            return made ?? throw Invalid(
                $"Estimate {estimate.Id} is invoiced in Xero, but no sales invoice of its contact has the reference '{number}' that links it.",
                "EstimateInvoiceNotFound");
        }

        made ??= await invoices.CreateAsync(InvoiceOf(wire, number), null, cancellationToken);
        await SetStatusAsync("convert", id, "INVOICED", cancellationToken);
        return made;
    }

    /// <inheritdoc cref="XeroStore{TRecord, TQuery, TWire, TResult}.GetAsync"/>
    public new async Task<Estimate> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await WithInvoiceAsync(await base.GetAsync(id, cancellationToken), cancellationToken);

    /// <inheritdoc cref="XeroStore{TRecord, TQuery, TWire, TResult}.ListAsync"/>
    public new async IAsyncEnumerable<Estimate> ListAsync(EstimateQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var estimate in base.ListAsync(query, cancellationToken))
        {
            yield return await WithInvoiceAsync(estimate, cancellationToken);
        }
    }

    /// <inheritdoc cref="XeroStore{TRecord, TQuery, TWire, TResult}.ListPageAsync"/>
    public new async Task<Page<Estimate>> ListPageAsync(EstimateQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var page = await base.ListPageAsync(query, cursor, cancellationToken);
        var items = new Estimate[page.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = await WithInvoiceAsync(page.Items[i], cancellationToken);
        }

        return page with { Items = items };
    }

    protected override Task<IApiResponse<QuotesResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.GetQuoteAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<QuotesResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.ListQuotesAsync(query, ifModifiedSince, tenantId, Context.ConnectionId, cancellationToken);

    protected override void ServerFilters(EstimateQuery query, XeroListQuery list)
    {
        if (query.ContactId is { } contact)
        {
            // Not a Xero id, so no quote can match: the empty GUID narrows to nothing rather than listing everything.
            list.ContactId = Guid.TryParseExact(contact, "D", out _) ? contact : Guid.Empty.ToString("D");
        }

        list.DateFrom = query.IssueDate?.From is { } from ? XeroValues.Format(from.AddDays(-1)) : null;
        list.DateTo = query.IssueDate?.To is { } to ? XeroValues.Format(to.AddDays(1)) : null;
        list.Status = Status(query);
    }

    protected override bool ServerFiltersExact(EstimateQuery query) => false;

    protected override async ValueTask<Func<QuoteWire, Estimate>> MapperAsync(CancellationToken cancellationToken)
    {
        var taxRates = await Context.TaxRatesAsync(cancellationToken);
        return wire => Context.Mapping.Map<XeroQuote, Estimate>(XeroQuote.Of(wire, taxRates));
    }

    /// <summary>Xero's one <c>Status</c> filter, when the query's states and statuses come down to one Xero status; null lists every status.</summary>
    private static string? Status(EstimateQuery query)
    {
        var wanted = query.Statuses;
        if (wanted is not null && wanted.Contains(EstimateStatus.Unknown))
        {
            // An undocumented status (or a deleted quote, whose status reads Unknown) is matched by listing them all.
            return null;
        }

        var statuses = new List<string>();
        if (query.States.Includes(RecordState.Active))
        {
            statuses.AddRange(((EstimateStatus[])[EstimateStatus.Draft, EstimateStatus.Sent, EstimateStatus.Accepted, EstimateStatus.Declined, EstimateStatus.Invoiced])
                .Where(s => wanted is null || wanted.Contains(s))
                .Select(s => s.ToString().ToUpperInvariant()));
        }

        if (query.States.Includes(RecordState.Deleted) && wanted is null)
        {
            statuses.Add("DELETED");
        }

        return statuses.Count == 1 ? statuses[0] : null;
    }

    /// <summary>Xero's <c>LineAmountTypes</c> in the quote spelling: <c>NOTAX</c>, <c>EXCLUSIVE</c> or <c>INCLUSIVE</c>.</summary>
    private static string QuoteLineAmountTypes(bool taxed, bool unitPricesIncludeTax) =>
        XeroLineTaxes.LineAmountTypes(taxed, unitPricesIncludeTax).ToUpperInvariant();

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

    /// <summary>The draft invoice made from a quote: its contact, currency and lines as Xero holds them, the quote number as reference.</summary>
    private InvoiceWrite InvoiceOf(QuoteWire quote, string number) => new()
    {
        Type = "ACCREC",
        Contact = new ContactRefWrite(XeroValues.Required(quote.Contact?.ContactID, "Contact.ContactID")),
        Reference = number,
        CurrencyCode = quote.CurrencyCode,
        LineAmountTypes = XeroQuote.LineAmountTypes(quote.LineAmountTypes),
        LineItems = [.. (quote.LineItems ?? []).Select(l => new LineItemWrite
        {
            Description = l.Description,
            ItemCode = XeroValues.Text(l.ItemCode),
            Quantity = XeroValues.Required(l.Quantity, "LineItems.Quantity"),
            UnitAmount = XeroValues.Required(l.UnitAmount, "LineItems.UnitAmount"),
            AccountCode = XeroValues.Text(l.AccountCode) ?? Context.Options.SalesAccountCode,
            TaxType = XeroValues.Text(l.TaxType),
            DiscountRate = l.DiscountRate is { } rate && rate != 0m ? rate : null,
            DiscountAmount = l.DiscountAmount is { } off && off != 0m ? off : null,
            // The tax as the quote holds it (possibly overridden in Xero), so the invoice bills what was quoted.
            TaxAmount = XeroQuote.LineAmountTypes(quote.LineAmountTypes) == "NoTax" ? null : l.TaxAmount,
        })],
        Status = "DRAFT",
    };

    /// <summary>The invoice made from an invoiced quote, when the contact has a sales invoice with the quote number as reference (a live one first).</summary>
    private async Task<Estimate> WithInvoiceAsync(Estimate estimate, CancellationToken cancellationToken)
    {
        if (estimate.Status != EstimateStatus.Invoiced || estimate.Number is not { } number)
        {
            return estimate;
        }

        return await FirstInvoiceAsync(estimate.ContactId, number, cancellationToken) is { } invoice ? estimate with { InvoiceId = invoice.Id } : estimate;
    }

    private async Task<Invoice?> FirstInvoiceAsync(string contactId, string number, CancellationToken cancellationToken)
    {
        var found = await invoices.WithReferenceAsync(contactId, number, cancellationToken);
        return found.FirstOrDefault(i => i.State != RecordState.Deleted) ?? (found.Count > 0 ? found[0] : null);
    }

    /// <summary>The quote as Xero sends it (the conversion writes Xero's own lines, not the canonical ones).</summary>
    private async Task<QuoteWire> WireAsync(string id, CancellationToken cancellationToken)
    {
        var call = Call("get", id);
        RequireGuid(id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => GetCallAsync(id, tenant, t), cancellationToken);
        var wires = XeroEnvelope.Records<QuoteWire, QuotesResult>(answer, ListKey);
        if (wires.Count != 1)
        {
            // Read through the common path for the typed error (not found, or a malformed answer with its excerpt).
            _ = await ReadOneAsync(answer, id, cancellationToken);
        }

        return wires[0];
    }

    /// <summary>The estimate, refused as deleted when Xero deleted it (its lifecycle is over).</summary>
    private async Task<Estimate> LiveAsync(string id, CancellationToken cancellationToken)
    {
        var current = await base.GetAsync(id, cancellationToken);
        return current.State == RecordState.Deleted
            ? throw new RecordDeletedException(EntityKind.Estimate, id) { Provider = XeroRequest.ProviderName }
            : current;
    }

    private Task<Estimate> SetStatusAsync(string operation, string id, string status, CancellationToken cancellationToken) =>
        PostAsync(operation, id, new QuoteWrite { QuoteID = id, Status = status }, cancellationToken);

    /// <summary>
    /// A change's lines may name current lines by id (<see cref="NewInvoiceLine.Id"/>); Xero would take an unknown id as a
    /// new line, so an id the quote does not have is refused (<c>UnknownLine</c>), nothing written.
    /// </summary>
    private static void RequireCurrentLines(Estimate estimate, IReadOnlyList<NewInvoiceLine> lines)
    {
        var current = estimate.Lines.Select(l => l.Id).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Id is { } lineId && !current.Contains(lineId))
            {
                throw new LedgerValidationException([new FieldError(
                    $"{nameof(EstimateChanges.Lines)}[{i}].{nameof(NewInvoiceLine.Id)}",
                    $"Estimate {estimate.Id} has no line '{lineId}'.",
                    "UnknownLine")])
                {
                    Provider = XeroRequest.ProviderName,
                };
            }
        }
    }

    /// <summary>
    /// Posts a change of one quote and reads it back (with its invoice when invoiced). Xero refuses every change to a
    /// deleted quote with a validation message, so a refusal is followed by a read: a deleted quote is
    /// <see cref="RecordDeletedException"/>, as on every provider.
    /// </summary>
    private async Task<Estimate> PostAsync(string operation, string id, QuoteWrite body, CancellationToken cancellationToken)
    {
        var call = Call(operation, id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            var answer = await Context.Http.SendAsync(call, t => Context.Accounting.UpdateQuoteAsync(id, new QuotesBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
            return await WithInvoiceAsync(await ReadOneAsync(answer, id, cancellationToken), cancellationToken);
        }
        catch (LedgerValidationException refused)
        {
            var current = await base.GetAsync(id, cancellationToken);
            if (current.State == RecordState.Deleted)
            {
                throw new RecordDeletedException(EntityKind.Estimate, id, refused) { Provider = XeroRequest.ProviderName };
            }

            throw;
        }
    }

    private static LedgerValidationException Invalid(string message, string code) =>
        new([new FieldError(nameof(Estimate.Status), message, code)]) { Provider = XeroRequest.ProviderName };

    private async Task RequireContactAsync(string contactId, LedgerValidationException refused, CancellationToken cancellationToken)
    {
        var call = new Errors.XeroCall(EntityKind.Contact, "get", Context.ConnectionId, contactId);
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
