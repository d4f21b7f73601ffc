using System.Globalization;
using System.Text.Json;

namespace Ledgerline.FreshBooks.Sandbox.Hosting;

/// <summary>Error bodies of each FreshBooks service family, byte-for-byte in the documented shapes.</summary>
internal static class Errors
{
    public const string NotAuthorizedMessage = "The server could not verify that you are authorized to access the URL requested.";

    public const string ProjectsNotAuthorizedMessage = NotAuthorizedMessage +
        " You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.";

    private static readonly DateOnly NewErrorFormatSince = new(2022, 10, 31);

    /// <summary>API versions 2022-10-31 and later switch /accounting errors to the google.rpc shape.</summary>
    public static bool UsesNewAccountingFormat(HttpRequest request)
    {
        var header = request.Headers["X-API-VERSION"].FirstOrDefault() ?? request.Headers["Api-Version"].FirstOrDefault();
        return header is not null &&
            DateOnly.TryParseExact(header.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) &&
            v >= NewErrorFormatSince;
    }

    public static Task AccountingAsync(HttpContext context, int status, params ApiError[] errors) =>
        AccountingAsync(context, status, (IReadOnlyList<ApiError>)errors);

    public static Task AccountingAsync(HttpContext context, int status, IReadOnlyList<ApiError> errors)
    {
        if (UsesNewAccountingFormat(context.Request))
        {
            return HttpJson.WriteAsync(context, status, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("code", RpcCode(status));
                w.WriteString("message", "Request failed with status_code: " + status.ToString(CultureInfo.InvariantCulture));
                w.WriteStartArray("details");
                foreach (var e in errors)
                {
                    w.WriteStartObject();
                    w.WriteString("@type", "type.googleapis.com/google.rpc.ErrorInfo");
                    w.WriteString("reason", e.Errno.ToString(CultureInfo.InvariantCulture));
                    w.WriteString("domain", "accounting.api.freshbooks.com");
                    w.WriteStartObject("metadata");
                    w.WriteString("object", e.Object ?? "");
                    w.WriteString("message", e.Message);
                    w.WriteString("value", e.Value ?? "");
                    w.WriteString("field", e.Field ?? "");
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        return HttpJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("response");
            w.WriteStartArray("errors");
            foreach (var e in errors)
            {
                w.WriteStartObject();
                w.WriteNumber("errno", e.Errno);
                HttpJson.NullableString(w, "field", e.Field);
                w.WriteString("message", e.Message);
                HttpJson.NullableString(w, "object", e.Object);
                HttpJson.NullableString(w, "value", e.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>google.rpc canonical code for an HTTP status.</summary>
    public static int RpcCode(int status) => status switch
    {
        400 or 422 => 3,
        401 => 16,
        403 => 7,
        404 => 5,
        409 => 10,
        429 => 8,
        >= 500 => 13,
        _ => 2,
    };

    public static Task AccountingUnauthorizedAsync(HttpContext context) =>
        AccountingAsync(context, 401, new ApiError(1003, "", NotAuthorizedMessage, "", ""));

    public static Task AuthAsync(HttpContext context, int status, string error, string description, string? state = null) =>
        HttpJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", error);
            w.WriteString("error_description", description);
            if (state is not null)
            {
                w.WriteString("state", state);
            }

            w.WriteEndObject();
        });

    public static Task EventsAsync(HttpContext context, int status, string message, IReadOnlyList<string>? details = null) =>
        HttpJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("errno", status);
            w.WriteString("message", message);
            if (details is not null)
            {
                w.WriteStartArray("details");
                foreach (var d in details)
                {
                    w.WriteStringValue(d);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        });

    public const string EventsValidationMessage = "The request was well-formed but was unable to be followed due to semantic errors.";

    public static Task EventsValidationAsync(HttpContext context, IReadOnlyList<string> details) =>
        EventsAsync(context, 422, EventsValidationMessage, details);

    public static Task EventsNotFoundAsync(HttpContext context) =>
        EventsAsync(context, 404, "Requested resource could not be found.");

    public static Task EventsUnauthorizedAsync(HttpContext context) =>
        EventsAsync(context, 401, "invalid_token: The request token failed to authenticate or validate.");

    public static Task ProjectsNotFoundAsync(HttpContext context) =>
        HttpJson.WriteAsync(context, 404, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", "Requested resource could not be found.");
            w.WriteEndObject();
        });

    public static Task ProjectsUnauthorizedAsync(HttpContext context) => MessageAsync(context, 401, ProjectsNotAuthorizedMessage);

    /// <summary>Project-family validation: <c>{"errno":2001,"error":{field: message}}</c>.</summary>
    public static Task ProjectsValidationAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> fields, int status = 422, int errno = 2001) =>
        HttpJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("errno", errno);
            w.WriteStartObject("error");
            foreach (var (k, v) in fields)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });

    public static Task MessageAsync(HttpContext context, int status, string message) =>
        HttpJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteEndObject();
        });

    /// <summary>The body FreshBooks returns when a token lacks a scope (every family since Oct 2021).</summary>
    public static Task InsufficientScopeAsync(HttpContext context, IEnumerable<string> provided, string required) =>
        MessageAsync(context, 403,
            "insufficient_scope: The request requires higher privileges than provided by the access token. Provided: ['" +
            string.Join(' ', provided) + "']. Required: ['" + required + "'].");

    public static void WriteStringArray(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
