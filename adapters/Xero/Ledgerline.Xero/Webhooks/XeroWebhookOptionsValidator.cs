using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.Webhooks;

/// <summary>Checks <see cref="XeroWebhookOptions"/> on start; messages name the setting, never the key.</summary>
internal sealed class XeroWebhookOptionsValidator : IValidateOptions<XeroWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, XeroWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add($"{nameof(XeroWebhookOptions.SigningKey)} is required: the webhook key shown in Xero's developer portal.");
        }

        if (options.MaxBodyBytes <= 0)
        {
            failures.Add($"{nameof(XeroWebhookOptions.MaxBodyBytes)} must be positive.");
        }

        if (options.DuplicateWindow <= TimeSpan.Zero || options.DuplicateCapacity <= 0)
        {
            failures.Add($"{nameof(XeroWebhookOptions.DuplicateWindow)} and {nameof(XeroWebhookOptions.DuplicateCapacity)} must be positive.");
        }

        if (options.ConnectionIds.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{nameof(XeroWebhookOptions.ConnectionIds)} cannot hold a blank id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
