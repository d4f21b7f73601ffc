using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Projects (<c>/projects/business/{businessId}/project</c>), under the business id, with bare <c>{"project":…}</c> bodies
/// and <c>meta</c> paging. No <c>vis_state</c>: delete is HTTP DELETE (204) and removes the project for good, so deleted
/// projects cannot be listed. A project made inactive in FreshBooks (<c>active</c> false) reads and lists as archived, but
/// archive and restore are not offered: Ledgerline's capabilities allow them only to a store that deletes softly.
/// </summary>
/// <remarks>
/// FreshBooks writes a project's fixed price and rate as bare decimals. They are read in the currency of the project's
/// client (read through the contact store, once per client per call), and a draft's amounts must be in that currency; a
/// project without a client has no currency FreshBooks states, so its amounts read as null (the raw values stay in
/// <see cref="LedgerRecord.RawRepresentation"/>). Reading the client first also turns an unknown <c>ContactId</c> into
/// <see cref="RecordNotFoundException"/> for <see cref="EntityKind.Contact"/> before anything is written. A canonical
/// <see cref="Project.Budget"/> (money) has no FreshBooks counterpart (<c>budget</c> is time) and is refused.
/// </remarks>
internal sealed class FreshBooksProjectStore(FreshBooksLedgerContext context, IContactStore contacts) : IProjectStore
{
    private const string ReadScope = "user:projects:read";
    private const string WriteScope = "user:projects:write";

    private static readonly RecordPath Path = RecordPath.Root(ProjectResult.SingleKey, ProjectResult.ListKey);

    private static readonly IReadOnlyList<int?> OneListing = [null];

