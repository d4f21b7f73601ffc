namespace Ledgerline.Xero.Errors;

/// <summary>One line (<c>LineItems[Index]</c>) of an element Xero refused, as echoed in its <c>ValidationException</c>.</summary>
/// <param name="Index">The line's position in the element, which is the canonical line's (lines are written one for one, in order).</param>
/// <param name="TaxType">The line's <c>TaxType</c> as echoed.</param>
/// <param name="AccountCode">The line's <c>AccountCode</c> as echoed.</param>
/// <param name="Messages">The validation messages Xero put on the line itself.</param>
internal sealed record XeroErrorLine(int Index, string? TaxType, string? AccountCode, IReadOnlyList<string> Messages);
