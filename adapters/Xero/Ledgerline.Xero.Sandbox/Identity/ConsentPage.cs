using System.Net;
using System.Text;

namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>
/// The HTML of the consent screen: the app, the scopes, one pre-checked checkbox per organisation, Allow and Cancel.
/// Scriptable: POST the same form back with <c>tenant</c> values and <c>decision=allow</c>.
/// </summary>
internal static class ConsentPage
{
    public static string Render(string appName, IReadOnlyList<string> scopes, IReadOnlyList<SandboxTenant> tenants, IEnumerable<KeyValuePair<string, string>> hidden)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Xero | Authorise app</title></head><body>");
        html.Append("<h1>").Append(Enc(appName)).Append(" wants access to your Xero organisations</h1>");
        html.Append("<ul id=\"scopes\">");
        foreach (var scope in scopes)
        {
            html.Append("<li>").Append(Enc(scope)).Append("</li>");
        }

        html.Append("</ul><form method=\"post\" action=\"/identity/connect/authorize\">");
        foreach (var (key, value) in hidden)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(Enc(key)).Append("\" value=\"").Append(Enc(value)).Append("\">");
        }

        html.Append("<fieldset><legend>Select organisations</legend>");
        foreach (var t in tenants)
        {
            html.Append("<label><input type=\"checkbox\" name=\"tenant\" value=\"").Append(t.TenantId).Append("\" checked> ")
                .Append(Enc(t.Name)).Append(" (").Append(Enc(t.BaseCurrency)).Append(")</label><br>");
        }

        html.Append("</fieldset><button type=\"submit\" name=\"decision\" value=\"allow\">Allow access</button> ");
        html.Append("<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button></form></body></html>");
        return html.ToString();
    }

    public static string Error(string error, string description) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Xero | Error</title></head><body><h1>Sorry, something went wrong</h1>" +
        "<p id=\"error\">" + Enc(error) + "</p><p id=\"error_description\">" + Enc(description) + "</p></body></html>";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