    public async Task<Project> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call("get", id);
        var number = FreshBooksListing.Number(EntityKind.Project, id);
        var business = await context.Connection.BusinessIdAsync(call, ReadScope, cancellationToken);
        var answer = await context.Http.SendAsync(call,
            t => context.Projects.GetProjectAsync(business, number, context.ConnectionId, t), cancellationToken);
        return await SingleAsync(answer, cancellationToken);
    }

    public async IAsyncEnumerable<Project> ListAsync(ProjectQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new ProjectQuery();
        var call = Call("list", null);
        var business = await context.Connection.BusinessIdAsync(call, ReadScope, cancellationToken);
        var records = FreshBooksListing.ListAsync(
            OneListing,
            async (_, window, t) => PendingPage<Project>.Done(await FetchAsync(call, business, query, window, t)),
            context.Options.PageConcurrency,
            query.Matches,
            cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }

    public async Task<Page<Project>> ListPageAsync(ProjectQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        query ??= new ProjectQuery();
        var call = Call("list", null);
        var business = await context.Connection.BusinessIdAsync(call, ReadScope, cancellationToken);
        return await FreshBooksListing.ListPageAsync(
            OneListing,
            cursor,
            query.PageSize,
            async (_, window, t) => PendingPage<Project>.Done(await FetchAsync(call, business, query, window, t)),
            query.Matches,
            serverCountExact: query.ContactId is null && query.UpdatedSince is null,
            cancellationToken);
    }

    public async Task<Project> CreateAsync(NewProject draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var call = Call("create", null);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        RefuseBudget(draft.Budget);
        if (draft.ContactId is { } contactId)
        {
            var currency = (await contacts.GetAsync(contactId, cancellationToken)).Currency;
            RequireCurrency(nameof(NewProject.FixedPrice), draft.FixedPrice, currency);
            RequireCurrency(nameof(NewProject.HourlyRate), draft.HourlyRate, currency);
        }

        var body = new ProjectBody(context.Mapping.Map<NewProject, ProjectWrite>(draft));
        var answer = await context.Http.SendAsync(call,
            t => context.Projects.CreateProjectAsync(business, body, context.ConnectionId, t), cancellationToken);
        return await SingleAsync(answer, cancellationToken);
    }

    public async Task<Project> UpdateAsync(string id, ProjectChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var call = Call("update", id);
        var number = FreshBooksListing.Number(EntityKind.Project, id);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        RefuseBudget(changes.Budget);
        if (changes.FixedPrice is not null || changes.HourlyRate is not null)
        {
            var current = await GetAsync(id, cancellationToken);
            var currency = current.ContactId is { } contactId ? (await contacts.GetAsync(contactId, cancellationToken)).Currency : null;
            RequireCurrency(nameof(ProjectChanges.FixedPrice), changes.FixedPrice, currency);
            RequireCurrency(nameof(ProjectChanges.HourlyRate), changes.HourlyRate, currency);
        }

        return await PutAsync(call, business, number, new ProjectBody(context.Mapping.Map<ProjectChanges, ProjectWrite>(changes)), cancellationToken);
    }

    /// <summary>Makes the project inactive (<c>{"project":{"active":false}}</c>): FreshBooks' archive for projects.</summary>
    public Task<Project> ArchiveAsync(string id, CancellationToken cancellationToken = default) => SetActiveAsync("archive", id, false, cancellationToken);

    /// <summary>Makes an inactive project active again.</summary>
    public Task<Project> RestoreAsync(string id, CancellationToken cancellationToken = default) => SetActiveAsync("restore", id, true, cancellationToken);

    private async Task<Project> SetActiveAsync(string operation, string id, bool active, CancellationToken cancellationToken)
    {
        var call = Call(operation, id);
        var number = FreshBooksListing.Number(EntityKind.Project, id);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        return await PutAsync(call, business, number, new ProjectBody(new ProjectWrite { Active = active }), cancellationToken);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call("delete", id);
        var number = FreshBooksListing.Number(EntityKind.Project, id);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        await context.Http.SendAsync(call,
            t => context.Projects.DeleteProjectAsync(business, number, context.ConnectionId, t), cancellationToken);
    }

    private async Task<Project> PutAsync(FreshBooksCall call, string business, long number, ProjectBody body, CancellationToken cancellationToken)
    {
        var answer = await context.Http.SendAsync(call,
            t => context.Projects.UpdateProjectAsync(business, number, body, context.ConnectionId, t), cancellationToken);
        return await SingleAsync(answer, cancellationToken);
    }

    private async Task<FetchedPage<Project>> FetchAsync(
        FreshBooksCall call, string business, ProjectQuery query, PageWindow window, CancellationToken cancellationToken)
    {
        var search = new ProjectSearch
        {
            Page = window.Page,
            PerPage = window.PerPage,
            Active = Active(query.States),
            Complete = query.IsComplete is { } complete ? (complete ? "true" : "false") : null,
            UpdatedSince = query.UpdatedSince is { } since ? FreshBooksValues.Utc(FloorToSecond(since)) : null,
        };
        var answer = await context.Http.SendAsync(call,
            t => context.Projects.ListProjectsAsync(business, search, context.ConnectionId, t), cancellationToken);
        var result = FreshBooksEnvelope.Result(answer, Path);
        var currencies = await CurrenciesAsync(result.Records ?? [], cancellationToken);
        return FreshBooksEnvelope.Page<ProjectWire, Project>(answer.Response, result, Path,
            context.Options.KeepRawRepresentation, wire => Map(wire, currencies));
    }

    private async Task<Project> SingleAsync(FreshBooksResult<ProjectResult> answer, CancellationToken cancellationToken)
    {
        var result = FreshBooksEnvelope.Result(answer, Path);
        var currencies = await CurrenciesAsync(result.Record is { } record ? [record] : [], cancellationToken);
        return FreshBooksEnvelope.Single<ProjectWire, Project>(answer.Response, result, Path,
            context.Options.KeepRawRepresentation, wire => Map(wire, currencies));
    }

    /// <summary>The currency of each client the projects name, read once per client.</summary>
    private async Task<Dictionary<long, CurrencyCode?>> CurrenciesAsync(IReadOnlyList<ProjectWire> projects, CancellationToken cancellationToken)
    {
        var currencies = new Dictionary<long, CurrencyCode?>();
        foreach (var project in projects)
        {
            // A null among the projects is reported by the envelope, which reads them next.
            if (project?.ClientId is { } client and > 0 && !currencies.ContainsKey(client))
            {
                currencies[client] = await ClientCurrencyAsync(client, cancellationToken);
            }
        }

        return currencies;
    }

    private async Task<CurrencyCode?> ClientCurrencyAsync(long client, CancellationToken cancellationToken)
    {
        try
        {
            return (await contacts.GetAsync(FreshBooksValues.Id(client), cancellationToken)).Currency;
        }
        catch (RecordNotFoundException)
        {
            // A client FreshBooks no longer has: the amounts have no stated currency.
            return null;
        }
    }

    private Project Map(ProjectWire wire, Dictionary<long, CurrencyCode?> currencies) =>
        context.Mapping.Map<ProjectWire, CurrencyCode?, Project>(
            wire,
            ProjectRegister.CurrencyParameter,
            wire.ClientId is { } client && currencies.TryGetValue(client, out var currency) ? currency : null);

    /// <summary><c>active</c> for a states query: true, false, or absent for both (deleted projects no longer exist).</summary>
    private static string? Active(RecordStates states) => states switch
    {
        RecordStates.Active => "true",
        RecordStates.Archived => "false",
        _ => null,
    };

    /// <summary>FreshBooks keeps whole-second stamps; the floor covers the instant, and the query's own match is exact.</summary>
    private static DateTimeOffset FloorToSecond(DateTimeOffset instant) => instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerSecond));

    private static void RefuseBudget(Money? budget)
    {
        if (budget is not null)
        {
            throw new LedgerValidationException(
            [
                new FieldError(nameof(NewProject.Budget),
                    "FreshBooks budgets a project in time, not money; a money budget cannot be stored.", "NotSupported"),
            ])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }
    }

    private static void RequireCurrency(string field, Money? amount, CurrencyCode? currency)
    {
        if (amount is { } money && currency is { } expected && money.Currency != expected)
        {
            throw new LedgerValidationException(
            [
                new FieldError(field, $"The amount is in {money.Currency} but the project's client is billed in {expected}.", "CurrencyMismatch"),
            ])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }
    }

    private FreshBooksCall Call(string operation, string? id) => new(EntityKind.Project, operation, context.ConnectionId, id);
}
