using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Reading the Projects API's answers: a record is the whole body (no envelope), a list is
/// <c>{"pagination":{…},"items":[…]}</c>, read in overlapping windows until <c>itemCount</c> (bounded by
/// <see cref="XeroOptions.MaxPages"/>): <see cref="AllAsync"/> and <see cref="PageAsync"/>. A missing body or a record that cannot be mapped is a typed invalid answer with a
/// bounded excerpt.
/// </summary>
internal static class XeroProjectsRead
{
    /// <summary>The largest page the Projects API gives (Xero: <c>pageSize</c> 1–500).</summary>
    public const int MaxPageSize = 500;

    public static TRecord One<TWire, TRecord>(XeroResult<TWire> answer, bool keepRaw, Func<TWire, TRecord> map)
        where TRecord : LedgerRecord
    {
        var wire = Wire(answer);
        TRecord record;
        try
        {
            record = map(wire);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw XeroErrorTable.Invalid(answer.Call, answer.Status, answer.Body, $"Xero sent {EntityNames.WithArticle(answer.Call.Entity)} that cannot be read: {exception.Message}", exception);
        }

        return keepRaw ? record with { RawRepresentation = new RawJson(answer.Body.ToArray()) } : record;
    }

    /// <summary>The record of an answer, or a typed invalid answer when there is none.</summary>
    public static TWire Wire<TWire>(XeroResult<TWire> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Content ?? throw XeroErrorTable.Invalid(answer.Call, answer.Status, answer.Body,
            answer.ReadError is null ? "Xero answered with an empty body" : $"Xero answered with a body that could not be read ({answer.ReadError.Message})",
            answer.ReadError);
    }

