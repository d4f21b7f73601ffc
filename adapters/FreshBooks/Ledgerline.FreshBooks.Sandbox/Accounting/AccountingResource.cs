using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>What a writer needs besides the record: the account (for joins), the includes asked for, and "today".</summary>
internal sealed record RenderContext(AccountState Account, IReadOnlySet<string> Includes, DateTimeOffset Now)
{
    public DateOnly Today { get; } = Formats.EasternToday(Now);

    public Dictionary<string, object> Cache { get; } = new(StringComparer.Ordinal);
}

internal interface IAccountingResource
{
    string Path { get; }

    string Scope { get; }

    Task HandleAsync(HttpContext context, AccountState account, string? id, DateTimeOffset now);
}

/// <summary>
/// One accounting collection with FreshBooks' verbs and quirks: envelopes, paging/search/sort/include,
/// the vis_state phase of PUT, errno 1011 on deleted records, and all-or-nothing writes.
/// </summary>
internal sealed class AccountingResource<T> : IAccountingResource
    where T : Entity
{
    public required string Path { get; init; }

    public required string SingleKey { get; init; }

    public required string ListKey { get; init; }

    /// <summary>Error "object" value and webhook event object, e.g. "client".</summary>
    public required string ObjectName { get; init; }

    /// <summary>The id field named in not-found errors, e.g. "userid".</summary>
    public required string IdField { get; init; }

    public required string Scope { get; init; }

    public required Func<AccountState, EntitySet<T>> Set { get; init; }

    public required Action<Utf8JsonWriter, T, RenderContext> Write { get; init; }

    public required Func<string, RenderContext, Func<T, object?>?> Field { get; init; }

    public FieldBinder<T>? Binder { get; init; }

    public Func<DateTimeOffset, T>? New { get; init; }

    /// <summary>Runs after binding: required fields, references, derived values. Adds errors to reject the write.</summary>
    public Action<T, T?, AccountState, JsonObject, BindErrors>? Validate { get; init; }

    /// <summary>Runs after a record is stored (create, update or vis_state change), still under the account lock.</summary>
    public Action<T, AccountState, DateTimeOffset>? AfterCommit { get; init; }

    /// <summary>Handles <c>action_*</c> keys; returns false for an unknown action.</summary>
    public Func<T, JsonObject, AccountState, DateTimeOffset, BindErrors, bool>? Actions { get; init; }

    public Func<string, string>? SortAlias { get; init; }

    public bool HardDelete { get; init; }

    private string Title => char.ToUpperInvariant(ObjectName[0]) + ObjectName[1..].Replace('_', ' ');

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

        var includes = ListQuery.Includes(context.Request.Query);
        try
        {
            switch (method)
            {
                case "GET" when recordId is null: await ListAsync(context, account, includes, now); break;
                case "GET": await GetAsync(context, account, recordId.Value, includes, now); break;
                case "POST" when recordId is null && Binder is not null: await CreateAsync(context, account, includes, now); break;
                case "PUT" when recordId is not null && Binder is not null: await UpdateAsync(context, account, recordId.Value, includes, now); break;
                case "DELETE" when recordId is not null && Binder is not null: await DeleteAsync(context, account, recordId.Value, now); break;
                default:
                    await Errors.AccountingAsync(context, 405, new AccountingError(1004, null, "Method not allowed on this resource.", ObjectName, null));
                    break;
            }
        }
        catch (AccountingException ex)
        {
            await Errors.AccountingAsync(context, ex.Status, ex.Errors);
        }
    }

    private Task NotFoundAsync(HttpContext context, string id) =>
        Errors.AccountingAsync(context, 404, new AccountingError(1012, IdField, $"{Title} not found.", ObjectName, id));

    private async Task ListAsync(HttpContext context, AccountState account, HashSet<string> includes, DateTimeOffset now)
    {
        if (!ListQuery.TryParse(context.Request.Query, 15, out var query, out var error))
        {
            await Errors.AccountingAsync(context, 400, error! with { Object = ObjectName });
            return;
        }

        if (query!.SortField is { } s && SortAlias is not null)
        {
            query = new ListQuery { Paging = query.Paging, Filters = query.Filters, SortField = SortAlias(s), SortDescending = query.SortDescending, VisState = query.VisState };
        }

        byte[] body;
        lock (account.Gate)
        {
            var render = new RenderContext(account, includes, now);
            var matched = query.Apply(Set(account).All, name => Field(name, render), out error);
            if (error is null)
            {
                var paging = query.Paging;
                body = HttpJson.Build(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartObject("response");
                    w.WriteStartObject("result");
                    w.WriteStartArray(ListKey);
                    foreach (var item in paging.Slice(matched))
                    {
                        Write(w, item, render);
                    }

                    w.WriteEndArray();
                    w.WriteNumber("page", paging.Page);
                    w.WriteNumber("pages", paging.Pages(matched.Count));
                    w.WriteNumber("per_page", paging.PerPage);
                    w.WriteNumber("total", matched.Count);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
            }
            else
            {
                body = [];
            }
        }

        if (error is not null)
        {
            await Errors.AccountingAsync(context, 400, error with { Object = ObjectName });
            return;
        }

        await HttpJson.WriteBytesAsync(context, 200, body);
    }

    private byte[] Single(T item, RenderContext render) => HttpJson.Build(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("response");
        w.WriteStartObject("result");
        w.WritePropertyName(SingleKey);
        Write(w, item, render);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private async Task GetAsync(HttpContext context, AccountState account, int id, HashSet<string> includes, DateTimeOffset now)
    {
        byte[]? body = null;
        lock (account.Gate)
        {
            if (Set(account).Find(id) is { } item)
            {
                body = Single(item, new RenderContext(account, includes, now));
            }
        }

        await (body is null ? NotFoundAsync(context, id.ToString(CultureInfo.InvariantCulture)) : HttpJson.WriteBytesAsync(context, 200, body));
    }

    /// <summary>Reads <c>{"&lt;single key&gt;": {…}}</c>; malformed JSON and a missing envelope are errnos, not 500s.</summary>
    private async Task<JsonObject> ReadEnvelopeAsync(HttpContext context)
    {
        var read = await HttpJson.ReadObjectAsync(context);
        if (read.Malformed || read.NotObject)
        {
            throw new AccountingException(400, new AccountingError(1005, null, "Could not parse the request body as a JSON object.", ObjectName, null));
        }

        if (read.Body is null || !read.Body.TryGetPropertyValue(SingleKey, out var inner) || inner is not JsonObject obj)
        {
            throw new AccountingException(422, new AccountingError(1001, SingleKey, $"Field {SingleKey} is required.", ObjectName, null));
        }

        return obj;
    }

    private async Task CreateAsync(HttpContext context, AccountState account, HashSet<string> includes, DateTimeOffset now)
    {
        var body = await ReadEnvelopeAsync(context);
        byte[] response;
        lock (account.Gate)
        {
            var item = New!(now);
            var errors = new BindErrors(ObjectName);
            // On create, vis_state and actions are ignored rather than treated as an update phase.
            body.Remove("vis_state");
            Binder!.Bind(item, body, errors);
            if (!errors.Any)
            {
                Validate?.Invoke(item, null, account, body, errors);
            }

            if (errors.Any)
            {
                throw new AccountingException(422, errors.Items);
            }

            var set = Set(account);
            item.Id = set.NextId();
            set.Add(item);
            AfterCommit?.Invoke(item, account, now);
            account.Notify(ObjectName, "create", item.Id);
            response = Single(item, new RenderContext(account, includes, now));
        }

        await HttpJson.WriteBytesAsync(context, 200, response);
    }

    private async Task UpdateAsync(HttpContext context, AccountState account, int id, HashSet<string> includes, DateTimeOffset now)
    {
        var body = await ReadEnvelopeAsync(context);
        byte[] response;
        lock (account.Gate)
        {
            var set = Set(account);
            var current = set.Find(id);
            if (current is null)
            {
                throw new AccountingException(404, new AccountingError(1012, IdField, $"{Title} not found.", ObjectName, id.ToString(CultureInfo.InvariantCulture)));
            }

            var next = (T)current.Copy();
            next.Updated = now;
            var errors = new BindErrors(ObjectName);
            string action;
            // FreshBooks' update phases: the first present wins and the rest of the body is silently dropped.
            var visKey = body.ContainsKey("ext_vis_state") ? "ext_vis_state" : body.ContainsKey("vis_state") ? "vis_state" : null;
            if (visKey is not null)
            {
                if (!JsonValues.TryInt(body[visKey], out var vis) || vis is < 0 or > 2)
                {
                    throw new AccountingException(422, new AccountingError(1004, "vis_state", "Invalid value for field vis_state.", ObjectName, JsonValues.Raw(body[visKey])));
                }

                next.VisState = vis;
                action = vis == 1 && current.VisState != 1 ? "delete" : "update";
            }
            else
            {
                if (current.VisState == 1)
                {
                    throw new AccountingException(422, new AccountingError(1011, IdField, $"This {ObjectName.Replace('_', ' ')} has been deleted.", ObjectName, id.ToString(CultureInfo.InvariantCulture)));
                }

                action = "update";
                var actionKeys = body.Where(p => p.Key.StartsWith("action_", StringComparison.Ordinal)).ToList();
                if (actionKeys.Count > 0)
                {
                    if (Actions is null || !Actions(next, body, account, now, errors))
                    {
                        errors.Add(1004, actionKeys[0].Key, $"Unsupported action {actionKeys[0].Key}.");
                    }
                }
                else
                {
                    Binder!.Bind(next, body, errors);
                    if (!errors.Any)
                    {
                        Validate?.Invoke(next, current, account, body, errors);
                    }
                }
            }

            if (errors.Any)
            {
                throw new AccountingException(422, errors.Items);
            }

            next.Updated = now;
            set.Replace(next);
            AfterCommit?.Invoke(next, account, now);
            account.Notify(ObjectName, action, id);
            response = Single(next, new RenderContext(account, includes, now));
        }

        await HttpJson.WriteBytesAsync(context, 200, response);
    }

    private async Task DeleteAsync(HttpContext context, AccountState account, int id, DateTimeOffset now)
    {
        lock (account.Gate)
        {
            var set = Set(account);
            var current = set.Find(id) ?? throw new AccountingException(404, new AccountingError(1012, IdField, $"{Title} not found.", ObjectName, id.ToString(CultureInfo.InvariantCulture)));
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

        await HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("response");
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
