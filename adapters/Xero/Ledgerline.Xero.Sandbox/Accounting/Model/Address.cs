namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A contact address slot (<c>POBOX</c> or <c>STREET</c>).</summary>
internal sealed record Address(string AddressType, string? AddressLine1, string? AddressLine2, string? City, string? Region, string? PostalCode, string? Country, string? AttentionTo);
