using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>
/// The Projects API's own error shape: 400 <c>{"message":"The request is invalid.","modelState":{"model.Name":["…"]}}</c>
/// (keys <c>model.&lt;Field&gt;</c> in PascalCase, as Xero's documented example). A record that does not exist is a 404
/// with <c>{"message":…}</c> (the reference shows no 404 body: <i>Decision</i>).
/// </summary>
internal static class ProjectsErrors
{
    public const string InvalidMessage = "The request is invalid.";

    public static Task InvalidAsync(HttpContext context, IReadOnlyDictionary<string, List<string>> modelState) => HttpJson.WriteAsync(context, 400, w =>
    {
        w.WriteStartObject();
        w.WriteString("message", InvalidMessage);
        w.WriteStartObject("modelState");
        foreach (var (key, messages) in modelState)
        {
            w.WriteStartArray(key);
            foreach (var message in messages)
            {
                w.WriteStringValue(message);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static Task InvalidAsync(HttpContext context, string field, string message) =>
        InvalidAsync(context, new Dictionary<string, List<string>>(StringComparer.Ordinal) { [field] = [message] });

    public static Task NotFoundAsync(HttpContext context, string what) => HttpJson.WriteAsync(context, 404, w =>
    {
        w.WriteStartObject();
        w.WriteString("message", what + " was not found.");
        w.WriteEndObject();
    });
}
