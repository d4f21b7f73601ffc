using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Reading the Projects API's answers: a record is the whole body (no envelope), a list is
/// <c>{"pagination":{…},"items":[…]}</c>, read page after page until <c>pageCount</c> (bounded by
/// <see cref="XeroOptions.MaxPages"/>). A missing body or a record that cannot be mapped is a typed invalid answer with a
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

    /// <summary>Whether a page is followed by another: Xero's <c>pageCount</c>, or without it a full page.</summary>
    public static bool HasNext(int page, PaginationWire? pagination, int received, int pageSize) =>
        pagination?.PageCount is { } pages ? page < pages : received >= pageSize;

    /// <summary>Every record of a paged list, page after page, failing typed past <see cref="XeroOptions.MaxPages"/>.</summary>
    public static async IAsyncEnumerable<TWire> AllAsync<TWire, TResult>(
        XeroLedgerContext context, XeroCall call, Func<int, int, CancellationToken, Task<Refit.IApiResponse<TResult>>> fetch,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where TResult : class, IXeroList<TWire>
    {
        var pageSize = MaxPageSize;
        for (var page = 1; ; page++)
        {
            if (page > context.Options.MaxPages)
            {
                throw XeroErrorTable.Invalid(call, 200, ReadOnlyMemory<byte>.Empty,
                    $"Xero's listing did not end within {context.Options.MaxPages} pages ({nameof(XeroOptions.MaxPages)})");
            }

            var current = page;
            var answer = await context.Http.SendAsync(call, t => fetch(current, pageSize, t), cancellationToken);
            var wires = XeroEnvelope.Records<TWire, TResult>(answer, ProjectsResult.ListKey);
            foreach (var wire in wires)
            {
                yield return wire;
            }

            if (!HasNext(page, answer.Content!.Pagination, wires.Count, pageSize))
            {
                yield break;
            }
        }
    }

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
