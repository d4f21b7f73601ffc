using Ledgerline.Xero.Http;
using Refit;

namespace Ledgerline.Xero.Api;

/// <summary>
/// The Accounting API's settings family (<c>accounting.settings</c>): items, tax rates, the chart of accounts and the
/// organisation, one method per endpoint. None of these lists is paged by Xero. Answers go through the one error table
/// (<see cref="XeroHttp"/>); every call names the organisation in <c>xero-tenant-id</c>.
/// </summary>
internal interface IXeroSettingsApi
{
    [Get("/api.xro/2.0/Items/{id}")]
    Task<IApiResponse<ItemsResult>> GetItemAsync(
        string id, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    /// <summary>Every item (Xero pages no item list); <c>where</c> narrows it, <c>If-Modified-Since</c> too.</summary>
    [Get("/api.xro/2.0/Items")]
    Task<IApiResponse<ItemsResult>> ListItemsAsync(
        [Query] XeroListQuery query, [Header("If-Modified-Since")] string? ifModifiedSince,
        [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/api.xro/2.0/Items")]
    Task<IApiResponse<ItemsResult>> CreateItemAsync(
        [Body(buffered: true)] ItemsBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Post("/api.xro/2.0/Items/{id}")]
    Task<IApiResponse<ItemsResult>> UpdateItemAsync(
        string id, [Body(buffered: true)] ItemsBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    /// <summary>Deletes an item for good (Xero answers 204).</summary>
    [Delete("/api.xro/2.0/Items/{id}")]
    Task<IApiResponse> DeleteItemAsync(
        string id, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/TaxRates/{taxType}")]
    Task<IApiResponse<TaxRatesResult>> GetTaxRateAsync(
        string taxType, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    /// <summary>Every tax rate, deleted ones included (Xero pages no tax rate list and has no <c>If-Modified-Since</c> here).</summary>
    [Get("/api.xro/2.0/TaxRates")]
    Task<IApiResponse<TaxRatesResult>> ListTaxRatesAsync(
        [Query] XeroListQuery query, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/api.xro/2.0/TaxRates")]
    Task<IApiResponse<TaxRatesResult>> CreateTaxRateAsync(
        [Body(buffered: true)] TaxRatesBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    /// <summary>Changes (or deletes, with <c>Status</c> <c>DELETED</c>) the tax rate the element's <c>TaxType</c> names.</summary>
    [Post("/api.xro/2.0/TaxRates")]
    Task<IApiResponse<TaxRatesResult>> UpdateTaxRateAsync(
        [Body(buffered: true)] TaxRatesBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    /// <summary>The chart of accounts, narrowed by <c>where</c> (e.g. one code).</summary>
    [Get("/api.xro/2.0/Accounts")]
    Task<IApiResponse<AccountsResult>> ListAccountsAsync(
        [Query] XeroListQuery query, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/Organisation")]
    Task<IApiResponse<OrganisationsResult>> GetOrganisationAsync(
        [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);
}
