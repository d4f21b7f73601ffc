using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// The accounting family: <c>/accounting/account/{accountId}/…</c>, one method per endpoint, each answering the entity's
/// result object in FreshBooks' <c>{"response":{"result":…}}</c> envelope. Answers come back as
/// <see cref="IApiResponse{T}"/> so that every status and body goes through the one error table
/// (<see cref="FreshBooksHttp"/>); bodies are buffered so that the auth handler may send a request again after a refresh.
/// </summary>
/// <remarks>
/// The listings the stores page through answer <see cref="HttpContent"/> (the <see cref="FreshBooksBody"/> the body handler
/// holds) and are read typed by the store (<see cref="FreshBooksEnvelope.Deserialize{T}"/>, the same metadata and strict
/// converters as the content serializer): Refit buffers every typed answer again before deserializing it
/// (<c>TryBufferContentAsync</c>), a second copy of a page of a few hundred KB, on the large object heap, for every page.
/// An <see cref="HttpContent"/> answer is handed over as it is (benchmarks/README.md, 2026-11-30 afternoon).
/// </remarks>
internal interface IFreshBooksAccountingApi
{
    [Get("/accounting/account/{accountId}/users/clients/{id}")]
    Task<IApiResponse<AccountingEnvelope<ClientResult>>> GetClientAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;ClientResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/users/clients")]
    Task<IApiResponse<HttpContent>> ListClientsAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/users/clients")]
    Task<IApiResponse<AccountingEnvelope<ClientResult>>> CreateClientAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] ClientBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/users/clients/{id}")]
    Task<IApiResponse<AccountingEnvelope<ClientResult>>> UpdateClientAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] ClientBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/invoices/invoices/{id}")]
    Task<IApiResponse<AccountingEnvelope<InvoiceResult>>> GetInvoiceAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;InvoiceResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/invoices/invoices")]
    Task<IApiResponse<HttpContent>> ListInvoicesAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/invoices/invoices")]
    Task<IApiResponse<AccountingEnvelope<InvoiceResult>>> CreateInvoiceAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] InvoiceBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/invoices/invoices/{id}")]
    Task<IApiResponse<AccountingEnvelope<InvoiceResult>>> UpdateInvoiceAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] InvoiceBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/payments/payments/{id}")]
    Task<IApiResponse<AccountingEnvelope<PaymentResult>>> GetPaymentAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;PaymentResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/payments/payments")]
    Task<IApiResponse<HttpContent>> ListPaymentsAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/payments/payments")]
    Task<IApiResponse<AccountingEnvelope<PaymentResult>>> CreatePaymentAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] PaymentBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/payments/payments/{id}")]
    Task<IApiResponse<AccountingEnvelope<PaymentResult>>> UpdatePaymentAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] PaymentBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/expenses/expenses/{id}")]
    Task<IApiResponse<AccountingEnvelope<ExpenseResult>>> GetExpenseAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;ExpenseResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/expenses/expenses")]
    Task<IApiResponse<HttpContent>> ListExpensesAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/expenses/expenses")]
    Task<IApiResponse<AccountingEnvelope<ExpenseResult>>> CreateExpenseAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] ExpenseBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/expenses/expenses/{id}")]
    Task<IApiResponse<AccountingEnvelope<ExpenseResult>>> UpdateExpenseAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] ExpenseBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/expenses/categories")]
    Task<IApiResponse<AccountingEnvelope<ExpenseCategoryResult>>> ListExpenseCategoriesAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/taxes/taxes/{id}")]
    Task<IApiResponse<AccountingEnvelope<TaxResult>>> GetTaxAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;TaxResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/taxes/taxes")]
    Task<IApiResponse<HttpContent>> ListTaxesAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/taxes/taxes")]
    Task<IApiResponse<AccountingEnvelope<TaxResult>>> CreateTaxAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] TaxBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/taxes/taxes/{id}")]
    Task<IApiResponse<AccountingEnvelope<TaxResult>>> UpdateTaxAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] TaxBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>Deletes a tax for good (taxes have no <c>vis_state</c>); FreshBooks answers <c>{"response":{}}</c>.</summary>
    [Delete("/accounting/account/{accountId}/taxes/taxes/{id}")]
    Task<IApiResponse> DeleteTaxAsync(
        string accountId,
        long id,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/items/items/{id}")]
    Task<IApiResponse<AccountingEnvelope<ItemResult>>> GetItemAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;ItemResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/items/items")]
    Task<IApiResponse<HttpContent>> ListItemsAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/items/items")]
    Task<IApiResponse<AccountingEnvelope<ItemResult>>> CreateItemAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] ItemBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/items/items/{id}")]
    Task<IApiResponse<AccountingEnvelope<ItemResult>>> UpdateItemAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] ItemBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/estimates/estimates/{id}")]
    Task<IApiResponse<AccountingEnvelope<EstimateResult>>> GetEstimateAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;EstimateResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/estimates/estimates")]
    Task<IApiResponse<HttpContent>> ListEstimatesAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/estimates/estimates")]
    Task<IApiResponse<AccountingEnvelope<EstimateResult>>> CreateEstimateAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] EstimateBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/estimates/estimates/{id}")]
    Task<IApiResponse<AccountingEnvelope<EstimateResult>>> UpdateEstimateAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] EstimateBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>Creates an invoice from an estimate (<c>estimateid</c> set); FreshBooks has no convert endpoint.</summary>
    [Post("/accounting/account/{accountId}/invoices/invoices")]
    Task<IApiResponse<AccountingEnvelope<InvoiceResult>>> CreateInvoiceFromEstimateAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] EstimateInvoiceBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/credit_notes/credit_notes/{id}")]
    Task<IApiResponse<AccountingEnvelope<CreditNoteResult>>> GetCreditNoteAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;CreditNoteResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/credit_notes/credit_notes")]
    Task<IApiResponse<HttpContent>> ListCreditNotesAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/credit_notes/credit_notes")]
    Task<IApiResponse<AccountingEnvelope<CreditNoteResult>>> CreateCreditNoteAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] CreditNoteBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/credit_notes/credit_notes/{id}")]
    Task<IApiResponse<AccountingEnvelope<CreditNoteResult>>> UpdateCreditNoteAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] CreditNoteBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>Spends a credit note on an invoice: a payment of type Credit naming it (FreshBooks has no apply-credit endpoint).</summary>
    [Post("/accounting/account/{accountId}/payments/payments")]
    Task<IApiResponse<AccountingEnvelope<PaymentResult>>> CreateCreditPaymentAsync(
        string accountId,
        [Body(buffered: true)] CreditPaymentBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>The payments that spent a credit note (<c>search[creditid]</c>).</summary>
    [Get("/accounting/account/{accountId}/payments/payments")]
    Task<IApiResponse<AccountingEnvelope<CreditPaymentResult>>> ListCreditPaymentsAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/bill_vendors/bill_vendors/{id}")]
    Task<IApiResponse<AccountingEnvelope<BillVendorResult>>> GetBillVendorAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;BillVendorResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/bill_vendors/bill_vendors")]
    Task<IApiResponse<HttpContent>> ListBillVendorsAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/bill_vendors/bill_vendors")]
    Task<IApiResponse<AccountingEnvelope<BillVendorResult>>> CreateBillVendorAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] BillVendorBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/bill_vendors/bill_vendors/{id}")]
    Task<IApiResponse<AccountingEnvelope<BillVendorResult>>> UpdateBillVendorAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] BillVendorBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/bills/bills/{id}")]
    Task<IApiResponse<AccountingEnvelope<BillResult>>> GetBillAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;BillResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/bills/bills")]
    Task<IApiResponse<HttpContent>> ListBillsAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/bills/bills")]
    Task<IApiResponse<AccountingEnvelope<BillResult>>> CreateBillAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] BillBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/bills/bills/{id}")]
    Task<IApiResponse<AccountingEnvelope<BillResult>>> UpdateBillAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] BillBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/accounting/account/{accountId}/bill_payments/bill_payments/{id}")]
    Task<IApiResponse<AccountingEnvelope<BillPaymentResult>>> GetBillPaymentAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    /// <summary>A page of the listing: the body as <see cref="FreshBooksBodyHandler"/> read it, an <c>AccountingEnvelope&lt;BillPaymentResult&gt;</c> that the store reads typed (see the interface remarks).</summary>

    [Get("/accounting/account/{accountId}/bill_payments/bill_payments")]
    Task<IApiResponse<HttpContent>> ListBillPaymentsAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/accounting/account/{accountId}/bill_payments/bill_payments")]
    Task<IApiResponse<AccountingEnvelope<BillPaymentResult>>> CreateBillPaymentAsync(
        string accountId,
        [Query] AccountingSearch query,
        [Body(buffered: true)] BillPaymentBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/accounting/account/{accountId}/bill_payments/bill_payments/{id}")]
    Task<IApiResponse<AccountingEnvelope<BillPaymentResult>>> UpdateBillPaymentAsync(
        string accountId,
        long id,
        [Query] AccountingSearch query,
        [Body(buffered: true)] BillPaymentBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);
}
