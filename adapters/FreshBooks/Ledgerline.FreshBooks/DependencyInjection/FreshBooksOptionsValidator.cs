using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks;

/// <summary>The checks data annotations cannot express; run on start with them.</summary>
internal sealed class FreshBooksOptionsValidator : IValidateOptions<FreshBooksOptions>
{
    /// <summary>The shortest <see cref="FreshBooksOptions.RequestTimeout"/> accepted (the resilience timeout's own floor).</summary>
    public static readonly TimeSpan MinRequestTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest <see cref="FreshBooksOptions.RequestTimeout"/> accepted.</summary>
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, FreshBooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckBase(options.ApiBaseUrl, nameof(FreshBooksOptions.ApiBaseUrl), failures);
        CheckBase(options.AuthBaseUrl, nameof(FreshBooksOptions.AuthBaseUrl), failures);
        if (options.RedirectUri is { IsAbsoluteUri: false })
        {
            failures.Add($"{nameof(FreshBooksOptions.RedirectUri)} must be an absolute URI.");
        }

        if (options.ApiVersion is { } version &&
            !DateOnly.TryParseExact(version, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            failures.Add($"{nameof(FreshBooksOptions.ApiVersion)} must be a date such as 2023-02-20 (it was '{version}').");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{nameof(FreshBooksOptions.MaxRetryAfter)} cannot be negative.");
        }

        if (options.RefreshBeforeExpiry < TimeSpan.Zero)
        {
            failures.Add($"{nameof(FreshBooksOptions.RefreshBeforeExpiry)} cannot be negative.");
        }

        if (options.RequestTimeout < MinRequestTimeout || options.RequestTimeout > MaxRequestTimeout)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{nameof(FreshBooksOptions.RequestTimeout)} must be from 10 milliseconds to 10 minutes (it was {options.RequestTimeout})."));
        }

        if (options.TokenRequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(FreshBooksOptions.TokenRequestTimeout)} must be positive.");
        }

        if (options.TokenRefreshDeadline < options.TokenRequestTimeout)
        {
            failures.Add($"{nameof(FreshBooksOptions.TokenRefreshDeadline)} must be at least {nameof(FreshBooksOptions.TokenRequestTimeout)}.");
        }

        if (options.DefaultExpenseCategoryId is { } category && !long.TryParse(category, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            failures.Add($"{nameof(FreshBooksOptions.DefaultExpenseCategoryId)} must be a FreshBooks category id (digits).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckBase(Uri? uri, string name, List<string> failures)
    {
        if (uri is null)
        {
            return;
        }

        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{name} must be an absolute http(s) URL (it was '{uri}').");
        }
    }
}
