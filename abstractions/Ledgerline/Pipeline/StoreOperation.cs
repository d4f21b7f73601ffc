namespace Ledgerline;

/// <summary>The store method a <see cref="StoreRequest"/> stands for.</summary>
public enum StoreOperation
{
    /// <summary><c>GetAsync</c>: <see cref="StoreRequest.Id"/> is set; the result is the record.</summary>
    Get,

    /// <summary><c>ListAsync</c>: <see cref="StoreRequest.Query"/> is set; records stream through <see cref="StoreMiddleware.ListAsync"/>.</summary>
    List,

    /// <summary><c>ListPageAsync</c>: <see cref="StoreRequest.Query"/> and, after the first page, <see cref="StoreRequest.Cursor"/>; the result is an <see cref="IPage"/>.</summary>
    ListPage,

    /// <summary><c>CreateAsync</c>: <see cref="StoreRequest.Input"/> is the draft; the result is the new record.</summary>
    Create,

    /// <summary><c>UpdateAsync</c>: <see cref="StoreRequest.Id"/> and <see cref="StoreRequest.Input"/> (the changes); the result is the record.</summary>
    Update,

    /// <summary><c>ArchiveAsync</c>: <see cref="StoreRequest.Id"/>; the result is the record.</summary>
    Archive,

    /// <summary><c>RestoreAsync</c>: <see cref="StoreRequest.Id"/>; the result is the record.</summary>
    Restore,

    /// <summary><c>DeleteAsync</c>: <see cref="StoreRequest.Id"/>; the result is <see langword="null"/>.</summary>
    Delete,

    /// <summary><c>MarkAsSentAsync</c> (invoices, estimates): <see cref="StoreRequest.Id"/>; the result is the record.</summary>
    MarkSent,

    /// <summary><c>IInvoiceStore.VoidAsync</c>: <see cref="StoreRequest.Id"/>; the result is the record.</summary>
    Void,

    /// <summary><c>IEstimateStore.AcceptAsync</c>: <see cref="StoreRequest.Id"/>; the result is the estimate.</summary>
    Accept,

    /// <summary><c>IEstimateStore.DeclineAsync</c>: <see cref="StoreRequest.Id"/>; the result is the estimate.</summary>
    Decline,

    /// <summary><c>IEstimateStore.ConvertToInvoiceAsync</c>: <see cref="StoreRequest.Id"/> (the estimate's); the result is the new <see cref="Invoice"/>.</summary>
    ConvertToInvoice,

    /// <summary><c>ICreditNoteStore.AllocateAsync</c>: <see cref="StoreRequest.Id"/> and <see cref="StoreRequest.Input"/> (the allocation); the result is the credit note.</summary>
    Allocate,

    /// <summary><c>ICompanyStore.GetAsync</c>: no id; the result is the <see cref="Company"/>. Needs <see cref="StoreOperations.Get"/>.</summary>
    GetCompany,
}
