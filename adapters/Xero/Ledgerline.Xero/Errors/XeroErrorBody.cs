using System.Text.Json;

namespace Ledgerline.Xero.Errors;

/// <summary>
/// An error body of Xero's Accounting API or identity service, normalised: the Accounting family's
/// <c>{"ErrorNumber","Type","Message","Elements":[{…,"ValidationErrors":[{"Message"}]}]}</c>, the problem details of 401
/// and 403 <c>{"Title","Status","Detail"}</c>, and OAuth's <c>{"error"}</c>. Xero's 404 and 5xx bodies are plain text,
/// which reads as unrecognised (the status alone decides).
/// </summary>
internal sealed record XeroErrorBody
{
    /// <summary>Xero's code: the exception <c>Type</c> (<c>ValidationException</c>), the problem <c>Detail</c>'s first word
    /// (<c>TokenExpired</c>, <c>AuthorizationUnsuccessful</c>), or the OAuth <c>error</c>.</summary>
    public string? Code { get; init; }

    /// <summary>Xero's message.</summary>
    public string? Message { get; init; }

    /// <summary>Every validation message of every failed element, in order.</summary>
    public IReadOnlyList<string> ValidationMessages { get; init; } = [];

    /// <summary>
    /// The lines (<c>LineItems</c>) of the first failed element as Xero echoes them, in the order sent: what each names
    /// (<c>TaxType</c>, <c>AccountCode</c>) and the validation messages Xero put on the line itself, if any.
    /// </summary>
    public IReadOnlyList<XeroErrorLine> Lines { get; init; } = [];

    /// <summary>
    /// The Projects API's field errors, from <c>{"message":…,"modelState":{"model.Duration":["…"]}}</c>: each key (Xero's
    /// field path) with each of its messages, in order.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ModelState { get; init; } = [];

    /// <summary>Reads an error body; <see langword="null"/> when it is not a JSON object.</summary>
    public static XeroErrorBody? Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? Parse(root) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static XeroErrorBody Parse(JsonElement root)
    {
        if (Text(root, "Type") is { } type)
        {
            var messages = new List<string>();
            List<XeroErrorLine>? lines = null;
            if (root.TryGetProperty("Elements", out var elements) && elements.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in elements.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                {
                    messages.AddRange(Messages(element));
                    lines ??= element.TryGetProperty("LineItems", out var items) && items.ValueKind == JsonValueKind.Array
                        ? [.. items.EnumerateArray().Select((line, index) => new XeroErrorLine(index, Text(line, "TaxType"), Text(line, "AccountCode"), Messages(line)))]
                        : null;
                }
            }

            return new XeroErrorBody { Code = type, Message = Text(root, "Message"), ValidationMessages = messages, Lines = lines ?? [] };
        }

        if (Text(root, "Detail") is { } detail)
        {
            var colon = detail.IndexOf(':', StringComparison.Ordinal);
            return new XeroErrorBody { Code = colon > 0 ? detail[..colon] : detail, Message = detail };
        }

        if (Text(root, "error") is { } error)
        {
            return new XeroErrorBody { Code = error, Message = Text(root, "error_description") };
        }

        if (root.TryGetProperty("modelState", out var modelState) && modelState.ValueKind == JsonValueKind.Object)
        {
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var field in modelState.EnumerateObject())
            {
                var messages = field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)
                    : field.Value.ValueKind == JsonValueKind.String ? [field.Value.GetString()!] : [];
                fields.AddRange(messages.Select(m => new KeyValuePair<string, string>(field.Name, m)));
            }

            return new XeroErrorBody { Message = Text(root, "message"), ModelState = fields };
        }

        return new XeroErrorBody { Message = Text(root, "Message") ?? Text(root, "message") };
    }

    private static List<string> Messages(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("ValidationErrors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? [.. errors.EnumerateArray().Select(e => Text(e, "Message")).OfType<string>()]
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
