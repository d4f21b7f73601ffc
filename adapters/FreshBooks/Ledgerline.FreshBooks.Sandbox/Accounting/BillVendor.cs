using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>A supplier bills come from. FreshBooks keys it by <c>vendorid</c> only.</summary>
internal sealed class BillVendor : Entity
{
    public static readonly string[] TextFields =
    [
        "vendor_name", "primary_contact_first_name", "primary_contact_last_name", "primary_contact_email", "phone",
        "website", "account_number", "street", "street2", "city", "province", "postal_code", "country",
        "currency_code", "language", "note",
    ];

    public bool Is1099 { get; set; }

    /// <summary>Default taxes: sandbox tax ids, each enabled or not.</summary>
    public List<(int TaxId, bool Enabled)> TaxDefaults { get; set; } = [];

    public override Entity Copy()
    {
        var copy = (BillVendor)base.Copy();
        copy.TaxDefaults = [.. TaxDefaults];
        return copy;
    }
}
