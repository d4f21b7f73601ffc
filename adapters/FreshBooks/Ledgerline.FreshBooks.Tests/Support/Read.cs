using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.FreshBooks.Stores;
using Ledgerline.Mapping;

namespace Ledgerline.FreshBooks.Tests.Support;

/// <summary>Reads one record from a body exactly as the stores do: typed envelope, then the adapter's mapping.</summary>
internal static class Read
{
    public static TRecord Record<TRecord>(FreshBooksResponse response, bool keepRaw = true, LedgerMapper<FreshBooksMapping>? mapper = null)
        where TRecord : LedgerRecord
    {
        var map = mapper ?? FreshBooksMapping.Mapper;
        object record = typeof(TRecord) switch
        {
            var t when t == typeof(Contact) => Accounting<ClientResult, ClientWire, Contact>(response, AccountingEntities.Contacts.Path, keepRaw, map),
            var t when t == typeof(Invoice) => Accounting<InvoiceResult, InvoiceWire, Invoice>(response, AccountingEntities.Invoices.Path, keepRaw, map),
            var t when t == typeof(Payment) => Accounting<PaymentResult, PaymentWire, Payment>(response, AccountingEntities.Payments.Path, keepRaw, map),
            var t when t == typeof(Expense) => Accounting<ExpenseResult, ExpenseWire, Expense>(response, AccountingEntities.Expenses.Path, keepRaw, map),
            var t when t == typeof(TimeEntry) => TimeTracking(response, keepRaw, map),
            var t when t == typeof(TaxRate) => Accounting<TaxResult, TaxWire, TaxRate>(response, AccountingEntities.TaxRates.Path, keepRaw, map),
            var t when t == typeof(Project) => Projects(response, keepRaw, null, map),
            var t when t == typeof(Item) => Accounting<ItemResult, ItemWire, Item>(response, AccountingEntities.Items.Path, keepRaw, map),
            var t when t == typeof(Estimate) => Accounting<EstimateResult, EstimateWire, Estimate>(response, AccountingEntities.Estimates.Path, keepRaw, map),
            var t when t == typeof(CreditNote) => Accounting<CreditNoteResult, CreditNoteWire, CreditNote>(response, AccountingEntities.CreditNotes.Path, keepRaw, map),
            var t when t == typeof(Vendor) => Accounting<BillVendorResult, BillVendorWire, Vendor>(response, AccountingEntities.Vendors.Path, keepRaw, map),
            var t when t == typeof(Bill) => Accounting<BillResult, BillWire, Bill>(response, AccountingEntities.Bills.Path, keepRaw, map),
            var t when t == typeof(BillPayment) => Accounting<BillPaymentResult, BillPaymentWire, BillPayment>(response, RecordPath.Accounting(BillPaymentResult.SingleKey, BillPaymentResult.ListKey), keepRaw, map),
            _ => throw new ArgumentException($"No FreshBooks reader for {typeof(TRecord).Name}."),
        };
        return (TRecord)record;
    }

    private static TRecord Accounting<TResult, TWire, TRecord>(FreshBooksResponse response, RecordPath path, bool keepRaw, LedgerMapper<FreshBooksMapping> mapper)
        where TResult : class, IWireResult<TWire>
        where TRecord : LedgerRecord
    {
        var answer = FreshBooksEnvelope.Deserialize<AccountingEnvelope<TResult>>(response);
        return FreshBooksEnvelope.Single<TWire, TRecord>(response, FreshBooksEnvelope.Result(answer, path), path, keepRaw,
            mapper.Map<TWire, TRecord>);
    }

    /// <summary>A project, its amounts in <paramref name="currency"/> as the store passes its client's currency.</summary>
    public static Project Projects(FreshBooksResponse response, bool keepRaw, CurrencyCode? currency, LedgerMapper<FreshBooksMapping>? mapper = null)
    {
        var path = RecordPath.Root(ProjectResult.SingleKey, ProjectResult.ListKey);
        var answer = FreshBooksEnvelope.Deserialize<ProjectResult>(response);
        return FreshBooksEnvelope.Single<ProjectWire, Project>(response, FreshBooksEnvelope.Result(answer, path), path, keepRaw,
            w => (mapper ?? FreshBooksMapping.Mapper).Map<ProjectWire, CurrencyCode?, Project>(w, ProjectRegister.CurrencyParameter, currency));
    }

    private static TimeEntry TimeTracking(FreshBooksResponse response, bool keepRaw, LedgerMapper<FreshBooksMapping> mapper)
    {
        var path = RecordPath.Root(TimeEntryResult.SingleKey, TimeEntryResult.ListKey);
        var answer = FreshBooksEnvelope.Deserialize<TimeEntryResult>(response);
        return FreshBooksEnvelope.Single<TimeEntryWire, TimeEntry>(response, FreshBooksEnvelope.Result(answer, path), path, keepRaw,
            mapper.Map<TimeEntryWire, TimeEntry>);
    }
}
