using System.Text.Json.Serialization;

namespace Ledgerline.InMemory.Idempotency;

/// <summary>Every input a create with an idempotency key can carry, serialized to compare a repeat with the first call.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(NewContact))]
[JsonSerializable(typeof(NewInvoice))]
[JsonSerializable(typeof(NewPayment))]
[JsonSerializable(typeof(NewExpense))]
[JsonSerializable(typeof(NewTimeEntry))]
[JsonSerializable(typeof(NewItem))]
[JsonSerializable(typeof(NewTaxRate))]
[JsonSerializable(typeof(NewEstimate))]
[JsonSerializable(typeof(NewCreditNote))]
[JsonSerializable(typeof(NewCreditAllocation))]
[JsonSerializable(typeof(NewVendor))]
[JsonSerializable(typeof(NewBill))]
[JsonSerializable(typeof(NewBillPayment))]
[JsonSerializable(typeof(NewProject))]
internal sealed partial class InMemoryDraftJsonContext : JsonSerializerContext;
