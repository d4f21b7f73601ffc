using Ledgerline.Xero.Api;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Bill payments over Xero payments of bills (<c>/Payments</c>, <c>PaymentType</c> <c>ACCPAYPAYMENT</c>; payments of sales
/// invoices are never read here). Created with <c>PUT</c> from the bank account <see cref="XeroOptions.PaymentAccountCode"/>,
/// after reading the bill: a missing bill is not found, an amount in another currency or above the amount due is refused,
/// with nothing written; a draft bill (entered in Xero's app) is approved first, as Xero pays only approved bills. Deleted
/// with <c>POST /Payments/{id}</c> <c>{"Status":"DELETED"}</c> after reading it (an invoice payment's id is not found
/// here), which reopens the bill. Xero never changes a payment, so update, archive and restore are refused before any
/// request, as is a payment method (Xero keeps none).
/// Filters: <c>BillId</c> and <c>Date</c> (<c>where</c>), <c>UpdatedSince</c> (<c>If-Modified-Since</c>, then exact);
/// states are <c>AUTHORISED</c> and <c>DELETED</c>.
/// </summary>
internal sealed class XeroBillPaymentStore(XeroLedgerContext context, XeroBillStore bills)
    : XeroStore<BillPayment, BillPaymentQuery, PaymentWire, PaymentsResult>(context), IBillPaymentStore
{
    protected override EntityKind Entity => EntityKind.BillPayment;

    protected override string ListKey => PaymentsResult.ListKey;

    public Task<BillPayment> CreateAsync(NewBillPayment draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<BillPayment> CreateAsync(NewBillPayment draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Method is { Length: > 0 })
        {
            throw XeroRefusal.Field(nameof(NewBillPayment.Method), "Xero keeps no payment method.");
        }

        var account = Context.Options.PaymentAccountCode
            ?? throw new LedgerlineException(
                $"Xero records a payment against an account: set {nameof(XeroOptions)}.{nameof(XeroOptions.PaymentAccountCode)} (e.g. a bank account's code).")
            {
                Provider = XeroRequest.ProviderName,
            };
        var bill = await bills.GetAsync(draft.BillId, cancellationToken);
        if (bill.Currency != draft.Amount.Currency)
        {
            throw XeroRefusal.Field(nameof(NewBillPayment.Amount),
                $"The payment is in {draft.Amount.Currency} but bill {draft.BillId} is in {bill.Currency}; Xero records a payment in its bill's currency.");
        }

        // Checked before a draft is approved: Xero refuses an overpayment, but only after the approval was written. A keyed
        // repeat whose first attempt was applied finds the bill already paid down: the check is then Xero's, which answers
        // the repeat with the first payment (or refuses an overpayment typed); a draft cannot have been paid, so it is
        // always checked here.
        if (options?.IdempotencyKey is null || bill.ProviderStatus is "DRAFT" or "SUBMITTED")
        {
            Ledgerline.Validation.PaymentLimit.RequireWithinDue(draft.Amount, EntityKind.Bill, bill.Id, bill.AmountDue, XeroRequest.ProviderName);
        }

        // The payment's scope is checked before the approval, so a connection that may not record payments changes nothing.
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        if (bill.ProviderStatus is "DRAFT" or "SUBMITTED")
        {
            await bills.ApproveAsync(draft.BillId, cancellationToken);
            call = call with
            {
                DoneBefore = $"bill {draft.BillId} was {bill.ProviderStatus} and was approved first (Xero takes a payment only on an approved bill); " +
                    "it stays approved (AUTHORISED)",
            };
        }

        var body = new PaymentWrite
        {
            Invoice = new InvoiceRefWrite(draft.BillId),
            Account = new AccountRefWrite(account),
            Date = XeroValues.Format(draft.Date),
            Amount = draft.Amount.Amount,
            Reference = draft.Note,
        };
        var answer = await Context.Http.SendAsync(call, t => Context.Accounting.CreatePaymentAsync(new PaymentsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, string.Empty, cancellationToken);
    }

    /// <summary>Xero never changes a payment (delete it and record another); refused before any request.</summary>
    public Task<BillPayment> UpdateAsync(string id, BillPaymentChanges changes, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.BillPayment, nameof(StoreOperations.Update));

    /// <summary>Xero has no archive for payments; refused before any request.</summary>
    public Task<BillPayment> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.BillPayment, nameof(StoreOperations.Archive));

    /// <summary>Xero cannot bring back a deleted payment; refused before any request.</summary>
    public Task<BillPayment> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.BillPayment, nameof(StoreOperations.Restore));

    /// <summary>Deletes a bill payment, which reopens its bill; read first, so that a sales invoice's payment is not found here.</summary>
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

    protected override bool Belongs(PaymentWire wire) => wire.PaymentType == "ACCPAYPAYMENT";

    protected override void ServerFilters(BillPaymentQuery query, XeroListQuery list) => list.Where = And(Clauses(query));

    protected override bool ServerFiltersExact(BillPaymentQuery query) => query.UpdatedSince is null;

    protected override ValueTask<Func<PaymentWire, BillPayment>> MapperAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<PaymentWire, BillPayment>>(wire => Context.Mapping.Map<PaymentWire, BillPayment>(wire));

    private static IEnumerable<string> Clauses(BillPaymentQuery query)
    {
        yield return "PaymentType==\"ACCPAYPAYMENT\"";
        if (query.States == RecordStates.Active)
        {
            yield return "Status==\"AUTHORISED\"";
        }
        else if (query.States == RecordStates.Deleted)
        {
            yield return "Status==\"DELETED\"";
        }

        if (query.BillId is { } bill)
        {
            yield return Guid.TryParseExact(bill, "D", out var guid)
                ? $"Invoice.InvoiceID==Guid(\"{guid:D}\")"
                : "PaymentID==Guid(\"00000000-0000-0000-0000-000000000000\")";
        }

        foreach (var clause in DateRange("Date", query.Date))
        {
            yield return clause;
        }
    }
}
