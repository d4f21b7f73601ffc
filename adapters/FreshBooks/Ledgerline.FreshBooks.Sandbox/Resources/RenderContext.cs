using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>What a writer needs besides the record: the account (for joins), the includes asked for, and "today".</summary>
internal sealed record RenderContext(AccountState Account, IReadOnlySet<string> Includes, DateTimeOffset Now)
{
    public DateOnly Today { get; } = Formats.EasternToday(Now);

    /// <summary>True while writing a list page: some records are shorter there (a project's <c>group_id</c> for its <c>group</c>).</summary>
    public bool InList { get; init; }

    public Dictionary<string, object> Cache { get; } = new(StringComparer.Ordinal);
}
