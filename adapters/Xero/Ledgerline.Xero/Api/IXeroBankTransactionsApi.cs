using Ledgerline.Xero.Http;
using Refit;

namespace Ledgerline.Xero.Api;

/// <summary>
/// The Accounting API's bank transactions (spent and received money; <c>accounting.transactions</c>), one method per
/// endpoint. Answers go through the one error table (<see cref="XeroHttp"/>).
/// </summary>
internal interface IXeroBankTransactionsApi
{
    [Get("/api.xro/2.0/BankTransactions/{id}")]
    Task<IApiResponse<BankTransactionsResult>> GetBankTransactionAsync(
        string id, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/api.xro/2.0/BankTransactions")]
    Task<IApiResponse<BankTransactionsResult>> ListBankTransactionsAsync(
        [Query] XeroListQuery query, [Header("If-Modified-Since")] string? ifModifiedSince,
        [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/api.xro/2.0/BankTransactions")]
    Task<IApiResponse<BankTransactionsResult>> CreateBankTransactionAsync(
        [Body(buffered: true)] BankTransactionsBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    /// <summary>Changes one bank transaction; <c>{"Status":"DELETED"}</c> deletes it.</summary>
    [Post("/api.xro/2.0/BankTransactions/{id}")]
    Task<IApiResponse<BankTransactionsResult>> UpdateBankTransactionAsync(
        string id, [Body(buffered: true)] BankTransactionsBody body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);
}
