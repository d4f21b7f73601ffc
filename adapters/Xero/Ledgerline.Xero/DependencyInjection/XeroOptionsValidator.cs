using Microsoft.Extensions.Options;

namespace Ledgerline.Xero;

/// <summary>The checks data annotations cannot express; run on start with them.</summary>
internal sealed class XeroOptionsValidator : IValidateOptions<XeroOptions>
{
    /// <summary>The shortest <see cref="XeroOptions.RequestTimeout"/> accepted (the resilience timeout's own floor).</summary>
    public static readonly TimeSpan MinRequestTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest <see cref="XeroOptions.RequestTimeout"/> accepted.</summary>
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, XeroOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckBase(options.ApiBaseUrl, nameof(XeroOptions.ApiBaseUrl), failures);
        CheckBase(options.IdentityBaseUrl, nameof(XeroOptions.IdentityBaseUrl), failures);
        CheckBase(options.LoginBaseUrl, nameof(XeroOptions.LoginBaseUrl), failures);
        if (options.RedirectUri is { IsAbsoluteUri: false })
        {
            failures.Add($"{nameof(XeroOptions.RedirectUri)} must be an absolute URI.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{nameof(XeroOptions.MaxRetryAfter)} cannot be negative.");
        }

        if (options.RefreshBeforeExpiry < TimeSpan.Zero)
        {
            failures.Add($"{nameof(XeroOptions.RefreshBeforeExpiry)} cannot be negative.");
        }

        if (options.RequestTimeout < MinRequestTimeout || options.RequestTimeout > MaxRequestTimeout)
        {
            failures.Add($"{nameof(XeroOptions.RequestTimeout)} must be from 10 milliseconds to 10 minutes (it was {options.RequestTimeout}).");
        }

        if (options.TokenRequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(XeroOptions.TokenRequestTimeout)} must be positive.");
        }

        if (options.TokenRefreshDeadline < options.TokenRequestTimeout || options.TokenRefreshDeadline >= TimeSpan.FromMinutes(30))
        {
            failures.Add($"{nameof(XeroOptions.TokenRefreshDeadline)} must be at least {nameof(XeroOptions.TokenRequestTimeout)} and under Xero's 30-minute refresh-token grace.");
        }

        if (options.PaymentAccountCode is { } payment && string.IsNullOrWhiteSpace(payment))
        {
            failures.Add($"{nameof(XeroOptions.PaymentAccountCode)} must be an account code such as 090, or null.");
        }

        if (options.SalesAccountCode is { } sales && string.IsNullOrWhiteSpace(sales))
        {
            failures.Add($"{nameof(XeroOptions.SalesAccountCode)} must be an account code such as 200, or null.");
        }

        foreach (var (value, option, example) in new[]
        {
            (options.ExpenseBankAccountCode, nameof(XeroOptions.ExpenseBankAccountCode), "an account code such as 090"),
            (options.ExpenseAccountCode, nameof(XeroOptions.ExpenseAccountCode), "an account code such as 429"),
            (options.PurchaseAccountCode, nameof(XeroOptions.PurchaseAccountCode), "an account code such as 400"),
            (options.SalesTaxReportType, nameof(XeroOptions.SalesTaxReportType), "a report tax type such as OUTPUT"),
        })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{option} must be {example}, or null.");
            }
        }

        // The same rule CreateAuthorizationRequest applies to the scopes it is given, found on start rather than at the first connect.
        try
        {
            PublicInput.Scopes(nameof(XeroOptions.Scopes), options.Scopes, Http.XeroRequest.ProviderName);
        }
        catch (LedgerValidationException refused)
        {
            failures.Add(refused.Errors[0].Message);
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
        else if (!uri.AbsolutePath.EndsWith('/'))
        {
            failures.Add($"{name} must end with '/' so that Xero's paths resolve under it (it was '{uri}').");
        }
    }
}
