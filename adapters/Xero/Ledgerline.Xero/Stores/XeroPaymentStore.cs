using Ledgerline.Xero.Api;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Payments of sales invoices over Xero payments (<c>/Payments</c>, <c>PaymentType</c> <c>ACCRECPAYMENT</c>). Created
/// with <c>PUT</c> against the account <see cref="XeroOptions.PaymentAccountCode"/>, after reading the invoice: a missing
/// invoice is not found and an amount in another currency is refused, with nothing written; a draft invoice is approved
/// first (Xero records payments only against approved invoices, where FreshBooks takes them on drafts, so a payment moves
/// a draft to partly paid or paid on both); deleted with
/// <c>POST /Payments/{id}</c> <c>{"Status":"DELETED"}</c>, which reopens the invoice. Xero never changes a payment, so
/// update, archive and restore are refused before any request, as is a payment method (Xero keeps none).
/// Filters: <c>InvoiceId</c> and <c>Date</c> (<c>where</c>), <c>ContactId</c> (exact, after the covering list),
/// <c>UpdatedSince</c> (<c>If-Modified-Since</c>, then exact); states are <c>AUTHORISED</c> and <c>DELETED</c>.
/// </summary>
internal sealed class XeroPaymentStore(XeroLedgerContext context, XeroInvoiceStore invoices)
    : XeroStore<Payment, PaymentQuery, PaymentWire, PaymentsResult>(context), IPaymentStore
{
    protected override EntityKind Entity => EntityKind.Payment;

    protected override string ListKey => PaymentsResult.ListKey;

    public Task<Payment> CreateAsync(NewPayment draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<Payment> CreateAsync(NewPayment draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Method is { Length: > 0 })
        {
            throw XeroRefusal.Field(nameof(NewPayment.Method), "Xero keeps no payment method.");
        }

        var account = Context.Options.PaymentAccountCode
            ?? throw new LedgerlineException(
                $"Xero records a payment against an account: set {nameof(XeroOptions)}.{nameof(XeroOptions.PaymentAccountCode)} (e.g. a bank account's code).")
            {
                Provider = XeroRequest.ProviderName,
            };
        var invoice = await invoices.GetAsync(draft.InvoiceId, cancellationToken);
        if (invoice.Currency != draft.Amount.Currency)
        {
            throw XeroRefusal.Field(nameof(NewPayment.Amount),
                $"The payment is in {draft.Amount.Currency} but invoice {draft.InvoiceId} is in {invoice.Currency}; Xero records a payment in its invoice's currency.");
        }

        // Checked before a draft is approved: Xero refuses an overpayment, but only after the approval was written. A keyed
        // repeat whose first attempt was applied finds the invoice already paid down: the check is then Xero's, which answers
        // the repeat with the first payment (or refuses an overpayment typed); a draft cannot have been paid, so it is
        // always checked here.
        if (options?.IdempotencyKey is null || invoice.ProviderStatus is "DRAFT" or "SUBMITTED")
        {
            Ledgerline.Validation.PaymentLimit.RequireWithinDue(draft.Amount, invoice.Id, invoice.AmountDue, XeroRequest.ProviderName);
        }

        // The payment's scope is checked before the approval, so a connection that may not record payments changes nothing.
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        if (invoice.ProviderStatus is "DRAFT" or "SUBMITTED")
        {
            await invoices.ApproveAsync(draft.InvoiceId, cancellationToken);
            call = call with { DoneBefore = ApprovedFirst(draft.InvoiceId, invoice.ProviderStatus, "payment") };
        }

        var body = new PaymentWrite
        {
            Invoice = new InvoiceRefWrite(draft.InvoiceId),
            Account = new AccountRefWrite(account),
            Date = XeroValues.Format(draft.Date),
            Amount = draft.Amount.Amount,
            Reference = draft.Note,
        };
        var answer = await Context.Http.SendAsync(call, t => Context.Accounting.CreatePaymentAsync(new PaymentsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, string.Empty, cancellationToken);
    }

    /// <summary>What an error after the approval of a draft says was done: the invoice stays approved.</summary>
    internal static string ApprovedFirst(string invoiceId, string? status, string what) =>
        $"invoice {invoiceId} was {status} and was approved first (Xero takes a {what} only on an approved invoice); it stays approved " +
        "(AUTHORISED)";

    /// <summary>Xero never changes a payment (delete it and record another); refused before any request.</summary>
    public Task<Payment> UpdateAsync(string id, PaymentChanges changes, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Payment, nameof(StoreOperations.Update));

    /// <summary>Xero has no archive for payments; refused before any request.</summary>
    public Task<Payment> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Payment, nameof(StoreOperations.Archive));

    /// <summary>Xero cannot bring back a deleted payment; refused before any request.</summary>
    public Task<Payment> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Payment, nameof(StoreOperations.Restore));

    /// <summary>Deletes a payment, which reopens its invoice; read first, so that a bill payment's id is not found here.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await GetAsync(id, cancellationToken);
        var call = Call("delete", id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        await Context.Http.SendAsync(call, t => Context.Accounting.DeletePaymentAsync(id, new PaymentDelete("DELETED"), tenant, Context.ConnectionId, t), cancellationToken);
    }

    protected override Task<IApiResponse<PaymentsResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.GetPaymentAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<PaymentsResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.ListPaymentsAsync(query, ifModifiedSince, tenantId, Context.ConnectionId, cancellationToken);

    protected override bool Belongs(PaymentWire wire) => wire.PaymentType == "ACCRECPAYMENT";

    protected override void ServerFilters(PaymentQuery query, XeroListQuery list) => list.Where = And(Clauses(query));

    protected override bool ServerFiltersExact(PaymentQuery query) => query.UpdatedSince is null && query.ContactId is null;

    protected override ValueTask<Func<PaymentWire, Payment>> MapperAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<PaymentWire, Payment>>(wire => Context.Mapping.Map<PaymentWire, Payment>(wire));

    private static IEnumerable<string> Clauses(PaymentQuery query)
    {
        yield return "PaymentType==\"ACCRECPAYMENT\"";
        if (query.States == RecordStates.Active)
        {
            yield return "Status==\"AUTHORISED\"";
        }
        else if (query.States == RecordStates.Deleted)
        {
            yield return "Status==\"DELETED\"";
        }

        if (query.InvoiceId is { } invoice)
        {
            yield return Guid.TryParseExact(invoice, "D", out var guid)
                ? $"Invoice.InvoiceID==Guid(\"{guid:D}\")"
                : "PaymentID==Guid(\"00000000-0000-0000-0000-000000000000\")";
        }

        foreach (var clause in DateRange("Date", query.Date))
        {
            yield return clause;
        }
    }
}
