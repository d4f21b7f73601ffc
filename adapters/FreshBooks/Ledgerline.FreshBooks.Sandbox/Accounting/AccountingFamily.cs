using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>
/// <c>/accounting/account/{accountId}/…</c>: <c>{"response":{"result":…}}</c> envelopes with the paging counters
/// inside, the errno table (old or google.rpc format), vis_state and action update phases, unknown fields refused.
/// </summary>
internal sealed class AccountingFamily : ResourceFamily
{
    public static AccountingFamily Instance { get; } = new();

    private AccountingFamily()
    {
    }

    public override int DefaultPerPage => 15;

    public override bool AcceptsPatch => false;

    public override bool HasUpdatePhases => true;

    public override bool IgnoresUnknownFields => false;

    public override ApiError Describe(BindFailure failure, string? field, string objectName, string? value = null)
    {
        var (errno, message) = failure switch
        {
            BindFailure.MalformedBody => (1005, "Could not parse the request body as a JSON object."),
            BindFailure.Required => (1001, $"Field {field} is required."),
            BindFailure.UnknownField => (1006, $"Unknown field {field}."),
            BindFailure.NotString => (1004, $"Invalid value for field {field}: expected a string."),
            BindFailure.NotInteger => (1015, $"Invalid value for field {field}: expected an integer."),
            BindFailure.NotNumber => (1015, $"Invalid value for field {field}: expected a number."),
            BindFailure.NotBoolean => (1031, $"Invalid value for field {field}: expected a boolean."),
            BindFailure.NotDate => (1033, $"Invalid value for field {field}: expected a date (YYYY-MM-DD)."),
            BindFailure.NotDateTime => (1016, $"Invalid value for field {field}: expected a date and time."),
            BindFailure.NotPercent => (1018, $"Invalid percent value for field {field}."),
            _ => (1004, $"Invalid value for field {field}."),
        };
        return new ApiError(errno, field, message, objectName, value);
    }

    /// <summary>Only the array form counts: <c>include=lines</c> without brackets is ignored, as FreshBooks ignores it.</summary>
    public override IReadOnlySet<string> Includes(IQueryCollection query) =>
        new HashSet<string>(query.TryGetValue("include[]", out var v) ? v.Where(s => s is not null).Select(s => s!) : [], StringComparer.Ordinal);

    public override void WriteSingle(Utf8JsonWriter w, string key, Action<Utf8JsonWriter> record, Action<Utf8JsonWriter>? extras)
    {
        w.WriteStartObject();
        w.WriteStartObject("response");
        w.WriteStartObject("result");
        w.WritePropertyName(key);
        record(w);
        extras?.Invoke(w);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public override void WriteList(Utf8JsonWriter w, string key, Action<Utf8JsonWriter> records, Paging paging, int total, Action<Utf8JsonWriter> meta)
    {
        w.WriteStartObject();
        w.WriteStartObject("response");
        w.WriteStartObject("result");
        w.WriteStartArray(key);
        records(w);
        w.WriteEndArray();
        w.WriteNumber("page", paging.Page);
        w.WriteNumber("pages", paging.Pages(total));
        w.WriteNumber("per_page", paging.PerPage);
        w.WriteNumber("total", total);
        meta(w);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public override Task ErrorsAsync(HttpContext context, int status, IReadOnlyList<ApiError> errors) =>
        Errors.AccountingAsync(context, status, errors);

    public override Task NotFoundAsync(HttpContext context, string objectName, string idField, string id)
    {
        var title = char.ToUpperInvariant(objectName[0]) + objectName[1..].Replace('_', ' ');
        return Errors.AccountingAsync(context, 404, new ApiError(1012, idField, $"{title} not found.", objectName, id));
    }

    public override Task MethodNotAllowedAsync(HttpContext context, string objectName) =>
        Errors.AccountingAsync(context, 405, new ApiError(1004, null, "Method not allowed on this resource.", objectName, null));

    public override Task DeletedAsync(HttpContext context) =>
        HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("response");
            w.WriteEndObject();
            w.WriteEndObject();
        });
}
