using Ledgerline.Xero.Sandbox.Accounting;
using Ledgerline.Xero.Sandbox.Identity;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>One Accounting API collection, as the router sees it after the token and tenant checks.</summary>
internal interface IAccountingResource
{
    /// <summary>Path segment and response key, e.g. <c>Invoices</c>.</summary>
    string Name { get; }

    Task HandleAsync(HttpContext context, Grant grant, TenantBook book, string? id);
}
