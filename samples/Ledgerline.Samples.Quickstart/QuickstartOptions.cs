using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.Samples.Quickstart.Consent;
using Ledgerline.Xero.Sandbox;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Samples.Quickstart;

/// <summary>How the quickstart runs. The defaults run the whole story on an embedded sandbox with no configuration.</summary>
internal sealed class QuickstartOptions
{
    /// <summary>The provider the story runs on. Default <see cref="QuickstartProvider.FreshBooks"/>.</summary>
    public QuickstartProvider Provider { get; init; } = QuickstartProvider.FreshBooks;

    /// <summary>
    /// A Xero sandbox that is already running, to use instead of starting one when <see cref="Provider"/> is
    /// <see cref="QuickstartProvider.Xero"/>. The story neither seeds nor stops it.
    /// </summary>
    public XeroSandbox? XeroSandbox { get; init; }

    /// <summary>Credentials of a real FreshBooks app; <see langword="null"/> (the default) runs on an embedded sandbox.</summary>
    public FreshBooksCredentials? FreshBooks { get; init; }

    /// <summary>
    /// A sandbox that is already running, to use instead of starting one. The story neither seeds nor stops it, so the
    /// caller can inspect what it holds afterwards. Ignored when <see cref="FreshBooks"/> is set.
    /// </summary>
    public FreshBooksSandbox? Sandbox { get; init; }

    /// <summary>How many extra invoices the embedded sandbox is seeded with, so that listing really spans pages. Default 250.</summary>
    public int SeedInvoices { get; init; } = 250;

    /// <summary>Page size for listing unpaid invoices page by page (1 to 100). Default 100.</summary>
    public int PageSize { get; init; } = RecordQuery.MaxPageSize;

    /// <summary>The button the scripted browser presses on the sandbox's consent page. Default <see cref="ConsentDecision.Allow"/>.</summary>
    public ConsentDecision SandboxConsent { get; init; } = ConsentDecision.Allow;

    /// <summary>The id the connection is stored under (in a multi-tenant app, the tenant id). Default <c>quickstart</c>.</summary>
    public string ConnectionId { get; init; } = "quickstart";

    /// <summary>The currency of the client and invoice the story creates on FreshBooks. Default USD.</summary>
    public CurrencyCode Currency { get; init; } = CurrencyCode.USD;

    /// <summary>The currency of the documents the story creates on Xero: the sandbox organisation's base currency. Default NZD.</summary>
    public CurrencyCode XeroCurrency { get; init; } = CurrencyCode.Parse("NZD");

    /// <summary>Where the redirect address is read from when running against real FreshBooks. Default standard input.</summary>
    public TextReader? Input { get; init; }

    /// <summary>The clock that dates the invoice and payments. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Adds logging providers; with none, the library's logs are discarded.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}

/// <summary>The providers the quickstart can run its story on.</summary>
internal enum QuickstartProvider
{
    /// <summary>FreshBooks: the embedded sandbox, or real FreshBooks with configured credentials.</summary>
    FreshBooks,

    /// <summary>Xero: the embedded Xero sandbox.</summary>
    Xero,
}

/// <summary>
/// A FreshBooks app's OAuth credentials (from the FreshBooks developer page) and, optionally, where FreshBooks is: leave
/// the base URLs unset for real FreshBooks, or point them at a standalone sandbox.
/// </summary>
/// <param name="ClientId">The app's client id.</param>
/// <param name="ClientSecret">The app's client secret; never printed.</param>
/// <param name="RedirectUri">The redirect URI registered for the app (FreshBooks requires https).</param>
internal sealed record FreshBooksCredentials(string ClientId, string ClientSecret, Uri RedirectUri)
{
    /// <summary>The API base; <see langword="null"/> keeps FreshBooks' own (<c>https://api.freshbooks.com/</c>).</summary>
    public Uri? ApiBaseUrl { get; init; }

    /// <summary>The base of the consent page; <see langword="null"/> keeps FreshBooks' own (<c>https://auth.freshbooks.com/</c>).</summary>
    public Uri? AuthBaseUrl { get; init; }

    /// <summary>Describes the credentials without the secret.</summary>
    public override string ToString() =>
        $"FreshBooksCredentials {{ ClientId = {ClientId}, ClientSecret = ***, RedirectUri = {RedirectUri}, ApiBaseUrl = {ApiBaseUrl}, AuthBaseUrl = {AuthBaseUrl} }}";
}
