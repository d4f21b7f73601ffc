using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Stores;

/// <summary>Refusals of input Xero cannot take, raised before any request.</summary>
internal static class XeroRefusal
{
    /// <summary>A validation error on one field, with nothing sent.</summary>
    public static LedgerValidationException Field(string field, string message) =>
        new([new FieldError(field, message, "NotSupportedByXero")]) { Provider = XeroRequest.ProviderName };
}
