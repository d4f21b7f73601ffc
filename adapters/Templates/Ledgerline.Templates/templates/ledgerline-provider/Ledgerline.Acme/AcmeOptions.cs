using System.ComponentModel.DataAnnotations;
using Ledgerline.Connections;

namespace Ledgerline.Acme;

/// <summary>
/// Settings for the Acme provider, bound from configuration section <c>Ledgerline:Acme</c> (environment variables
/// <c>Ledgerline__Acme__ClientId</c>, …) or set in code. Validated on start. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class AcmeOptions
{
    /// <summary>The configuration section conventionally used: <c>Ledgerline:Acme</c>.</summary>
    public const string SectionName = "Ledgerline:Acme";

    /// <summary>The OAuth application's client id.</summary>
    [Required(ErrorMessage = "ClientId is required: set Ledgerline:Acme:ClientId (environment variable Ledgerline__Acme__ClientId) or o.ClientId in AddAcme(o => …).")]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The OAuth application's client secret. Never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>
    /// Acme's API root, ending with <c>/</c>. An option, so the same provider talks to Acme or to a local sandbox of it.
    /// </summary>
    // TODO: Acme's real API root as the default (https://…/), so apps only set credentials.
    [Required(ErrorMessage = "ApiBaseUrl is required: set Ledgerline:Acme:ApiBaseUrl or o.ApiBaseUrl in AddAcme(o => …).")]
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Retries for safe requests (GET, HEAD, OPTIONS) on 408, 429, 5xx and transport errors; writes are never repeated. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest <c>Retry-After</c> honoured by waiting; beyond it the call fails with <see cref="RateLimitedException"/>. Default 30 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When tokens are refreshed, how long callers wait for a refresh, and how long one refresh may take.</summary>
    public ConnectionTokenManagerOptions Tokens { get; } = new();

    /// <summary>Describes the options without the secret.</summary>
    public override string ToString() => $"AcmeOptions {{ ClientId = {ClientId}, ClientSecret = ***, ApiBaseUrl = {ApiBaseUrl} }}";
}
