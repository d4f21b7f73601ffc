using Microsoft.Extensions.Configuration;

namespace Ledgerline.Samples.Quickstart;

/// <summary>
/// Turns configuration and arguments into <see cref="QuickstartOptions"/>. FreshBooks credentials come from
/// <c>Ledgerline:FreshBooks:ClientId</c>, <c>…:ClientSecret</c> and <c>…:RedirectUri</c> (environment variables
/// <c>Ledgerline__FreshBooks__ClientId</c>, … or user secrets); without a client id the story runs on the embedded sandbox.
/// <c>--provider xero</c> runs the story on the embedded Xero sandbox instead (FreshBooks credentials do not apply).
/// Optional <c>…:ApiBaseUrl</c> and <c>…:AuthBaseUrl</c> point the story at a standalone sandbox instead of real FreshBooks.
/// </summary>
internal static class QuickstartConfiguration
{
    /// <summary>The configuration section holding the FreshBooks app's credentials.</summary>
    public const string SectionName = "Ledgerline:FreshBooks";

    /// <summary>The argument that runs on the sandbox even when credentials are configured.</summary>
    public const string SandboxArgument = "--sandbox";

    /// <summary>The argument that picks the provider: <c>--provider freshbooks</c> (the default) or <c>--provider xero</c>.</summary>
    public const string ProviderArgument = "--provider";

    /// <summary>Reads the options.</summary>
    /// <exception cref="QuickstartException">An argument is unknown, or the credentials are incomplete or malformed.</exception>
    public static QuickstartOptions Read(IConfiguration configuration, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(args);
        var forceSandbox = false;
        var provider = QuickstartProvider.FreshBooks;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == SandboxArgument)
            {
                forceSandbox = true;
            }
            else if (arg == ProviderArgument || arg.StartsWith(ProviderArgument + "=", StringComparison.Ordinal))
            {
                var value = arg == ProviderArgument
                    ? (i + 1 < args.Count ? args[++i] : throw new QuickstartException($"{ProviderArgument} needs a value: freshbooks or xero."))
                    : arg[(ProviderArgument.Length + 1)..];
                provider = value.Trim().ToLowerInvariant() switch
                {
                    "freshbooks" => QuickstartProvider.FreshBooks,
                    "xero" => QuickstartProvider.Xero,
                    _ => throw new QuickstartException($"Unknown provider '{value}'. Use {ProviderArgument} freshbooks (the default) or {ProviderArgument} xero."),
                };
            }
            else
            {
                throw new QuickstartException($"Unknown argument '{arg}'. Run with no arguments, with {ProviderArgument} freshbooks|xero, or with {SandboxArgument} to ignore configured FreshBooks credentials.");
            }
        }

        if (provider == QuickstartProvider.Xero)
        {
            // Xero runs on its embedded sandbox only; FreshBooks credentials do not apply to it.
            return new QuickstartOptions { Provider = QuickstartProvider.Xero };
        }

        var section = configuration.GetSection(SectionName);
        var clientId = section["ClientId"];
        if (forceSandbox || string.IsNullOrWhiteSpace(clientId))
        {
            return new QuickstartOptions();
        }

        var clientSecret = section["ClientSecret"];
        var redirect = section["RedirectUri"];
        var missing = new[] { ("ClientSecret", clientSecret), ("RedirectUri", redirect) }
            .Where(s => string.IsNullOrWhiteSpace(s.Item2)).Select(s => "Ledgerline__FreshBooks__" + s.Item1).ToArray();
        if (missing.Length > 0)
        {
            throw new QuickstartException(
                $"Ledgerline__FreshBooks__ClientId is set, so the quickstart would use real FreshBooks, but {string.Join(" and ", missing)} {(missing.Length == 1 ? "is" : "are")} not. " +
                $"Set {(missing.Length == 1 ? "it" : "them")}, or run with {SandboxArgument}.");
        }

        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || redirectUri.Scheme is not ("https" or "http"))
        {
            throw new QuickstartException("Ledgerline__FreshBooks__RedirectUri must be the absolute redirect URI registered for the FreshBooks app.");
        }

        return new QuickstartOptions
        {
            FreshBooks = new FreshBooksCredentials(clientId.Trim(), clientSecret!.Trim(), redirectUri)
            {
                ApiBaseUrl = BaseUrl(section, "ApiBaseUrl"),
                AuthBaseUrl = BaseUrl(section, "AuthBaseUrl"),
            },
        };
    }

    private static Uri? BaseUrl(IConfigurationSection section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new QuickstartException($"Ledgerline__FreshBooks__{key} must be an absolute http(s) URL.");
    }
}
