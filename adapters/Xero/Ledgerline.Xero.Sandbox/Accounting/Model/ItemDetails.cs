namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>An item's sales or purchase defaults (Xero's <c>Purchase</c> schema): unit price, account, tax type.</summary>
internal sealed record ItemDetails(decimal? UnitPrice, string? AccountCode, string? TaxType);
