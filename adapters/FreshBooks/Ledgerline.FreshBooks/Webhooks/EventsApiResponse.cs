using System.Globalization;
using System.Net;
using System.Text.Json;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Reads answers of FreshBooks' events service: the accounting envelope <c>response.result.callback(s)</c> on success,
/// and each of its error shapes (<c>{"errno","message","details"}</c>, the google.rpc <c>{"code","message","details"}</c>,
/// and the accounting <c>response.errors</c>) on failure, mapped to Ledgerline's exception family.
/// </summary>
internal static class EventsApiResponse
{
    private const int MaxExcerpt = 512;

    public static async Task<JsonElement> ReadResultAsync(HttpResponseMessage response, string connectionId, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw ToException(response, body, connectionId);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("response", out var envelope) &&
                envelope.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
            {
                return result.Clone();
            }
        }
        catch (JsonException ex)
        {
            throw Invalid("FreshBooks answered the callbacks request with a body that is not JSON.", body, ex);
        }

        throw Invalid("FreshBooks answered the callbacks request without a response.result envelope.", body);
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string connectionId, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw ToException(response, await response.Content.ReadAsStringAsync(cancellationToken), connectionId);
        }
    }

    public static FreshBooksCallback ReadCallback(JsonElement callback, string raw)
    {
        if (callback.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("A FreshBooks callback is not an object.", raw);
        }

        var id = Text(callback, "callbackid") ?? Text(callback, "id");
        var eventName = Text(callback, "event");
        var uri = Text(callback, "uri");
        if (id is null || eventName is null || uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsedUri))
        {
            throw Invalid("A FreshBooks callback lacks its id, event or uri.", raw);
        }

        return new FreshBooksCallback
        {
            Id = id,
            EventName = eventName,
            Uri = parsedUri,
            Verified = callback.TryGetProperty("verified", out var verified) && verified.ValueKind == JsonValueKind.True,
            UpdatedAt = Text(callback, "updated_at") is { } updated &&
                DateTimeOffset.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                    ? at
                    : null,
            Topic = FreshBooksEventNames.TryParseTopic(eventName, out var topic) ? topic : null,
        };
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static InvalidProviderResponseException Invalid(string message, string body, Exception? inner = null) =>
        new(message, Excerpt(body), inner) { Provider = FreshBooksRequest.ProviderName };

    private static string Excerpt(string body) => body.Length <= MaxExcerpt ? body : body[..MaxExcerpt];

    internal static LedgerlineException ToException(HttpResponseMessage response, string body, string connectionId)
    {
        var (code, message, fieldErrors) = ReadError(body);
        var status = (int)response.StatusCode;
        var text = message ?? $"FreshBooks' events service answered {status}.";
        const string Provider = FreshBooksRequest.ProviderName;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new ReauthorizationRequiredException(connectionId, $"FreshBooks refused the connection's credentials: {text}")
            {
                Provider = Provider, ProviderCode = code, ProviderMessage = message, StatusCode = status,
            },
            HttpStatusCode.Forbidden => new PermissionDeniedException($"FreshBooks refused the callbacks request: {text}")
            {
                Provider = Provider, ProviderCode = code, ProviderMessage = message, StatusCode = status,
            },
            HttpStatusCode.TooManyRequests => new RateLimitedException(response.Headers.RetryAfter?.Delta)
            {
                Provider = Provider, ProviderCode = code, ProviderMessage = message, StatusCode = status,
            },
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new LedgerValidationException(
                fieldErrors.Count > 0 ? fieldErrors : [new FieldError("callback", text, code)])
            {
                Provider = Provider, ProviderCode = code, ProviderMessage = message, StatusCode = status,
            },
            >= HttpStatusCode.InternalServerError => new ProviderUnavailableException($"FreshBooks' events service failed ({status}): {text}")
            {
                Provider = Provider, ProviderCode = code, ProviderMessage = message, StatusCode = status,
            },
            _ => new LedgerlineException($"FreshBooks refused the callbacks request ({status}): {text}")
            {
                Provider = Provider, ProviderCode = code, ProviderMessage = message, StatusCode = status,
            },
        };
    }

    private static (string? Code, string? Message, List<FieldError> Fields) ReadError(string body)
    {
        var fields = new List<FieldError>();
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, fields);
            }

            if (root.TryGetProperty("response", out var envelope) && envelope.TryGetProperty("errors", out var errors) &&
                errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    fields.Add(new FieldError(Text(error, "field") ?? "callback", Text(error, "message") ?? "invalid", Text(error, "errno")));
                }

                return (fields.FirstOrDefault()?.Code, fields.FirstOrDefault()?.Message, fields);
            }

            var code = Text(root, "errno") ?? Text(root, "code");
            var message = Text(root, "message");
            if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray())
                {
                    if (detail.ValueKind == JsonValueKind.String && detail.GetString() is { } line)
                    {
                        // "event: Value error, Unrecognized event."
                        var colon = line.IndexOf(':', StringComparison.Ordinal);
                        fields.Add(colon > 0
                            ? new FieldError(line[..colon].Trim(), line[(colon + 1)..].Trim(), code)
                            : new FieldError("callback", line, code));
                    }
                    else if (detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("fieldViolations", out var violations) &&
                        violations.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var violation in violations.EnumerateArray())
                        {
                            fields.Add(new FieldError(Text(violation, "field") ?? "callback", Text(violation, "description") ?? "invalid", code));
                        }
                    }
                }
            }

            return (code, message, fields);
        }
        catch (JsonException)
        {
            return (null, null, fields);
        }
    }
}
