using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Projects;

/// <summary>
/// The project-like services (<c>/timetracking/business/{businessId}/…</c>, <c>/projects/business/{businessId}/…</c>):
/// bare <c>{"project":…}</c> envelopes, lists with a <c>meta</c> object, pydantic-style errors
/// <c>{"errno":2001,"error":{field: message}}</c>, unknown fields ignored, PATCH as PUT, DELETE answering 204.
/// </summary>
internal sealed class ProjectFamily : ResourceFamily
{
    /// <summary>The errno of every validation error these services report.</summary>
    public const int ValidationErrno = 2001;

    public static ProjectFamily Instance { get; } = new();

    private ProjectFamily()
    {
    }

    public override int DefaultPerPage => 30;

    public override bool AcceptsPatch => true;

    public override bool HasUpdatePhases => false;

    public override bool IgnoresUnknownFields => true;

    public override ApiError Describe(BindFailure failure, string? field, string objectName, string? value = null) => failure switch
    {
        BindFailure.MalformedBody => new ApiError(ValidationErrno, "__root__", "Invalid JSON body."),
        _ => new ApiError(ValidationErrno, field, failure switch
        {
            BindFailure.Required => "field required",
            BindFailure.NotString => "str type expected",
            BindFailure.NotInteger => "value is not a valid integer",
            BindFailure.NotNumber or BindFailure.NotPercent => "value is not a valid decimal",
            BindFailure.NotBoolean => "value could not be parsed to a boolean",
            BindFailure.NotDate => "invalid date format",
            BindFailure.NotDateTime => "invalid datetime format",
            BindFailure.NotEnumMember => "value is not a valid enumeration member",
            _ => "extra fields not permitted",
        }),
    };

    public override void WriteSingle(Utf8JsonWriter w, string key, Action<Utf8JsonWriter> record, Action<Utf8JsonWriter>? extras)
    {
        w.WriteStartObject();
        w.WritePropertyName(key);
        record(w);
        extras?.Invoke(w);
        w.WriteEndObject();
    }

    public override void WriteList(Utf8JsonWriter w, string key, Action<Utf8JsonWriter> records, Paging paging, int total, Action<Utf8JsonWriter> meta)
    {
        w.WriteStartObject();
        w.WriteStartArray(key);
        records(w);
        w.WriteEndArray();
        w.WriteStartObject("meta");
        w.WriteNumber("total", total);
        w.WriteNumber("per_page", paging.PerPage);
        w.WriteNumber("page", paging.Page);
        w.WriteNumber("pages", paging.Pages(total));
        meta(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Validation and bad query values; the errno is the first error's (2001, or paging's 1013/1014).</summary>
    public override Task ErrorsAsync(HttpContext context, int status, IReadOnlyList<ApiError> errors) =>
        Errors.ProjectsValidationAsync(context, [.. errors.Select(e => KeyValuePair.Create(e.Field ?? "__root__", e.Message))], status, errors[0].Errno);

    public override Task NotFoundAsync(HttpContext context, string objectName, string idField, string id) =>
        Errors.ProjectsNotFoundAsync(context);

    public override Task MethodNotAllowedAsync(HttpContext context, string objectName) =>
        Errors.MessageAsync(context, 405, "The method is not allowed for the requested URL.");

    public override Task DeletedAsync(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
