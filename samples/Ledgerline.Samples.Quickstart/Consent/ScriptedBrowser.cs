using System.Net;
using System.Text.RegularExpressions;

namespace Ledgerline.Samples.Quickstart.Consent;

/// <summary>
/// Plays the user's browser on the sandbox's consent page: fetches the page, fills in its form, presses a button and
/// reads the redirect back to the app — without following it, as nothing listens on the app's redirect URI here.
/// </summary>
internal sealed partial class ScriptedBrowser(HttpClient http, ConsentDecision decision, TextWriter output) : IConsentAgent
{
    /// <summary>An <see cref="HttpClient"/> that behaves like a browser tab for this purpose: it reports redirects instead of following them.</summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<AuthorizationRedirect> AuthorizeAsync(Uri authorizationUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorizationUrl);
        using var page = await http.GetAsync(authorizationUrl, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new QuickstartException($"The consent page answered HTTP {(int)page.StatusCode}: {Text(TitleRegex(), html) ?? "no page title"}.");
        }

        var form = FormRegex().Match(html);
        if (!form.Success)
        {
            throw new QuickstartException("The consent page has no form to submit.");
        }

        var fields = InputRegex().Matches(form.Groups["body"].Value)
            .Select(m => (Name: Attribute(m.Value, "name"), Value: Attribute(m.Value, "value") ?? string.Empty))
            .Where(f => f.Name is not null)
            .Select(f => new KeyValuePair<string, string>(f.Name!, f.Value))
            .ToList();
        var button = decision == ConsentDecision.Allow ? "allow" : "deny";
        fields.Add(new("decision", button));

        var action = new Uri(authorizationUrl, WebUtility.HtmlDecode(form.Groups["action"].Value));
        output.WriteLine($"   Consent page \"{Text(TitleRegex(), html)}\": pressing {(decision == ConsentDecision.Allow ? "Allow" : "Deny")}");
        using var content = new FormUrlEncodedContent(fields);
        using var answer = await http.PostAsync(action, content, cancellationToken);
        if ((int)answer.StatusCode is not (301 or 302 or 303 or 307) || answer.Headers.Location is not { } location)
        {
            throw new QuickstartException($"The consent page answered HTTP {(int)answer.StatusCode} instead of redirecting back to the app.");
        }

        var redirect = location.IsAbsoluteUri ? location : new Uri(action, location);
        return AuthorizationRedirect.Parse(redirect.AbsoluteUri);
    }

    private static string? Attribute(string tag, string name)
    {
        var match = AttributeRegex().Matches(tag).FirstOrDefault(m => string.Equals(m.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase));
        return match is null ? null : WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    private static string? Text(Regex regex, string html) =>
        regex.Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;

    [GeneratedRegex("""<form\b[^>]*\baction="(?<action>[^"]*)"[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("""<input\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();

    [GeneratedRegex(@"\b(?<name>[a-z_-]+)=""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex AttributeRegex();

    [GeneratedRegex("""<title>(.*?)</title>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TitleRegex();
}
