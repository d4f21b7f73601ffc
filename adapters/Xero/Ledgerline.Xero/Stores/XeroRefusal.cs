using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Stores;

/// <summary>Refusals of input Xero cannot take, raised before any request.</summary>
internal static class XeroRefusal
{
    /// <summary>The code of a refusal of input Xero cannot take.</summary>
    public const string NotSupportedCode = "NotSupportedByXero";

    /// <summary>A validation error on one field, with nothing sent.</summary>
    public static LedgerValidationException Field(string field, string message) =>
        new([new FieldError(field, message, NotSupportedCode)]) { Provider = XeroRequest.ProviderName };

    /// <summary>
    /// Refuses, before any request, a value longer than Xero documents for the member it is written to (the maximum
    /// lengths of Xero's Accounting API: e.g. <c>InvoiceNumber</c> and a contact's <c>Name</c> 255 characters). Values of
    /// members without a documented limit are sent, and Xero's refusal is named by field by the error table.
    /// </summary>
    public static void MaxLength(string field, string? value, int max, string xeroMember)
    {
        if (value is not null && value.Length > max)
        {
            throw new LedgerValidationException([new FieldError(field,
                $"Xero takes at most {max} characters in {xeroMember}; this value has {value.Length}.", "TooLong")])
            {
                Provider = XeroRequest.ProviderName,
            };
        }
    }

    /// <summary>Refuses, as not found and before any request, an id of another record that is not a GUID (all Xero's ids are).</summary>
    public static void RequireGuid(EntityKind entity, string? id)
    {
        if (id is not null && !Guid.TryParseExact(id, "D", out _))
        {
            throw new RecordNotFoundException(entity, id) { Provider = XeroRequest.ProviderName };
        }
    }
}
