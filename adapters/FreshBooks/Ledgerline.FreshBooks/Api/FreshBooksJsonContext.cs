using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// Source-generated serialization metadata for every FreshBooks wire type, so no body is read or written by reflection.
/// It is the <see cref="JsonSerializerOptions.TypeInfoResolver"/> of <see cref="FreshBooksJson.Options"/>, whose strict
/// converters (FreshBooks' loose spellings) take precedence over the generated ones for strings, integers and booleans.
/// </summary>
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
[JsonSerializable(typeof(TimeEntryWire))]
[JsonSerializable(typeof(TimerWire))]
[JsonSerializable(typeof(TimeEntryWrite))]
[JsonSerializable(typeof(AccountingEnvelope<ClientResult>))]
[JsonSerializable(typeof(AccountingEnvelope<InvoiceResult>))]
[JsonSerializable(typeof(AccountingEnvelope<PaymentResult>))]
[JsonSerializable(typeof(AccountingEnvelope<ExpenseResult>))]
[JsonSerializable(typeof(AccountingEnvelope<ExpenseCategoryResult>))]
[JsonSerializable(typeof(TimeEntryResult))]
[JsonSerializable(typeof(ClientBody))]
[JsonSerializable(typeof(InvoiceBody))]
[JsonSerializable(typeof(PaymentBody))]
[JsonSerializable(typeof(ExpenseBody))]
[JsonSerializable(typeof(TimeEntryBody))]
internal sealed partial class FreshBooksJsonContext : JsonSerializerContext;
