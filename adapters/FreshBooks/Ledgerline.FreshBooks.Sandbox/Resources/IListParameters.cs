using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>How a resource reads its list filters and sort from the query string (paging is the engine's).</summary>
internal interface IListParameters<T>
    where T : Entity
{
    /// <summary>Reads the parameters; a bad value throws <see cref="ResourceException"/>.</summary>
    ListSelection<T> Parse(IQueryCollection query);
}
