namespace Ledgerline.Xero.Api;

/// <summary>An Accounting API answer: the plural array of records (one element for a GET by id) and, when paged, the pagination.</summary>
/// <typeparam name="TWire">The wire record.</typeparam>
internal interface IXeroList<TWire>
{
    /// <summary>The records; null when the member is missing.</summary>
    List<TWire>? Records { get; }

    /// <summary>The pagination object, when Xero sent one.</summary>
    PaginationWire? Pagination { get; }
}
