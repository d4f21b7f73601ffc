using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>
/// One FreshBooks collection, declared: list (paging, filters, sort, includes), get, create, update and delete, with
/// all-or-nothing writes and a change notification for every write. Envelopes, error bodies and the update rules
/// come from its <see cref="Family"/>, so every resource of a family is added the same way.
/// </summary>
internal sealed class Resource<T> : IResource
    where T : Entity
{
    public required ResourceFamily Family { get; init; }

    public required string Path { get; init; }

    /// <summary>Other paths FreshBooks serves the same collection under (projects: singular and plural).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<string> Paths => [Path, .. Aliases];

    public required string SingleKey { get; init; }

    public required string ListKey { get; init; }

    /// <summary>Other envelope keys a request body may use (credit notes: the Node SDK sends <c>credit_notes</c>).</summary>
    public IReadOnlyList<string> InputKeys { get; init; } = [];

    /// <summary>Error "object" value and webhook event object, e.g. "client".</summary>
    public required string ObjectName { get; init; }

    /// <summary>The id field named in accounting's not-found errors, e.g. "userid".</summary>
    public string IdField { get; init; } = "id";

    public required string Scope { get; init; }

    public required Func<AccountState, EntitySet<T>> Set { get; init; }

    public required Action<Utf8JsonWriter, T, RenderContext> Write { get; init; }

    public required IListParameters<T> List { get; init; }

    /// <summary>Absent for read-only collections: every write answers 405.</summary>
    public FieldBinder<T>? Binder { get; init; }

    public Func<DateTimeOffset, T>? New { get; init; }

    /// <summary>Runs after binding found no error: required fields, references, derived values. Adds errors to reject the write.</summary>
    public Action<T, T?, AccountState, JsonObject, BindErrors>? Validate { get; init; }

    /// <summary>Runs when a vis_state write restores a deleted record (the phase carries no other field); adds errors to refuse it.</summary>
    public Action<T, AccountState, BindErrors>? ValidateRestore { get; init; }

    /// <summary>Runs after a record is stored (create, update or vis_state change), still under the account lock.</summary>
    public Action<T, AccountState, DateTimeOffset>? AfterCommit { get; init; }

    /// <summary>Handles <c>action_*</c> keys (families with update phases); returns false for an unknown action.</summary>
    public Func<T, JsonObject, AccountState, DateTimeOffset, BindErrors, bool>? Actions { get; init; }

    /// <summary>Includes every single-record response carries (a project's <c>logged_duration</c>).</summary>
    public IReadOnlySet<string> SingleIncludes { get; init; } = new HashSet<string>();

    /// <summary>Members a GET of one record adds next to it (a project's <c>abilities</c>).</summary>
    public Action<Utf8JsonWriter, T, RenderContext>? GetExtras { get; init; }

    /// <summary>Counters over every matched record, written after the paging counters (time entries' totals).</summary>
    public Action<Utf8JsonWriter, IReadOnlyList<T>>? ListTotals { get; init; }

    /// <summary>Removes the record on DELETE instead of setting vis_state 1.</summary>
    public bool HardDelete { get; init; }

    public async Task HandleAsync(HttpContext context, AccountState account, string? id, DateTimeOffset now)
    {
        var method = context.Request.Method;
        int? recordId = null;
        if (id is not null)
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                await NotFoundAsync(context, id);
                return;
            }

            recordId = parsed;
        }

        var includes = Family.Includes(context.Request.Query);
        try
        {
            switch (method)
            {
                case "GET" when recordId is null: await ListAsync(context, account, includes, now); break;
                case "GET": await GetAsync(context, account, recordId.Value, includes, now); break;
                case "POST" when recordId is null && Binder is not null: await CreateAsync(context, account, includes, now); break;
                case "PUT" when recordId is not null && Binder is not null:
                case "PATCH" when recordId is not null && Binder is not null && Family.AcceptsPatch:
                    await UpdateAsync(context, account, recordId.Value, includes, now);
                    break;
                case "DELETE" when recordId is not null && Binder is not null: await DeleteAsync(context, account, recordId.Value, now); break;
                default:
                    await Family.MethodNotAllowedAsync(context, ObjectName);
                    break;
            }
        }
        catch (ResourceException ex)
        {
            await Family.ErrorsAsync(context, ex.Status, [.. ex.Errors.Select(e => e.Object is null ? e with { Object = ObjectName } : e)]);
        }
    }

    private Task NotFoundAsync(HttpContext context, int id) => NotFoundAsync(context, id.ToString(CultureInfo.InvariantCulture));

    private Task NotFoundAsync(HttpContext context, string id) => Family.NotFoundAsync(context, ObjectName, IdField, id);

    private RenderContext Render(AccountState account, IReadOnlySet<string> includes, DateTimeOffset now) =>
        new(account, SingleIncludes.Count == 0 ? includes : new HashSet<string>(includes.Concat(SingleIncludes), StringComparer.Ordinal), now);

    private async Task ListAsync(HttpContext context, AccountState account, IReadOnlySet<string> includes, DateTimeOffset now)
    {
        if (!Paging.TryParse(context.Request.Query, Family.DefaultPerPage, out var paging, out var pagingError))
        {
            throw new ResourceException(400, pagingError!);
        }

        var selection = List.Parse(context.Request.Query);
        if (selection.Includes.Count > 0)
        {
            includes = new HashSet<string>(includes.Concat(selection.Includes), StringComparer.Ordinal);
        }

        using var body = new PooledBody();
        using (account.Read())
        {
            var render = new RenderContext(account, includes, now) { InList = true };
            var matched = selection.Apply(Set(account), render);
            body.Write(w => Family.WriteList(w, ListKey,
                records: w =>
                {
                    foreach (var item in paging.Slice(matched))
                    {
                        Write(w, item, render);
                    }
                },
                paging, matched.Count,
                meta: w =>
                {
                    ListTotals?.Invoke(w, matched);
                    selection.WriteMeta(w);
                }));
        }

        await HttpJson.WriteBytesAsync(context, 200, body.Written);
    }

    private byte[] Single(T item, RenderContext render, bool get) => HttpJson.Build(w =>
        Family.WriteSingle(w, SingleKey, w => Write(w, item, render), get && GetExtras is not null ? w => GetExtras(w, item, render) : null));

    private async Task GetAsync(HttpContext context, AccountState account, int id, IReadOnlySet<string> includes, DateTimeOffset now)
    {
        byte[]? body = null;
        using (account.Read())
        {
            if (Set(account).Find(id) is { } item)
            {
                body = Single(item, Render(account, includes, now), get: true);
            }
        }

        await (body is null ? NotFoundAsync(context, id) : HttpJson.WriteBytesAsync(context, 200, body));
    }

    /// <summary>Reads <c>{"&lt;single key&gt;": {…}}</c>; malformed JSON and a missing envelope are the family's errors, not 500s.</summary>
    private async Task<JsonObject> ReadEnvelopeAsync(HttpContext context)
    {
        var read = await HttpJson.ReadObjectAsync(context);
        if (read.Malformed || read.NotObject)
        {
            throw new ResourceException(400, Family.Describe(BindFailure.MalformedBody, null, ObjectName));
        }

        foreach (var key in (IEnumerable<string>)[SingleKey, .. InputKeys])
        {
            if (read.Body is not null && read.Body.TryGetPropertyValue(key, out var inner) && inner is JsonObject obj)
            {
                return obj;
            }
        }

        throw new ResourceException(422, Family.Describe(BindFailure.Required, SingleKey, ObjectName));
    }

    private async Task CreateAsync(HttpContext context, AccountState account, IReadOnlySet<string> includes, DateTimeOffset now)
    {
        var body = await ReadEnvelopeAsync(context);
        byte[] response;
        using (account.Write())
        {
            var item = New!(now);
            var errors = new BindErrors(ObjectName, Family);
            if (Family.HasUpdatePhases)
            {
                // On create, vis_state is ignored rather than treated as an update phase.
                body.Remove("vis_state");
            }

            Binder!.Bind(item, body, errors, creating: true);
            if (!errors.Any)
            {
                Validate?.Invoke(item, null, account, body, errors);
            }

            if (errors.Any)
            {
                throw new ResourceException(422, errors.Items);
            }

            var set = Set(account);
            item.Id = set.NextId();
            set.Add(item);
            AfterCommit?.Invoke(item, account, now);
            account.Notify(ObjectName, "create", item.Id);
            response = Single(item, Render(account, includes, now), get: false);
        }

        await HttpJson.WriteBytesAsync(context, 200, response);
    }

    private async Task UpdateAsync(HttpContext context, AccountState account, int id, IReadOnlySet<string> includes, DateTimeOffset now)
    {
        var body = await ReadEnvelopeAsync(context);
        byte[]? response = null;
        using (account.Write())
        {
            var set = Set(account);
            if (set.Find(id) is { } current)
            {
                var next = (T)current.Copy();
                next.Updated = now;
                var errors = new BindErrors(ObjectName, Family);
                var action = Family.HasUpdatePhases ? ApplyPhases(current, next, body, account, now, errors) : Bind(current, next, body, account, errors);
                if (errors.Any)
                {
                    throw new ResourceException(422, errors.Items);
                }

                next.Updated = now;
                set.Replace(next);
                AfterCommit?.Invoke(next, account, now);
                account.Notify(ObjectName, action, id);
                response = Single(next, Render(account, includes, now), get: false);
            }
        }

        await (response is null ? NotFoundAsync(context, id) : HttpJson.WriteBytesAsync(context, 200, response));
    }

    private string Bind(T current, T next, JsonObject body, AccountState account, BindErrors errors)
    {
        Binder!.Bind(next, body, errors, creating: false);
        if (!errors.Any)
        {
            Validate?.Invoke(next, current, account, body, errors);
        }

        return "update";
    }

    /// <summary>FreshBooks' accounting update phases: the first present wins and the rest of the body is silently dropped.</summary>
    private string ApplyPhases(T current, T next, JsonObject body, AccountState account, DateTimeOffset now, BindErrors errors)
    {
        var visKey = body.ContainsKey("ext_vis_state") ? "ext_vis_state" : body.ContainsKey("vis_state") ? "vis_state" : null;
        if (visKey is not null)
        {
            if (!JsonValues.TryInt(body[visKey], out var vis) || vis is < 0 or > 2)
            {
                throw new ResourceException(422, new ApiError(1004, "vis_state", "Invalid value for field vis_state.", ObjectName, JsonValues.Raw(body[visKey])));
            }

            next.VisState = vis;
            if (current.VisState == 1 && vis != 1)
            {
                ValidateRestore?.Invoke(next, account, errors);
            }

            return vis == 1 && current.VisState != 1 ? "delete" : "update";
        }

        if (current.VisState == 1)
        {
            throw new ResourceException(422, new ApiError(1011, IdField, $"This {ObjectName.Replace('_', ' ')} has been deleted.", ObjectName, current.Id.ToString(CultureInfo.InvariantCulture)));
        }

        var actionKeys = body.Where(p => p.Key.StartsWith("action_", StringComparison.Ordinal)).ToList();
        if (actionKeys.Count == 0)
        {
            return Bind(current, next, body, account, errors);
        }

        if (Actions is null || !Actions(next, body, account, now, errors))
        {
            errors.Add(1004, actionKeys[0].Key, $"Unsupported action {actionKeys[0].Key}.");
        }

        return "update";
    }

    private async Task DeleteAsync(HttpContext context, AccountState account, int id, DateTimeOffset now)
    {
        var found = false;
        using (account.Write())
        {
            var set = Set(account);
            if (set.Find(id) is { } current)
            {
                found = true;
                if (HardDelete)
                {
                    set.Remove(id);
                }
                else if (current.VisState != 1)
                {
                    var next = (T)current.Copy();
                    next.VisState = 1;
                    next.Updated = now;
                    set.Replace(next);
                    AfterCommit?.Invoke(next, account, now);
                }

                account.Notify(ObjectName, "delete", id);
            }
        }

        await (found ? Family.DeletedAsync(context) : NotFoundAsync(context, id));
    }
}
