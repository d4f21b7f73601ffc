using System.Globalization;

namespace Ledgerline.Xero.Sandbox.Hosting;

/// <summary>
/// Xero's gateway errors: problem-details JSON for 401 (token) and 403 (tenant), plain text for the Accounting API's 404.
/// </summary>
internal static class Problems
{
    /// <summary>Xero's Accounting API answers an unknown resource or record with this plain-text body.</summary>
    public const string NotFoundText = "The resource you're looking for cannot be found";

    public static Task UnauthorizedAsync(HttpContext context, string detail) => ProblemAsync(context, 401, "Unauthorized", detail);

    public static Task ForbiddenAsync(HttpContext context) => ProblemAsync(context, 403, "Forbidden", "AuthenticationUnsuccessful");

    /// <summary>The detail of an expired token: <c>TokenExpired: token expired at 03/03/2020 09:46:07</c> (UTC, US order).</summary>
    public static string TokenExpired(DateTimeOffset expiredAt) =>
        "TokenExpired: token expired at " + expiredAt.UtcDateTime.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static Task NotFoundAsync(HttpContext context) => HttpJson.WriteTextAsync(context, 404, NotFoundText);

    private static Task ProblemAsync(HttpContext context, int status, string title, string detail) => HttpJson.WriteAsync(context, status, w =>
    {
        w.WriteStartObject();
        w.WriteNull("Type");
        w.WriteString("Title", title);
        w.WriteNumber("Status", status);
        w.WriteString("Detail", detail);
        w.WriteString("Instance", Guid.NewGuid().ToString());
        w.WriteStartObject("Extensions");
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
