using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>
/// Source-generated serialization metadata for every Xero wire type, so no body is read or written by reflection. Money
/// and quantities are read as <see cref="decimal"/> straight from the JSON number's text (never through a double).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = XeroJson.MaxDepth)]
[JsonSerializable(typeof(ContactsResult))]
[JsonSerializable(typeof(ContactsBody))]
[JsonSerializable(typeof(InvoicesResult))]
[JsonSerializable(typeof(InvoicesBody))]
[JsonSerializable(typeof(PaymentsResult))]
[JsonSerializable(typeof(PaymentsBody))]
[JsonSerializable(typeof(PaymentDelete))]
[JsonSerializable(typeof(TaxRatesResult))]
[JsonSerializable(typeof(CreditNotesResult))]
[JsonSerializable(typeof(CreditNotesBody))]
[JsonSerializable(typeof(AllocationsResult))]
[JsonSerializable(typeof(AllocationsBody))]
[JsonSerializable(typeof(TaxRatesBody))]
[JsonSerializable(typeof(ItemsResult))]
[JsonSerializable(typeof(ItemsBody))]
[JsonSerializable(typeof(OrganisationsResult))]
[JsonSerializable(typeof(AccountsResult))]
[JsonSerializable(typeof(BankTransactionsResult))]
[JsonSerializable(typeof(BankTransactionsBody))]
[JsonSerializable(typeof(QuotesResult))]
[JsonSerializable(typeof(QuotesBody))]
internal sealed partial class XeroJsonContext : JsonSerializerContext;

/// <summary>The serializer options of every Xero body.</summary>
internal static class XeroJson
{
    /// <summary>The deepest nesting read (Xero's documents are a few levels deep).</summary>
    public const int MaxDepth = 32;

    /// <summary>Options over <see cref="XeroJsonContext"/>.</summary>
    public static JsonSerializerOptions Options { get; } = new(XeroJsonContext.Default.Options);

    /// <summary>Options for reading a body as a document (raw representations, error bodies).</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth };
}