    /// <summary>
    /// Every record of a paged list, failing typed past <see cref="XeroOptions.MaxPages"/> requests: page 1 at
    /// <see cref="MaxPageSize"/>, then windows that start at or before the last record read (<see cref="PageWindows"/> up
    /// to 500 a page), checked by a <see cref="XeroWindowSequence"/>, so a record that moves onto a page already read
    /// fails the listing instead of being skipped. The overlap compares the records' ids (<c>projectId</c>,
    /// <c>taskId</c>, <c>timeEntryId</c>), read by <c>id</c>.
    /// </summary>
    public static async IAsyncEnumerable<TWire> AllAsync<TWire, TResult>(
        XeroLedgerContext context, XeroCall call, Func<int, int, CancellationToken, Task<Refit.IApiResponse<TResult>>> fetch, Func<TWire, string?> id,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where TResult : class, IXeroList<TWire>
    {
        var sequence = new XeroWindowSequence(call, MaxPageSize);
        var window = new PageWindow(1, MaxPageSize);
        for (var requests = 1; ; requests++)
        {
            if (requests > context.Options.MaxPages)
            {
                throw XeroErrorTable.Invalid(call, 200, ReadOnlyMemory<byte>.Empty,
                    $"Xero's listing did not end within {context.Options.MaxPages} pages ({nameof(XeroOptions.MaxPages)})");
            }

            var (_, wires, overlap) = await WindowAsync(context, call, fetch, id, sequence, window, cancellationToken);
            for (var i = overlap; i < wires.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return wires[i];
            }

            if (!sequence.HasMore(window, wires.Count))
            {
                yield break;
            }

            window = PageWindows.Next(sequence.Read, sequence.Total ?? int.MaxValue, MaxPageSize, MaxPageSize);
        }
    }

    /// <summary>
    /// One <c>ListPageAsync</c> page of a paged list: up to <paramref name="pageSize"/> records after
    /// <paramref name="from"/> (null: from the start), read with one window that repeats the last record read, and the
    /// position after them (null at the end). <see cref="PageWindows"/> fills the page whenever one request can
    /// (always, as a page holds at most <see cref="RecordQuery.MaxPageSize"/> records and a window adds up to 499).
    /// </summary>
    public static async Task<ProjectsPage<TResult>> PageAsync<TWire, TResult>(
        XeroLedgerContext context, XeroCall call, Func<int, int, CancellationToken, Task<Refit.IApiResponse<TResult>>> fetch, Func<TWire, string?> id,
        XeroPosition? from, int pageSize, CancellationToken cancellationToken)
        where TResult : class, IXeroList<TWire>
    {
        var (window, sequence) = from is { } position
            ? (PageWindows.Next(position.Read, position.Total ?? int.MaxValue, pageSize, MaxPageSize), XeroWindowSequence.Resume(call, position.Read, position.Total, position.Last, MaxPageSize))
            : (new PageWindow(1, pageSize), new XeroWindowSequence(call, MaxPageSize));
        var (answer, wires, overlap) = await WindowAsync(context, call, fetch, id, sequence, window, cancellationToken);
        var added = Math.Min(wires.Count - overlap, pageSize);
        var read = (int)window.Start + overlap + added;
        var more = sequence.Total is { } counted ? read < counted : wires.Count >= window.PerPage || overlap + added < wires.Count;
        var next = more && added > 0 ? new XeroPosition(read, sequence.Total, Id(call, id, wires[overlap + added - 1])) : (XeroPosition?)null;
        return new ProjectsPage<TResult>(answer, overlap, added, next, answer.Content!.Pagination?.ItemCount);
    }

    private static async Task<(XeroResult<TResult> Answer, List<TWire> Wires, int Overlap)> WindowAsync<TWire, TResult>(
        XeroLedgerContext context, XeroCall call, Func<int, int, CancellationToken, Task<Refit.IApiResponse<TResult>>> fetch, Func<TWire, string?> id,
        XeroWindowSequence sequence, PageWindow window, CancellationToken cancellationToken)
        where TResult : class, IXeroList<TWire>
    {
        var answer = await context.Http.SendAsync(call, t => fetch(window.Page, window.PerPage, t), cancellationToken);
        var wires = XeroEnvelope.Records<TWire, TResult>(answer, ProjectsResult.ListKey);
        var overlap = sequence.Accept([.. wires.Select(w => Id(call, id, w))], answer.Content!.Pagination, window);
        return (answer, wires, overlap);
    }

    private static string Id<TWire>(XeroCall call, Func<TWire, string?> id, TWire wire) =>
        id(wire) is { Length: > 0 } text ? text : throw XeroErrorTable.Invalid(call, 200, ReadOnlyMemory<byte>.Empty, "Xero listed a record without its id");

    /// <summary>The organisation's time zone, in which a project's deadline is a calendar day.</summary>
    public static async Task<TimeZoneInfo> ZoneAsync(XeroLedgerContext context, CancellationToken cancellationToken)
    {
        var organisation = await context.OrganisationAsync(cancellationToken);
        if (XeroTimeZones.ToIana(organisation.Timezone) is { } iana && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var zone))
        {
            return zone;
        }

        throw XeroErrorTable.Invalid(new XeroCall(EntityKind.Company, "get", context.ConnectionId), 200,
            System.Text.Encoding.UTF8.GetBytes(organisation.Timezone ?? string.Empty),
            "Xero's organisation has no time zone Ledgerline can read, in which project deadlines are calendar days");
    }

    /// <summary>The organisation's base currency: a new project's currency.</summary>
    public static async Task<CurrencyCode> BaseCurrencyAsync(XeroLedgerContext context, CancellationToken cancellationToken)
    {
        var organisation = await context.OrganisationAsync(cancellationToken);
        return CurrencyCode.TryParse(organisation.BaseCurrency, out var currency)
            ? currency
            : throw XeroErrorTable.Invalid(new XeroCall(EntityKind.Company, "get", context.ConnectionId), 200,
                System.Text.Encoding.UTF8.GetBytes(organisation.BaseCurrency ?? string.Empty),
                "Xero's organisation has no readable BaseCurrency, in which it keeps new projects");
    }

    public static RecordNotFoundException NotFound(EntityKind entity, string id) => new(entity, id) { Provider = XeroRequest.ProviderName };

    public static bool IsGuid(string? id) => id is not null && Guid.TryParseExact(id, "D", out _);
}
