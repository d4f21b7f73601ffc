using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// Source-generated serialization metadata for every FreshBooks wire type, so no body is read or written by reflection.
/// It is the <see cref="JsonSerializerOptions.TypeInfoResolver"/> of <see cref="FreshBooksJson.Options"/>, whose strict
/// converters (FreshBooks' loose spellings) take precedence over the generated ones for strings, integers and booleans.
/// </summary>
/// <remarks>
/// The records read from FreshBooks have settable properties: the generated reader sets those directly, whereas init-only
/// properties go through its constructor path, which boxes every value into an argument array (measured on a page of 100
/// invoices: +147 KB and about 15 % slower). Bodies Ledgerline only writes keep <c>init</c>.
/// </remarks>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = FreshBooksJson.MaxDepth)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(MoneyWire))]
[JsonSerializable(typeof(ClientWire))]
[JsonSerializable(typeof(ClientWrite))]
[JsonSerializable(typeof(InvoiceWire))]
[JsonSerializable(typeof(InvoiceLineWire))]
[JsonSerializable(typeof(InvoiceWrite))]
[JsonSerializable(typeof(InvoiceLineWrite))]
[JsonSerializable(typeof(PaymentWire))]
[JsonSerializable(typeof(PaymentWrite))]
[JsonSerializable(typeof(ExpenseWire))]
[JsonSerializable(typeof(ExpenseWrite))]
[JsonSerializable(typeof(ExpenseCategoryWire))]
[JsonSerializable(typeof(TaxWire))]
[JsonSerializable(typeof(TaxWrite))]
[JsonSerializable(typeof(ItemWire))]
[JsonSerializable(typeof(ItemWrite))]
[JsonSerializable(typeof(ProjectWire))]
[JsonSerializable(typeof(ProjectWrite))]
[JsonSerializable(typeof(TimeEntryWire))]
[JsonSerializable(typeof(TimerWire))]
[JsonSerializable(typeof(TimeEntryWrite))]
[JsonSerializable(typeof(AccountingEnvelope<ClientResult>))]
[JsonSerializable(typeof(AccountingEnvelope<InvoiceResult>))]
[JsonSerializable(typeof(AccountingEnvelope<PaymentResult>))]
[JsonSerializable(typeof(AccountingEnvelope<ExpenseResult>))]
[JsonSerializable(typeof(AccountingEnvelope<ExpenseCategoryResult>))]
[JsonSerializable(typeof(AccountingEnvelope<TaxResult>))]
[JsonSerializable(typeof(AccountingEnvelope<ItemResult>))]
[JsonSerializable(typeof(ProjectResult))]
[JsonSerializable(typeof(TimeEntryResult))]
[JsonSerializable(typeof(ClientBody))]
[JsonSerializable(typeof(InvoiceBody))]
[JsonSerializable(typeof(PaymentBody))]
[JsonSerializable(typeof(ExpenseBody))]
[JsonSerializable(typeof(TaxBody))]
[JsonSerializable(typeof(ItemBody))]
[JsonSerializable(typeof(ProjectBody))]
[JsonSerializable(typeof(TimeEntryBody))]
[JsonSerializable(typeof(EstimateWire))]
[JsonSerializable(typeof(EstimateInvoiceWire))]
[JsonSerializable(typeof(EstimateWrite))]
[JsonSerializable(typeof(EstimateInvoiceWrite))]
[JsonSerializable(typeof(AccountingEnvelope<EstimateResult>))]
[JsonSerializable(typeof(EstimateBody))]
[JsonSerializable(typeof(EstimateInvoiceBody))]
[JsonSerializable(typeof(CreditNoteWire))]
[JsonSerializable(typeof(CreditNoteWrite))]
[JsonSerializable(typeof(AccountingEnvelope<CreditNoteResult>))]
[JsonSerializable(typeof(CreditNoteBody))]
[JsonSerializable(typeof(CreditPaymentWire))]
[JsonSerializable(typeof(CreditPaymentWrite))]
[JsonSerializable(typeof(AccountingEnvelope<CreditPaymentResult>))]
[JsonSerializable(typeof(CreditPaymentBody))]
[JsonSerializable(typeof(BillVendorWire))]
[JsonSerializable(typeof(BillVendorWrite))]
[JsonSerializable(typeof(AccountingEnvelope<BillVendorResult>))]
[JsonSerializable(typeof(BillVendorBody))]
[JsonSerializable(typeof(BillWire))]
[JsonSerializable(typeof(BillWrite))]
[JsonSerializable(typeof(AccountingEnvelope<BillResult>))]
[JsonSerializable(typeof(BillBody))]
[JsonSerializable(typeof(BillPaymentWire))]
[JsonSerializable(typeof(BillPaymentWrite))]
[JsonSerializable(typeof(AccountingEnvelope<BillPaymentResult>))]
[JsonSerializable(typeof(BillPaymentBody))]
[JsonSerializable(typeof(IdentityResult))]
internal sealed partial class FreshBooksJsonContext : JsonSerializerContext;
