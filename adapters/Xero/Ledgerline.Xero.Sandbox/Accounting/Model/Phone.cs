namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A contact phone slot (<c>DEFAULT</c>, <c>DDI</c>, <c>MOBILE</c>, <c>FAX</c>).</summary>
internal sealed record Phone(string PhoneType, string? PhoneNumber, string? PhoneAreaCode, string? PhoneCountryCode);
