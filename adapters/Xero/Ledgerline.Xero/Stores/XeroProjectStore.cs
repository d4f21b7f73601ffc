using System.Runtime.CompilerServices;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Mapster;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Projects over Xero's Projects API (<c>/projects.xro/2.0/Projects</c>, scope <c>projects</c>). Created with
/// <c>POST</c> (201), changed with <c>PUT</c> (name, deadline, estimate: every kept value is sent again, as <c>PUT</c>
/// replaces them) and <c>PATCH {"status"}</c> (complete ↔ <c>CLOSED</c>), then read back. Xero never archives or deletes
/// a project. A Xero project needs a contact, has no description and no billing method (its tasks carry the rates and
/// charge types), keeps its estimate in the project's currency (a new one: the organisation's base currency) and its
/// deadline as an instant (here: midnight of the due day in the organisation's time zone); input it cannot take is
/// refused before any request. Filters <c>ContactId</c> (<c>contactID</c>) and <c>IsComplete</c> (<c>states</c>), both
/// exact; Xero keeps no change time, so no <c>UpdatedSince</c>. Listings overlap (<see cref="XeroProjectsRead"/>): a
/// project that leaves the listing or moves while it is read fails it typed. The cursor is an <see cref="XeroPosition"/>.
/// </summary>
internal sealed class XeroProjectStore(XeroLedgerContext context) : IProjectStore
{
    public async Task<Project> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var wire = await ReadAsync(id, cancellationToken);
        return await MapAsync(wire.Answer, cancellationToken);
    }

    public async IAsyncEnumerable<Project> ListAsync(ProjectQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new ProjectQuery();
        if (Empty(query))
        {
            yield break;
        }

        var call = Call("list", null);
        var tenant = await context.Connection.TenantIdAsync(call, cancellationToken);
        var zone = await XeroProjectsRead.ZoneAsync(context, cancellationToken);
        var wires = XeroProjectsRead.AllAsync<ProjectWire, ProjectsResult>(context, call,
            (page, size, t) => context.Projects.ListProjectsAsync(Query(query, page, size), tenant, context.ConnectionId, t), w => w.ProjectId, cancellationToken);
        await foreach (var wire in wires)
        {
            var project = Map(call, wire, zone);
            if (query.Matches(project))
            {
                yield return project;
            }
        }
    }

    public async Task<Page<Project>> ListPageAsync(ProjectQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        query ??= new ProjectQuery();
        XeroPosition? from = cursor is null ? null : XeroPosition.Parse(cursor);
        if (Empty(query))
        {
            return new Page<Project>([], null, 0);
        }

        var call = Call("list", null);
        var tenant = await context.Connection.TenantIdAsync(call, cancellationToken);
        var zone = await XeroProjectsRead.ZoneAsync(context, cancellationToken);
        var page = await XeroProjectsRead.PageAsync<ProjectWire, ProjectsResult>(context, call,
            (number, size, t) => context.Projects.ListProjectsAsync(Query(query, number, size), tenant, context.ConnectionId, t), w => w.ProjectId, from, query.PageSize, cancellationToken);
        var records = XeroEnvelope.Map<ProjectWire, Project, ProjectsResult>(page.Answer, ProjectsResult.ListKey, context.Options.KeepRawRepresentation, w => Map(call, w, zone));
        return new Page<Project>(records.Skip(page.Skip).Take(page.Take).Where(query.Matches).ToArray(), page.Next?.ToString(), page.ItemCount);
    }

    /// <summary>
    /// Creates a project for a contact (Xero needs one; an unknown contact is <see cref="RecordNotFoundException"/> for the
    /// contact). The budget must be in the organisation's base currency, the project's currency.
    /// </summary>
    public async Task<Project> CreateAsync(NewProject draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Refuse(draft.Description, draft.HourlyRate);
        if (draft.BillingMethod != ProjectBillingMethod.Unknown)
        {
            throw XeroRefusal.Field(nameof(NewProject.BillingMethod),
                "Xero sets no billing method on a project: each task is charged by time, at a fixed price or not at all. Set BillingMethod = Unknown (and no FixedPrice or HourlyRate).");
        }

        var contactId = draft.ContactId ?? throw XeroRefusal.Field(nameof(NewProject.ContactId), "Xero keeps every project for a contact; give ContactId.");
        if (!XeroProjectsRead.IsGuid(contactId))
        {
            throw XeroProjectsRead.NotFound(EntityKind.Contact, contactId);
        }

        // The scope first: the organisation's currency and zone are read before the project is sent.
        var call = Call("create", null);
        var tenant = await context.Connection.TenantIdAsync(call, cancellationToken);
        var currency = await XeroProjectsRead.BaseCurrencyAsync(context, cancellationToken);
        RequireCurrency(draft.Budget, currency);
        var zone = await XeroProjectsRead.ZoneAsync(context, cancellationToken);
        var body = new ProjectWrite
        {
            ContactId = contactId,
            Name = draft.Name,
            EstimateAmount = draft.Budget?.Amount,
            DeadlineUtc = draft.DueDate is { } due ? ProjectsValues.Deadline(due, zone) : null,
        };
        try
        {
            var answer = await context.Http.SendAsync(call, t => context.Projects.CreateProjectAsync(body, tenant, context.ConnectionId, t), cancellationToken);
            return await MapAsync(answer, cancellationToken);
        }
        catch (LedgerValidationException refused) when (refused.Errors.Any(e => e.Field == nameof(NewProject.ContactId)))
        {
            // Xero answers an unknown contact with a modelState error on model.ContactId: the contact is not found.
            throw new RecordNotFoundException(EntityKind.Contact, contactId, refused)
            {
                Provider = XeroRequest.ProviderName, StatusCode = refused.StatusCode, ProviderMessage = refused.Errors.First(e => e.Field == nameof(NewProject.ContactId)).Message,
            };
        }
    }

    /// <summary>
    /// Changes a project: the name, due day and budget with one <c>PUT</c> that sends every kept value again (read first),
    /// completion with <c>PATCH</c>; then reads it back. A budget must be in the project's currency.
    /// </summary>
    public async Task<Project> UpdateAsync(string id, ProjectChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Refuse(changes.Description is { Length: 0 } ? null : changes.Description, changes.HourlyRate);
        if (changes.FixedPrice is not null)
        {
            throw XeroRefusal.Field(nameof(ProjectChanges.FixedPrice), "Xero keeps no fixed price on a project; a FIXED task carries one.");
        }

        var tenant = await context.Connection.TenantIdAsync(Call("update", id), cancellationToken);
        var (_, current) = await ReadAsync(id, cancellationToken);
        if (changes.Name is not null || changes.DueDate is not null || changes.Budget is not null)
        {
            RequireCurrency(changes.Budget, XeroValues.Currency(current.CurrencyCode, "currencyCode"));
            var zone = await XeroProjectsRead.ZoneAsync(context, cancellationToken);
            var body = new ProjectWrite
            {
                Name = changes.Name ?? XeroValues.Required(current.Name, "name"),
                EstimateAmount = changes.Budget?.Amount ?? current.Estimate?.Value,
                DeadlineUtc = changes.DueDate is { } due ? ProjectsValues.Deadline(due, zone) : current.DeadlineUtc,
            };
            await context.Http.SendAsync(Call("update", id), t => context.Projects.UpdateProjectAsync(id, body, tenant, context.ConnectionId, t), cancellationToken);
        }

        if (changes.IsComplete is { } complete && complete != (current.Status == "CLOSED"))
        {
            var patch = new ProjectPatchWrite(complete ? "CLOSED" : "INPROGRESS");
            await context.Http.SendAsync(Call("update", id), t => context.Projects.PatchProjectAsync(id, patch, tenant, context.ConnectionId, t), cancellationToken);
        }

        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Xero closes projects (<see cref="ProjectChanges.IsComplete"/>) but never archives one; refused before any request.</summary>
    public Task<Project> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Project, nameof(StoreOperations.Archive));

    /// <summary>Xero never archives a project, so there is nothing to restore; refused before any request.</summary>
    public Task<Project> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Project, nameof(StoreOperations.Restore));

    /// <summary>Xero's Projects API deletes no project; refused before any request.</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Project, nameof(StoreOperations.Delete));

    private async Task<(XeroResult<ProjectWire> Answer, ProjectWire Wire)> ReadAsync(string id, CancellationToken cancellationToken)
    {
        if (!XeroProjectsRead.IsGuid(id))
        {
            throw XeroProjectsRead.NotFound(EntityKind.Project, id);
        }

        var tenant = await context.Connection.TenantIdAsync(Call("get", id), cancellationToken);
        var answer = await context.Http.SendAsync(Call("get", id), t => context.Projects.GetProjectAsync(id, tenant, context.ConnectionId, t), cancellationToken);
        return (answer, XeroProjectsRead.Wire(answer));
    }

    private async Task<Project> MapAsync(XeroResult<ProjectWire> answer, CancellationToken cancellationToken)
    {
        var zone = await XeroProjectsRead.ZoneAsync(context, cancellationToken);
        return XeroProjectsRead.One(answer, context.Options.KeepRawRepresentation, w => new XeroProject(w, zone).Adapt<XeroProject, Project>(context.Mapping));
    }

    private Project Map(XeroCall call, ProjectWire wire, TimeZoneInfo zone)
    {
        try
        {
            return new XeroProject(wire, zone).Adapt<XeroProject, Project>(context.Mapping);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw XeroErrorTable.Invalid(call, 200, ReadOnlyMemory<byte>.Empty, $"Xero sent a project that cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>A contact filter that is no GUID names no Xero contact: nothing matches (Xero would refuse the parameter).</summary>
    private static bool Empty(ProjectQuery query) => query.ContactId is { } contact && !XeroProjectsRead.IsGuid(contact);

    private static XeroProjectsQuery Query(ProjectQuery query, int page, int pageSize) => new()
    {
        Page = page,
        PageSize = pageSize,
        ContactId = query.ContactId,
        States = query.IsComplete is { } complete ? (complete ? "CLOSED" : "INPROGRESS") : null,
    };

    private static void Refuse(string? description, Money? hourlyRate)
    {
        if (description is not null)
        {
            throw XeroRefusal.Field(nameof(NewProject.Description), "Xero keeps no description on a project.");
        }

        if (hourlyRate is not null)
        {
            throw XeroRefusal.Field(nameof(NewProject.HourlyRate), "Xero keeps no hourly rate on a project; each TIME task carries its own rate.");
        }
    }

    private static void RequireCurrency(Money? budget, CurrencyCode currency)
    {
        if (budget is { } given && given.Currency != currency)
        {
            throw XeroRefusal.Field(nameof(NewProject.Budget),
                $"Xero keeps a project's estimate in the project's currency, {currency}; the budget is in {given.Currency}.");
        }
    }

    private XeroCall Call(string operation, string? id) => new(EntityKind.Project, operation, context.ConnectionId, id);
}
