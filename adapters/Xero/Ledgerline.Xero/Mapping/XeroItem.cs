using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>A Xero item with the organisation's base currency, in which Xero keeps item prices (they carry none).</summary>
internal sealed record XeroItem(ItemWire Wire, CurrencyCode Currency);
