using Ledgerline.Xero.Http;
using Refit;

namespace Ledgerline.Xero.Api;

/// <summary>
/// The Accounting API (<c>/api.xro/2.0/…</c>), one method per endpoint, each answering the resource's plural envelope.
/// Answers come back as <see cref="IApiResponse{T}"/> so that every status and body goes through the one error table
/// (<see cref="XeroHttp"/>). Every call names the organisation in <c>xero-tenant-id</c>; lists may carry
/// <c>If-Modified-Since</c> (left out when null).
/// </summary>
internal interface IXeroAccountingApi
{
    [Get("/api.xro/2.0/Contacts/{id}")]
    Task<IApiResponse<ContactsResult>> GetContactAsync(
        string id, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/Contacts")]
    Task<IApiResponse<ContactsResult>> ListContactsAsync(
        [Query] XeroListQuery query, [Header("If-Modified-Since")] string? ifModifiedSince,
        [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/api.xro/2.0/Contacts")]
    Task<IApiResponse<ContactsResult>> CreateContactAsync(
        [Body(buffered: true)] ContactsBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Post("/api.xro/2.0/Contacts/{id}")]
    Task<IApiResponse<ContactsResult>> UpdateContactAsync(
        string id, [Body(buffered: true)] ContactsBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/Invoices/{id}")]
    Task<IApiResponse<InvoicesResult>> GetInvoiceAsync(
        string id, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/Invoices")]
    Task<IApiResponse<InvoicesResult>> ListInvoicesAsync(
        [Query] XeroListQuery query, [Header("If-Modified-Since")] string? ifModifiedSince,
        [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/api.xro/2.0/Invoices")]
    Task<IApiResponse<InvoicesResult>> CreateInvoiceAsync(
        [Body(buffered: true)] InvoicesBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Post("/api.xro/2.0/Invoices/{id}")]
    Task<IApiResponse<InvoicesResult>> UpdateInvoiceAsync(
        string id, [Body(buffered: true)] InvoicesBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/Payments/{id}")]
    Task<IApiResponse<PaymentsResult>> GetPaymentAsync(
        string id, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/Payments")]
    Task<IApiResponse<PaymentsResult>> ListPaymentsAsync(
        [Query] XeroListQuery query, [Header("If-Modified-Since")] string? ifModifiedSince,
        [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/api.xro/2.0/Payments")]
    Task<IApiResponse<PaymentsResult>> CreatePaymentAsync(
        [Body(buffered: true)] PaymentsBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    /// <summary>Deletes a payment: <c>POST /Payments/{id}</c> with <c>{"Status":"DELETED"}</c> (Xero never updates a payment otherwise).</summary>
    [Post("/api.xro/2.0/Payments/{id}")]
    Task<IApiResponse<PaymentsResult>> DeletePaymentAsync(
        string id, [Body(buffered: true)] PaymentDelete body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/CreditNotes/{id}")]
    Task<IApiResponse<CreditNotesResult>> GetCreditNoteAsync(
        string id, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/CreditNotes")]
    Task<IApiResponse<CreditNotesResult>> ListCreditNotesAsync(
        [Query] XeroListQuery query, [Header("If-Modified-Since")] string? ifModifiedSince,
        [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/api.xro/2.0/CreditNotes")]
    Task<IApiResponse<CreditNotesResult>> CreateCreditNoteAsync(
        [Body(buffered: true)] CreditNotesBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Post("/api.xro/2.0/CreditNotes/{id}")]
    Task<IApiResponse<CreditNotesResult>> UpdateCreditNoteAsync(
        string id, [Body(buffered: true)] CreditNotesBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    /// <summary>Applies part of a credit note to an invoice (Xero answers the allocations made).</summary>
    [Put("/api.xro/2.0/CreditNotes/{id}/Allocations")]
    Task<IApiResponse<AllocationsResult>> AllocateCreditNoteAsync(
        string id, [Body(buffered: true)] AllocationsBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/TaxRates")]
    Task<IApiResponse<TaxRatesResult>> ListTaxRatesAsync(
        [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/Quotes/{id}")]
    Task<IApiResponse<QuotesResult>> GetQuoteAsync(
        string id, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/Quotes")]
    Task<IApiResponse<QuotesResult>> ListQuotesAsync(
        [Query] XeroListQuery query, [Header("If-Modified-Since")] string? ifModifiedSince,
        [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/api.xro/2.0/Quotes")]
    Task<IApiResponse<QuotesResult>> CreateQuoteAsync(
        [Body(buffered: true)] QuotesBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    /// <summary>Changes one quote, its status included (Xero has no other verb for sending, accepting, declining or deleting).</summary>
    [Post("/api.xro/2.0/Quotes/{id}")]
    Task<IApiResponse<QuotesResult>> UpdateQuoteAsync(
        string id, [Body(buffered: true)] QuotesBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);
}
