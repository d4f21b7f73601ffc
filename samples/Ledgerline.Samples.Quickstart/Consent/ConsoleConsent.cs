namespace Ledgerline.Samples.Quickstart.Consent;

/// <summary>
/// For real FreshBooks: a person opens the authorization URL in a browser, allows access, and pastes back the address
/// FreshBooks redirected them to (or just its <c>code</c>). A web app would receive that redirect on its own endpoint.
/// </summary>
internal sealed class ConsoleConsent(TextReader input, TextWriter output) : IConsentAgent
{
    public async Task<AuthorizationRedirect> AuthorizeAsync(Uri authorizationUrl, CancellationToken cancellationToken = default)
    {
        output.WriteLine("   Open the URL above in a browser, sign in to FreshBooks and allow access.");
        output.WriteLine("   Then paste the address you were redirected to (or just its code) and press Enter:");
        output.Write("   > ");
        output.Flush();
        var line = await input.ReadLineAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(line))
        {
            throw new QuickstartException("No redirect address or code was entered.");
        }

        return AuthorizationRedirect.Parse(line);
    }
}
