using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>The parsed list parameters of one request: which records, in which order, with which includes.</summary>
internal abstract class ListSelection<T>
    where T : Entity
{
    private static readonly HashSet<string> None = [];

    /// <summary>Includes switched on by list parameters (projects' <c>include_logged_duration=true</c>).</summary>
    public virtual IReadOnlySet<string> Includes => None;

    /// <summary>
    /// Filters and orders the records. Runs under the account's read lock, alongside other readers, so it only reads
    /// (the set and the records) and may return a list the set shares; may throw <see cref="ResourceException"/>.
    /// </summary>
    public abstract IReadOnlyList<T> Apply(EntitySet<T> records, RenderContext render);

    /// <summary>Adds the family's own members to the list's paging counters (projects echo the sort applied).</summary>
    public virtual void WriteMeta(Utf8JsonWriter writer)
    {
    }
}
