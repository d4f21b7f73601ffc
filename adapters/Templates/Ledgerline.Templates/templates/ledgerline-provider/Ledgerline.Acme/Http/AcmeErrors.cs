using System.Net;
using System.Text;
using Ledgerline.Http;

namespace Ledgerline.Acme.Http;

/// <summary>
/// The one table from Acme's answers to the <see cref="LedgerlineException"/> family. Provider text is bounded
/// (<see cref="MaxExcerptBytes"/>) in every exception; nothing here may hold a token or a full request body.
/// </summary>
internal static class AcmeErrors
{
    /// <summary>The most bytes of an error body read and quoted.</summary>
    public const int MaxExcerptBytes = 1024;

    /// <summary>No answer (transport failure or timeout): retryable for safe methods, outcome unknown for writes.</summary>
    public static LedgerlineException NoAnswer(HttpMethod method, EntityKind entity, string? recordId, DateTimeOffset sentAt, Exception inner) =>
        IsSafe(method)
            ? new ProviderUnavailableException("Acme did not answer.", inner) { Provider = AcmeLedgerProvider.ProviderName }
            : new OutcomeUnknownException(entity, method.Method, Guid.NewGuid().ToString("N"), inner)
            {
                Provider = AcmeLedgerProvider.ProviderName,
                RecordId = recordId,
                SentAt = sentAt,
            };

    /// <summary>An error status, by status code.</summary>
    /// <remarks>TODO: read Acme's error body (its code and message) into ProviderCode and ProviderMessage, and map its
    /// validation errors to FieldErrors naming canonical fields (PROVIDER-GUIDE.md, "Errors").</remarks>
    public static async Task<LedgerlineException> FromResponseAsync(
        HttpResponseMessage response, string connectionId, EntityKind entity, string? recordId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var excerpt = await ExcerptAsync(response.Content, cancellationToken);
        var status = (int)response.StatusCode;
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity =>
                new LedgerValidationException([new FieldError(string.Empty, $"Acme refused the input: {excerpt}", code)])
                { Provider = Name, StatusCode = status, ProviderMessage = excerpt },

            // The bearer handler has already refreshed once and resent: the grant itself is refused.
            HttpStatusCode.Unauthorized =>
                new ReauthorizationRequiredException(connectionId, "Acme refused the connection's credentials; the user must connect again.")
                { Provider = Name, StatusCode = status, ProviderMessage = excerpt },
            HttpStatusCode.Forbidden =>
                new PermissionDeniedException("Acme refused the call: the connection lacks a permission.")
                { Provider = Name, StatusCode = status, ProviderMessage = excerpt },
            HttpStatusCode.NotFound when recordId is not null =>
                new RecordNotFoundException(entity, recordId) { Provider = Name, StatusCode = status, ProviderMessage = excerpt },
            HttpStatusCode.TooManyRequests =>
                new RateLimitedException(RetryAfterHeader.Wait(response.Headers, now)) { Provider = Name, StatusCode = status, ProviderMessage = excerpt },
            HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError =>
                new ProviderUnavailableException($"Acme answered {code}.") { Provider = Name, StatusCode = status, ProviderMessage = excerpt },
            _ => new LedgerlineException($"Acme answered {code} unexpectedly.") { Provider = Name, StatusCode = status, ProviderMessage = excerpt },
        };
    }

    private static string Name => AcmeLedgerProvider.ProviderName;

    private static bool IsSafe(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;

    /// <summary>At most <see cref="MaxExcerptBytes"/> of the body, as text, cut with "…".</summary>
    private static async Task<string> ExcerptAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxExcerptBytes + 1];
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += chunk;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(read, MaxExcerptBytes));
        return read > MaxExcerptBytes ? text + "…" : text;
    }
}
