using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Accounting;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Identity;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>
/// One Accounting API collection, declared: list (explicit filters, <c>where</c>, <c>order</c>, <c>page</c>/<c>pageSize</c>,
/// <c>If-Modified-Since</c>, <c>unitdp</c>), get by id or number, and batched writes (<c>PUT</c> and <c>POST</c> of the plural
/// envelope, <c>POST /{id}</c>) with Xero's per-element validation and <c>summarizeErrors</c>. Resources differ only in
/// their declaration.
/// </summary>
internal sealed class XeroResource<T> : IAccountingResource
    where T : XeroEntity
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public required SandboxServices Services { get; init; }

    public required string Name { get; init; }

    /// <summary>The id member of an element, e.g. <c>InvoiceID</c>.</summary>
    public required string IdName { get; init; }

    /// <summary>Scopes any of which allows a GET; writes need one of <see cref="WriteScopes"/>.</summary>
    public required IReadOnlyList<string> ReadScopes { get; init; }

    public required IReadOnlyList<string> WriteScopes { get; init; }

    public required Func<TenantBook, EntityStore<T>> Store { get; init; }

    public required Action<Utf8JsonWriter, T, RenderContext> Write { get; init; }

    /// <summary>Whether <c>page</c> pages the list and a <c>pagination</c> object is sent (the nine paged endpoints).</summary>
    public bool Paged { get; init; }

    /// <summary>Whether a paged list carries the <c>pagination</c> object (not on Quotes, whose response schema has none).</summary>
    public bool Pagination { get; init; } = true;

    /// <summary>Whether the list honours <c>where</c> (Quotes document only their explicit filters, so it is ignored there).</summary>
    public bool Where { get; init; } = true;

    /// <summary>Whether the list honours <c>If-Modified-Since</c> (not TaxRates or Organisation).</summary>
    public bool ModifiedSince { get; init; } = true;

    /// <summary>Finds a record by its other key in <c>GET /{key}</c> (invoice or contact number).</summary>
    public Func<T, string, bool>? MatchesKey { get; init; }

    /// <summary>Explicit list parameters (<c>IDs</c>, <c>Statuses</c>, <c>includeArchived</c>…): a predicate, or null for none.</summary>
    public Func<IQueryCollection, Func<T, bool>?>? Filters { get; init; }

    /// <summary>
    /// For a collection whose elements name the record they change by something other than a GUID id (TaxRates:
    /// <c>TaxType</c>): whether the element names one, and the record it names (null when none has that key).
    /// </summary>
    public Func<TenantBook, ElementReader, (bool Named, T? Found)>? ElementKey { get; init; }

    /// <summary>For POST without an id: the existing record the element's natural key names (POST "updates or creates").</summary>
    public Func<TenantBook, ElementReader, T?>? MatchOnPost { get; init; }

    /// <summary>Binds and validates one element against the existing record (null on create). Null makes the collection read-only here.</summary>
    public Func<SaveContext, ElementReader, T?, SaveOutcome<T>>? Save { get; init; }

    /// <summary>For collections with a real DELETE (Items): null allows it, a message refuses it. Null here answers 405.</summary>
    public Func<TenantBook, T, string?>? Delete { get; init; }

    public async Task HandleAsync(HttpContext context, Grant grant, TenantBook book, string? id)
    {
        var method = context.Request.Method;
        var read = HttpMethods.IsGet(method);
        if (!await ApiGate.ScopeAsync(context, grant, read ? [.. ReadScopes, .. WriteScopes] : WriteScopes))
        {
            return;
        }

        try
        {
            switch (method)
            {
                case "GET" when id is null: await ListAsync(context, book); break;
                case "GET": await GetAsync(context, book, id); break;
                case "PUT" when id is null:
                case "POST":
                    await (Save is null
                        ? HttpJson.WriteTextAsync(context, 501, "The sandbox does not implement this operation yet.")
                        : WriteAsync(context, book, id, method == "PUT"));
                    break;
                case "DELETE" when id is not null && Delete is not null:
                    await DeleteAsync(context, book, id);
                    break;
                default:
                    await HttpJson.WriteTextAsync(context, 405, $"The requested resource does not support http method '{method}'.");
                    break;
            }
        }

        catch (AccountingException ex)
        {
            await Envelope.ErrorAsync(context, ex);
        }
    }

    private async Task DeleteAsync(HttpContext context, TenantBook book, string key)
    {
        var found = false;
        string? refusal = null;
        lock (book.Gate)
        {
            if (Find(book, key) is { } item)
            {
                found = true;
                refusal = Delete!(book, item);
                if (refusal is null)
                {
                    Store(book).Remove(item.Id);
                }
            }
        }

        if (!found)
        {
            await Problems.NotFoundAsync(context);
        }
        else if (refusal is not null)
        {
            await Envelope.ValidationAsync(context, [Envelope.Refused(new JsonObject { [IdName] = key }, [refusal], withStatusAttribute: false)]);
        }
        else
        {
            context.Response.StatusCode = 204;
        }
    }

    private static int Unitdp(IQueryCollection query) => query["unitdp"].ToString() == "4" ? 4 : 2;

    private T? Find(TenantBook book, string key)
    {
        var store = Store(book);
        if (Guid.TryParse(key, out var id) && store.Find(id) is { } byId)
        {
            return byId;
        }

        return MatchesKey is null ? null : store.All.FirstOrDefault(r => MatchesKey(r, key));
    }

    private byte[] Render(T item, RenderContext render) => HttpJson.Build(w => Write(w, item, render));

    private async Task GetAsync(HttpContext context, TenantBook book, string key)
    {
        byte[]? body = null;
        var now = Services.Clock.GetUtcNow();
        lock (book.Gate)
        {
            if (Find(book, key) is { } item)
            {
                var render = new RenderContext(book, now) { Unitdp = Unitdp(context.Request.Query) };
                body = HttpJson.Build(w => Envelope.Write(w, Services.Options.AppName, now, Name, w => Write(w, item, render)));
            }
        }

        await (body is null ? Problems.NotFoundAsync(context) : HttpJson.WriteBytesAsync(context, 200, body, "application/json; charset=utf-8"));
    }

    private async Task ListAsync(HttpContext context, TenantBook book)
    {
        var query = context.Request.Query;
        var where = Where && query["where"].ToString() is { Length: > 0 } w ? WhereExpression.Parse(w) : null;
        var order = query["order"].ToString() is { Length: > 0 } o ? OrderClause.Parse(o) : null;
        var filter = Filters?.Invoke(query);
        DateTimeOffset? since = ModifiedSince && XeroDates.TryParseInstant(context.Request.Headers.IfModifiedSince.ToString(), out var s)
            ? new DateTimeOffset(s.Ticks - (s.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
            : null;
        var paged = Paged && query.ContainsKey("page");
        var page = paged && int.TryParse(query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var pageSize = int.TryParse(query["pageSize"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ps) && ps > 0
            ? Math.Min(ps, MaxPageSize)
            : DefaultPageSize;
        var now = Services.Clock.GetUtcNow();

        byte[] body;
        lock (book.Gate)
        {
            var render = new RenderContext(book, now) { Unitdp = Unitdp(query), WithLines = !Paged || paged };
            IEnumerable<T> matched = Store(book).All;
            if (filter is not null)
            {
                matched = matched.Where(filter);
            }

            if (since is { } from)
            {
                matched = matched.Where(r => r.Updated >= from);
            }

            var rows = matched.Select(r => (Record: r, Json: (JsonElement?)null)).ToList();
            if (where is not null || order is not null)
            {
                // Filters and ordering name wire members, so they run over the rendered record (a standalone element:
                // no pooled document is left undisposed).
                rows = [.. rows.Select(r => (r.Record, (JsonElement?)JsonSerializer.Deserialize<JsonElement>(Render(r.Record, render))))];
                if (where is not null)
                {
                    rows = [.. rows.Where(r => where.Matches(r.Json!.Value))];
                }

                if (order is not null)
                {
                    rows = [.. rows.Order(Comparer<(T Record, JsonElement? Json)>.Create((a, b) => order.Compare(a.Json!.Value, b.Json!.Value)))];
                }
            }

            var total = rows.Count;
            var slice = paged ? rows.Skip((int)Math.Min(int.MaxValue, ((long)page - 1) * pageSize)).Take(pageSize) : rows;
            body = HttpJson.Build(w => Envelope.Write(w, Services.Options.AppName, now, Name,
                items: w =>
                {
                    foreach (var row in slice)
                    {
                        Write(w, row.Record, render);
                    }
                },
                pagination: paged && Pagination ? w =>
                {
                    w.WriteStartObject("pagination");
                    w.WriteNumber("page", page);
                    w.WriteNumber("pageSize", pageSize);
                    w.WriteNumber("pageCount", (total + pageSize - 1) / pageSize);
                    w.WriteNumber("itemCount", total);
                    w.WriteEndObject();
                }
                : null));
        }

        await HttpJson.WriteBytesAsync(context, 200, body, "application/json; charset=utf-8");
    }

    /// <summary>The submitted elements: the plural envelope's array, or a bare single element.</summary>
    private List<ElementReader> Elements(JsonNode body)
    {
        if (body is not JsonObject obj)
        {
            throw AccountingException.PostData($"Unexpected JSON token: {body.GetValueKind()}. Path ''.");
        }

        var reader = new ElementReader(obj, "");
        if (reader.Has(Name))
        {
            return [.. reader.Arr(Name) ?? []];
        }

        return [reader];
    }

    private async Task WriteAsync(HttpContext context, TenantBook book, string? pathId, bool put)
    {
        var read = await HttpJson.ReadAsync(context);
        if (read.TooLarge)
        {
            await HttpJson.WriteTextAsync(context, 413, "The request body is larger than 3.5 MB.");
            return;
        }

        if (read.Malformed)
        {
            throw AccountingException.PostData("The request body is not valid JSON.");
        }

        if (read.Empty)
        {
            throw AccountingException.PostData("No data was posted.");
        }

        var elements = Elements(read.Body!);
        var summarize = !string.Equals(context.Request.Query["summarizeErrors"].ToString(), "false", StringComparison.OrdinalIgnoreCase);
        var unitdp = Unitdp(context.Request.Query);
        var now = Services.Clock.GetUtcNow();
        var results = new List<(T? Item, JsonObject? Refused)>();
        var notFound = false;
        byte[]? body = null;
        lock (book.Gate)
        {
            T? target = null;
            if (pathId is not null)
            {
                target = Find(book, pathId);
                notFound = target is null;
            }

            if (!notFound)
            {
                var save = new SaveContext(book, now, unitdp);
                foreach (var element in elements)
                {
                    results.Add(SaveOne(save, element, pathId is not null, target, put, summarize));
                }

                if (!summarize || results.TrueForAll(r => r.Refused is null))
                {
                    var render = new RenderContext(book, now) { Unitdp = unitdp };
                    body = HttpJson.Build(w => Envelope.Write(w, Services.Options.AppName, now, Name, w =>
                    {
                        foreach (var (item, refused) in results)
                        {
                            if (refused is not null)
                            {
                                refused.WriteTo(w);
                            }
                            else if (summarize)
                            {
                                Write(w, item!, render);
                            }
                            else
                            {
                                var node = JsonNode.Parse(Render(item!, render))!.AsObject();
                                node["StatusAttributeString"] = "OK";
                                node.WriteTo(w);
                            }
                        }
                    }));
                }
            }
        }

        if (notFound)
        {
            await Problems.NotFoundAsync(context);
        }
        else if (body is not null)
        {
            await HttpJson.WriteBytesAsync(context, 200, body, "application/json; charset=utf-8");
        }
        else
        {
            // Batches are not transactional: valid elements were stored; the 400 names only the refused ones.
            await Envelope.ValidationAsync(context, [.. results.Where(r => r.Refused is not null).Select(r => r.Refused!)]);
        }
    }

    private (T? Item, JsonObject? Refused) SaveOne(SaveContext save, ElementReader element, bool hasPathTarget, T? pathTarget, bool put, bool summarize)
    {
        T? existing = pathTarget;
        if (!hasPathTarget)
        {
            if (ElementKey?.Invoke(save.Book, element) is { Named: true } key)
            {
                existing = key.Found;
                if (existing is null)
                {
                    return (null, Envelope.Refused(element.Element, ["The document with the supplied id was not found for this endpoint."], !summarize));
                }
            }
            else if (ElementKey is not null)
            {
                // Elements keyed otherwise carry no GUID id: nothing to match, so this one creates.
            }
            else if (element.Id(IdName) is { } id)
            {
                existing = Store(save.Book).Find(id);
                if (existing is null)
                {
                    return (null, Envelope.Refused(element.Element, ["The document with the supplied id was not found for this endpoint."], !summarize));
                }
            }
            else if (!put && MatchOnPost is not null)
            {
                existing = MatchOnPost(save.Book, element);
            }
        }

        var outcome = Save!(save, element, existing);
        if (outcome.Errors.Count > 0 || outcome.Item is null)
        {
            return (null, Envelope.Refused(element.Element, outcome.Errors, !summarize));
        }

        outcome.Item.Updated = save.Now;
        Store(save.Book).Upsert(outcome.Item);
        outcome.OnCommit?.Invoke();
        return (outcome.Item, null);
    }
}
