using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Estimates (<see cref="AccountingEntities.Estimates"/>), always read with their lines and the invoices made from them.
/// Marking sent and accepting are FreshBooks actions (<c>action_mark_as_sent</c>, <c>action_accept</c>) sent alone.
/// FreshBooks has no decline and no convert endpoint: converting reads the accepted estimate and creates an invoice with
/// its client, currency, lines (with their compound taxes and rebilled expenses), discount, notes and terms plus
/// <c>estimateid</c>; the estimate's <c>invoices</c> include
/// then names that invoice, so converting again returns it. FreshBooks reads the estimate as invoiced only once that
/// invoice is sent; until then it stays accepted (with <see cref="Estimate.InvoiceId"/> set).
/// </summary>
internal sealed class FreshBooksEstimateStore(FreshBooksLedgerContext context, IInvoiceStore invoices)
    : AccountingStore<Estimate, NewEstimate, EstimateChanges, EstimateQuery, EstimateWire, EstimateBody, EstimateResult>(context, AccountingEntities.Estimates), IEstimateStore
{
    private static readonly RecordPath InvoicePath = AccountingEntities.Invoices.Path;

    // FreshBooks estimates have no validity field: an expiry would be dropped, so it is refused before any request.
    private static void RefuseExpiry(DateOnly? expiry)
    {
        if (expiry is not null)
        {
            throw new LedgerValidationException(
                [new FieldError(nameof(NewEstimate.ExpiryDate), "FreshBooks estimates have no expiry date; leave ExpiryDate null.", "NotSupportedByProvider")])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }
    }

    protected override ValueTask<EstimateBody> CreateBodyAsync(NewEstimate draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        RefuseExpiry(draft.ExpiryDate);
        _ = FreshBooksValues.ParseId(draft.ContactId)
            ?? throw new RecordNotFoundException(EntityKind.Contact, draft.ContactId) { Provider = FreshBooksRequest.ProviderName };
        return ValueTask.FromResult(new EstimateBody(Context.Mapping.Map<NewEstimate, EstimateWrite>(draft)));
    }

    protected override async ValueTask<EstimateBody> UpdateBodyAsync(string id, EstimateChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
    {
        RefuseExpiry(changes.ExpiryDate);
        if (changes.ContactId is { } contact && FreshBooksValues.ParseId(contact) is null)
        {
            throw new RecordNotFoundException(EntityKind.Contact, contact) { Provider = FreshBooksRequest.ProviderName };
        }

        var body = Context.Mapping.Map<EstimateChanges, EstimateWrite>(changes);
        if (changes.Lines is { } lines && body.Lines is { } written && KeptLines.NameCurrentLines(lines))
        {
            var (current, wire) = await GetWithWireAsync(id, cancellationToken);
            body = body with { Lines = KeptLines.Apply($"estimate {current.Id}", lines, written, wire.Lines) };
        }

        return new EstimateBody(body);
    }

    public async Task<Estimate> MarkAsSentAsync(string id, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(id, cancellationToken);
        return current.Status != EstimateStatus.Draft
            ? current
            : await ActAsync("mark_sent", id, new EstimateWrite { ActionMarkAsSent = true }, cancellationToken);
    }

    public async Task<Estimate> AcceptAsync(string id, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(id, cancellationToken);
        return current.Status switch
        {
            EstimateStatus.Accepted => current,
            EstimateStatus.Invoiced => throw Invalid(
                $"Estimate {current.Id} is invoiced; it can no longer be accepted.", "EstimateNotAcceptable"),
            _ => await ActAsync("accept", id, new EstimateWrite { ActionAccept = true }, cancellationToken),
        };
    }

    public async Task<Invoice> ConvertToInvoiceAsync(string id, CancellationToken cancellationToken = default)
    {
        var (estimate, wire) = await GetWithWireAsync(id, cancellationToken);
        if (estimate.InvoiceId is { } made)
        {
            return await invoices.GetAsync(made, cancellationToken);
        }

        if (estimate.Status != EstimateStatus.Accepted)
        {
            throw Invalid($"Estimate {estimate.Id} is {estimate.Status}; only an accepted estimate becomes an invoice.", "EstimateNotAccepted");
        }

        var call = Call("convert", id);
        var account = await Context.Connection.AccountIdAsync(call, AccountingEntities.Invoices.WriteScope, cancellationToken);
        var body = new EstimateInvoiceBody(new EstimateInvoiceWrite
        {
            EstimateId = FreshBooksListing.Number(EntityKind.Estimate, estimate.Id),
            CustomerId = FreshBooksListing.Number(EntityKind.Contact, estimate.ContactId),
            CurrencyCode = estimate.Currency.Value,
            DiscountValue = FreshBooksValues.Number(estimate.DiscountPercent),
            Notes = estimate.Notes,
            Terms = estimate.Terms,
            Lines = InvoiceLinesOf(estimate, wire),
        });
        var answer = await Context.Http.SendAsync(call,
            t => Context.Accounting.CreateInvoiceFromEstimateAsync(account, new AccountingSearch { Include = AccountingEntities.Invoices.Includes }, body, Context.ConnectionId, t),
            cancellationToken);
        return FreshBooksEnvelope.Single<InvoiceWire, Invoice>(answer.Response, FreshBooksEnvelope.Result(answer, InvoicePath), InvoicePath,
            Context.Options.KeepRawRepresentation, wire => Context.Mapping.Map<InvoiceWire, Invoice>(wire));
    }

    /// <summary>
    /// The estimate's lines for the invoice made from it, each keeping what FreshBooks holds beyond the canonical line (a
    /// compound tax, a rebilled expense), so the invoice totals what the estimate did.
    /// </summary>
    private static IReadOnlyList<InvoiceLineWrite> InvoiceLinesOf(Estimate estimate, EstimateWire wire)
    {
        var lines = estimate.Lines.Select(l => l.ToNewLine()).ToList();
        return KeptLines.Apply($"estimate {estimate.Id}", lines, InvoiceRegister.LinesOut(lines), wire.Lines);
    }

    /// <summary>Sends one action alone (FreshBooks ignores ordinary fields beside an action) and reads the estimate back.</summary>
    private async Task<Estimate> ActAsync(string operation, string id, EstimateWrite action, CancellationToken cancellationToken)
    {
        var call = Call(operation, id);
        var number = FreshBooksListing.Number(EntityKind.Estimate, id);
        var account = await Context.Connection.AccountIdAsync(call, Entity.WriteScope, cancellationToken);
        var answer = await Context.Http.SendAsync(call,
            t => Entity.Update(Context.Accounting, account, number, new AccountingSearch { Include = Entity.Includes }, new EstimateBody(action), Context.ConnectionId, t),
            cancellationToken);
        return FreshBooksEnvelope.Single<EstimateWire, Estimate>(answer.Response, FreshBooksEnvelope.Result(answer, Entity.Path), Entity.Path,
            Context.Options.KeepRawRepresentation, wire => Context.Mapping.Map<EstimateWire, Estimate>(wire));
    }

    private static LedgerValidationException Invalid(string message, string code) =>
        new([new FieldError(nameof(Estimate.Status), message, code)]) { Provider = FreshBooksRequest.ProviderName };
}
