namespace Ledgerline.Samples.Quickstart.Consent;

/// <summary>
/// For real FreshBooks: a person opens the authorization URL in a browser, allows access, and pastes back the address
/// FreshBooks redirected them to (or just its <c>code</c>). A web app would receive that redirect on its own endpoint.
/// </summary>
/// <param name="input">Where the address is typed or piped.</param>
/// <param name="output">Where the instructions go.</param>
/// <param name="endPromptLine">Whether to end the prompt's line after reading: a terminal echoes the user's Enter, piped input does not.</param>
internal sealed class ConsoleConsent(TextReader input, TextWriter output, bool endPromptLine) : IConsentAgent
{
    public async Task<AuthorizationRedirect> AuthorizeAsync(Uri authorizationUrl, CancellationToken cancellationToken = default)
    {
        output.WriteLine("   Open the URL above in a browser, sign in to FreshBooks and allow access.");
        output.WriteLine("   Then paste the address you were redirected to (or just its code) and press Enter:");
        output.Write("   > ");
        output.Flush();
        var line = await input.ReadLineAsync(cancellationToken);
        if (endPromptLine)
        {
            output.WriteLine();
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            throw new QuickstartException("No redirect address or code was entered.");
        }

        return AuthorizationRedirect.Parse(line);
    }
}
