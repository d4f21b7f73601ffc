using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks;

/// <summary>
/// The checks data annotations cannot express; run on start with them. Each message names the setting as the app would
/// set it: the configuration key under <see cref="FreshBooksOptions.SectionName"/>, its environment variable form, and
/// the property for code.
/// </summary>
internal sealed class FreshBooksOptionsValidator : IValidateOptions<FreshBooksOptions>
{
    /// <summary>The shortest <see cref="FreshBooksOptions.RequestTimeout"/> accepted (the resilience timeout's own floor).</summary>
    public static readonly TimeSpan MinRequestTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest <see cref="FreshBooksOptions.RequestTimeout"/> accepted.</summary>
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(10);

    /// <summary><c>ClientId (configuration key Ledgerline:FreshBooks:ClientId, environment variable Ledgerline__FreshBooks__ClientId)</c>.</summary>
    public static string Key(string property) =>
        $"{property} (configuration key {FreshBooksOptions.SectionName}:{property}, environment variable " +
        $"{FreshBooksOptions.SectionName.Replace(":", "__", StringComparison.Ordinal)}__{property})";

    public ValidateOptionsResult Validate(string? name, FreshBooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.ClientId))} is not set: it is the client id of your FreshBooks app " +
                "(or of the sandbox, which prints it on start).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.ClientSecret))} is not set: it is the client secret of your FreshBooks app " +
                "(keep it in user secrets or a secret store, not in appsettings.json).");
        }

        CheckBase(options.ApiBaseUrl, nameof(FreshBooksOptions.ApiBaseUrl), failures);
        CheckBase(options.AuthBaseUrl, nameof(FreshBooksOptions.AuthBaseUrl), failures);
        if (options.RedirectUri is { IsAbsoluteUri: false })
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.RedirectUri))} must be an absolute URI.");
        }

        if (options.ApiVersion is { } version &&
            !DateOnly.TryParseExact(version, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.ApiVersion))} must be a date such as 2023-02-20 (it was '{version}').");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.MaxRetryAfter))} cannot be negative.");
        }

        if (options.RefreshBeforeExpiry < TimeSpan.Zero)
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.RefreshBeforeExpiry))} cannot be negative.");
        }

        if (options.RequestTimeout < MinRequestTimeout || options.RequestTimeout > MaxRequestTimeout)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Key(nameof(FreshBooksOptions.RequestTimeout))} must be from 10 milliseconds to 10 minutes (it was {options.RequestTimeout})."));
        }

        if (options.TokenRequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.TokenRequestTimeout))} must be positive.");
        }

        if (options.TokenRefreshDeadline < options.TokenRequestTimeout)
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.TokenRefreshDeadline))} must be at least {nameof(FreshBooksOptions.TokenRequestTimeout)}.");
        }

        // Checked here rather than with [Range]: the options source generator's range check ignores a custom message.
        CheckRange(options.PageConcurrency, 1, 16, nameof(FreshBooksOptions.PageConcurrency), failures);
        CheckRange(options.MaxRetries, 0, 10, nameof(FreshBooksOptions.MaxRetries), failures);
        CheckRange(options.MaxConcurrentRequestsPerConnection, 1, 64, nameof(FreshBooksOptions.MaxConcurrentRequestsPerConnection), failures);

        if (options.DefaultExpenseCategoryId is { } category && !long.TryParse(category, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.DefaultExpenseCategoryId))} must be a FreshBooks category id (digits).");
        }

        // The same rule CreateAuthorizationRequest applies to the scopes it is given, found on start rather than at the first connect.
        try
        {
            PublicInput.Scopes(nameof(FreshBooksOptions.Scopes), options.Scopes, Http.FreshBooksRequest.ProviderName);
        }
        catch (LedgerValidationException refused)
        {
            failures.Add($"{Key(nameof(FreshBooksOptions.Scopes))}: {refused.Errors[0].Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange(int value, int minimum, int maximum, string name, List<string> failures)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Key(name)} must be between {minimum} and {maximum}."));
        }
    }

    private static void CheckBase(Uri? uri, string name, List<string> failures)
    {
        if (uri is null)
        {
            return;
        }

        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Key(name)} must be an absolute http(s) URL (it was '{uri}').");
        }
    }
}
