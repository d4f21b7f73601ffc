using System.Text.RegularExpressions;

namespace Ledgerline.Samples.Tests.Quickstart;

/// <summary>
/// Stands in for the person running the quickstart against configured FreshBooks: when asked for the redirect, reads
/// the authorization URL the story printed, "clicks" a button on the consent page (posts the form as a browser would,
/// without following the redirect) and types back the address it was redirected to — optionally tampered with.
/// </summary>
public sealed partial class PersonAtTheConsole(StringWriter storyOutput, string decision = "allow", Func<string, string>? tamper = null) : TextReader
{
    public int Prompts { get; private set; }

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        Prompts++;
        var printed = AuthorizationUrlRegex().Match(storyOutput.ToString());
        Assert.True(printed.Success, "the story printed no authorization URL before asking for the redirect");
        var authorizationUrl = new Uri(printed.Groups[1].Value);

        // The consent form posts back the authorization request's own parameters plus the button pressed.
        var fields = authorizationUrl.Query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])))
            .Append(new("decision", decision));
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(fields);
        using var answer = await browser.PostAsync(new Uri(authorizationUrl.GetLeftPart(UriPartial.Path)), form, cancellationToken);
        var location = answer.Headers.Location?.AbsoluteUri;
        Assert.True(location is not null, $"the consent page answered {(int)answer.StatusCode} without a redirect");
        return tamper is null ? location : tamper(location);
    }

    public override string? ReadLine() => throw new NotSupportedException("The story reads asynchronously.");

    [GeneratedRegex(@"Authorization URL: (\S+)")]
    private static partial Regex AuthorizationUrlRegex();
}
