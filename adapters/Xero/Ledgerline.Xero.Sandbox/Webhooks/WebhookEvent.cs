namespace Ledgerline.Xero.Sandbox.Webhooks;

/// <summary>One entry of a delivery's <c>events</c> array, as sent.</summary>
/// <param name="ResourceUrl">Where the record can be read (the sandbox's own Accounting API).</param>
/// <param name="ResourceId">The record's id (<c>ContactID</c>, <c>InvoiceID</c> or <c>CreditNoteID</c>).</param>
/// <param name="EventDateUtc">When the change happened (sandbox time, UTC; sent without a zone suffix, to the millisecond).</param>
/// <param name="EventType"><c>CREATE</c> or <c>UPDATE</c>.</param>
/// <param name="EventCategory"><c>CONTACT</c>, <c>INVOICE</c> or <c>CREDITNOTE</c>.</param>
/// <param name="TenantId">The organisation the change happened in.</param>
/// <param name="TenantType">Always <c>ORGANISATION</c> here.</param>
/// <param name="DataType">For <c>CREDITNOTE</c>: <c>data.Type</c> (<c>ACCRECCREDIT</c> or <c>ACCPAYCREDIT</c>); otherwise null.</param>
/// <param name="DataStatus">For <c>CREDITNOTE</c>: <c>data.Status</c> (e.g. <c>DRAFT</c>); otherwise null.</param>
public sealed record WebhookEvent(
    string ResourceUrl,
    Guid ResourceId,
    DateTime EventDateUtc,
    string EventType,
    string EventCategory,
    Guid TenantId,
    string TenantType,
    string? DataType = null,
    string? DataStatus = null);
