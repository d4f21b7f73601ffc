using System.Text.RegularExpressions;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.Samples.Quickstart;

namespace Ledgerline.Samples.Tests.Quickstart;

/// <summary>
/// The path taken with FreshBooks credentials configured: the authorization URL is printed and the redirect is read
/// from input. Real FreshBooks is never called: the credentials and base URLs are a sandbox's, as when pointing the
/// quickstart at a standalone sandbox.
/// </summary>
public sealed partial class QuickstartConfiguredTests
{
    private static QuickstartOptions Configured(FreshBooksSandbox sandbox, TextReader input) => new()
    {
        FreshBooks = new FreshBooksCredentials(sandbox.Options.ClientId, sandbox.Options.ClientSecret, new Uri("http://127.0.0.1:5999/callback"))
        {
            ApiBaseUrl = sandbox.BaseAddress,
            AuthBaseUrl = sandbox.BaseAddress,
        },
        Input = input,
    };

    [Fact]
    public async Task RunAsync_WithCredentials_ReadsTheRedirectFromInputAndRunsTheWholeStory()
    {
        await using var sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        using var person = new PersonAtTheConsole(output);

        var result = await QuickstartStory.RunAsync(output, Configured(sandbox, person), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error + "\n" + output);
        Assert.False(result.UsedSandbox);
        Assert.Equal(1, person.Prompts);
        var text = output.ToString();
        Assert.StartsWith($"Ledgerline quickstart on FreshBooks at {sandbox.BaseAddress} (app ledgerline-sandbox, redirect URI http://127.0.0.1:5999/callback)", text, StringComparison.Ordinal);
        Assert.Contains("Then paste the address you were redirected to (or just its code) and press Enter:", text, StringComparison.Ordinal);
        Assert.Contains("Redirected back with a code; the state matches the request.", text, StringComparison.Ordinal);
        Assert.Contains("Status moves: Draft -> PartiallyPaid -> Paid", text, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Options.ClientSecret, text, StringComparison.Ordinal);
        Assert.Equal(1, sandbox.Data.Count(sandbox.Data.PrimaryBusiness.AccountId, "clients") - 3);
    }

    [Fact]
    public async Task RunAsync_RedirectWithAnotherState_RefusesTheCode()
    {
        await using var sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        using var person = new PersonAtTheConsole(output, tamper: url => StateRegex().Replace(url, "state=forged"));

        var result = await QuickstartStory.RunAsync(output, Configured(sandbox, person), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal("Connecting FreshBooks failed: The redirect's state does not match the authorization request's; the code was not used.", result.Error);
        Assert.DoesNotContain(sandbox.Requests, r => r.Path == "/auth/oauth/token");
    }

    [Fact]
    public async Task RunAsync_NothingTyped_FailsAskingForTheRedirect()
    {
        await using var sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        using var input = new StringReader(string.Empty);

        var result = await QuickstartStory.RunAsync(output, Configured(sandbox, input), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal("Connecting FreshBooks failed: No redirect address or code was entered.", result.Error);
    }

    [GeneratedRegex("state=[^&]+")]
    private static partial Regex StateRegex();
}
