using System.Globalization;
using System.Text;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Reads successful answers of FreshBooks' events service: the accounting envelope <c>response.result.callback(s)</c>
/// with the list counters. Error answers never get here: <see cref="FreshBooksHttp"/> sends them through the one error
/// table, which reads each of the service's error shapes.
/// </summary>
internal static class EventsApiResponse
{
    private const int MaxExcerpt = 512;

    /// <summary>The <c>response.result</c> object of a successful answer.</summary>
    public static JsonElement ReadResult(FreshBooksResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            using var document = JsonDocument.Parse(response.Body, FreshBooksJson.DocumentOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("response", out var envelope) && envelope.ValueKind == JsonValueKind.Object &&
                envelope.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
            {
                return result.Clone();
            }
        }
        catch (JsonException exception)
        {
            throw FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body,
                "FreshBooks answered the callbacks request with a body that is not JSON", exception);
        }

        throw FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body,
            "FreshBooks answered the callbacks request without a response.result envelope");
    }

    /// <summary>
    /// The page counters of a callbacks listing, read and checked as every listing's are (<see cref="PageInfo.From"/>);
    /// a counter that is not a whole number is an invalid answer.
    /// </summary>
    public static PageInfo ReadPage(FreshBooksResponse response, JsonElement result, int count)
    {
        ArgumentNullException.ThrowIfNull(response);
        var counters = new PageCounters
        {
            Page = Counter(response, result, "page"),
            Pages = Counter(response, result, "pages"),
            PerPage = Counter(response, result, "per_page"),
            Total = Counter(response, result, "total"),
        };
        return PageInfo.From(response, counters, count);
    }

    private static int? Counter(FreshBooksResponse response, JsonElement result, string name)
    {
        if (!result.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw FreshBooksErrorTable.Invalid(response.Call, response.Status, Encoding.UTF8.GetBytes(Excerpt(value.GetRawText())),
                    $"FreshBooks answered a callbacks listing whose \"{name}\" is not a whole number");
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
}
