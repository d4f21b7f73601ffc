using Microsoft.Extensions.Options;

namespace Ledgerline.Acme;

/// <summary>The checks data annotations cannot express, run on start with them. Each failure names the setting to fix.</summary>
internal sealed class AcmeOptionsValidator : IValidateOptions<AcmeOptions>
{
    public ValidateOptionsResult Validate(string? name, AcmeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ApiBaseUrl is { } api && (!api.IsAbsoluteUri || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp) || !api.AbsolutePath.EndsWith('/')))
        {
            failures.Add($"{AcmeOptions.SectionName}:{nameof(AcmeOptions.ApiBaseUrl)} must be an absolute http(s) URL ending with '/' (it was '{api}').");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{AcmeOptions.SectionName}:{nameof(AcmeOptions.MaxRetryAfter)} cannot be negative.");
        }

        if (options.Tokens.TokenRequestTimeout <= TimeSpan.Zero || options.Tokens.RefreshDeadline < options.Tokens.TokenRequestTimeout)
        {
            failures.Add($"{AcmeOptions.SectionName}:{nameof(AcmeOptions.Tokens)}: TokenRequestTimeout must be positive and RefreshDeadline at least as long.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
