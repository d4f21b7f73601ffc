using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// One <c>ListPageAsync</c> window of a Projects API list (<see cref="XeroProjectsRead.PageAsync"/>): the page's records
/// are the <see cref="Take"/> records of <see cref="Answer"/> after its first <see cref="Skip"/> (the overlap, read
/// before); <see cref="Next"/> is where the listing stands after them (null at its end); <see cref="ItemCount"/> is
/// Xero's count of the whole listing.
/// </summary>
internal sealed record ProjectsPage<TResult>(XeroResult<TResult> Answer, int Skip, int Take, XeroPosition? Next, int? ItemCount);
