using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ledgerline.FreshBooks.Errors;

/// <summary>
/// An error body of any FreshBooks service family, normalised: the accounting family's old <c>response.errors[]</c> and
/// new google.rpc <c>{code, details[ErrorInfo|BadRequest]}</c>, OAuth <c>{error, error_description}</c>, events
/// <c>{errno, message, details[]}</c>, projects/time tracking <c>{error}</c>, <c>{errno: 2001, error: {field: msg}}</c> and
/// <c>{message}</c>, online payments <c>{error_type, message}</c> and ledger accounts <c>{errors: {message, details}}</c>.
/// </summary>
internal sealed partial record ProviderError
{
    /// <summary>The most characters of one provider text (code, message, field, value) kept.</summary>
    public const int MaxTextLength = 256;

    /// <summary>The most field errors kept.</summary>
    public const int MaxFields = 10;

    /// <summary>The provider's code: the errno, the OAuth <c>error</c>, the google.rpc reason, …</summary>
    public string? Code { get; init; }

    /// <summary>The provider's message.</summary>
    public string? Message { get; init; }

    /// <summary>The FreshBooks object the first error is about (<c>client</c>, <c>invoice</c>, …), when said.</summary>
    public string? Object { get; init; }

    /// <summary>The field the first error is about, when said.</summary>
    public string? Field => Fields.Count > 0 ? Fields[0].Field : null;

    /// <summary>The offending value (often the id looked up), when said.</summary>
    public string? Value { get; init; }

    /// <summary>The scope FreshBooks said is required (403 <c>insufficient_scope</c>).</summary>
    public string? RequiredScope { get; init; }

    /// <summary>Field-level problems.</summary>
    public IReadOnlyList<ProviderFieldError> Fields { get; init; } = [];

    /// <summary>Whether this was recognised as an error body at all.</summary>
    public bool Recognised { get; init; }

    /// <summary>Whether a successful response nevertheless carries FreshBooks' accounting error list.</summary>
    public static bool HasAccountingErrors(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object &&
        root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object &&
        response.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0;

    /// <summary>Reads an error body; <see langword="null"/> when it is not JSON at all.</summary>
    public static ProviderError? Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body, Api.FreshBooksJson.DocumentOptions);
            return Parse(document.RootElement).Bounded();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON, or text that is not UTF-8 (reading it as a string throws InvalidOperationException).
            return null;
        }
    }

    /// <summary>
    /// The same error with every text FreshBooks wrote cut to <see cref="MaxTextLength"/> characters and at most
    /// <see cref="MaxFields"/> field errors, so that nothing the provider sends can flood an exception or a log line.
    /// </summary>
    public ProviderError Bounded() => this with
    {
        Code = Cut(Code),
        Message = Cut(Message),
        Object = Cut(Object),
        Value = Cut(Value),
        RequiredScope = Cut(RequiredScope),
        Fields = [.. Fields.Take(MaxFields).Select(f => new ProviderFieldError(Cut(f.Field)!, Cut(f.Message)!, Cut(f.Code)))],
    };

    private static string? Cut(string? text) =>
        text is null || text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength), "…");

    /// <summary>Reads an already parsed error body.</summary>
    public static ProviderError Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ProviderError();
        }

        // Accounting, old format.
        if (root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object &&
            response.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var fields = new List<ProviderFieldError>();
            string? code = null, message = null, obj = null, value = null;
            foreach (var e in list.EnumerateArray())
            {
                var errno = Scalar(e, "errno");
                var field = Scalar(e, "field");
                var text = Scalar(e, "message");
                code ??= errno;
                message ??= text;
                obj ??= NonEmpty(Scalar(e, "object"));
                value ??= NonEmpty(Scalar(e, "value"));
                if (!string.IsNullOrEmpty(field))
                {
                    fields.Add(new ProviderFieldError(field, text ?? string.Empty, errno));
                }
            }

            return new ProviderError { Recognised = true, Code = code, Message = message, Object = obj, Value = value, Fields = fields };
        }

        // google.rpc style: accounting (new format) and events.
        if (root.TryGetProperty("code", out var rpcCode) && rpcCode.ValueKind == JsonValueKind.Number &&
            root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            var fields = new List<ProviderFieldError>();
            string? reason = null, message = null, obj = null, value = null;
            foreach (var d in details.EnumerateArray())
            {
                if (d.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (d.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
                {
                    var thisReason = NonEmpty(Scalar(d, "reason"));
                    var text = NonEmpty(Scalar(metadata, "message"));
                    reason ??= thisReason;
                    message ??= text;
                    obj ??= NonEmpty(Scalar(metadata, "object"));
                    value ??= NonEmpty(Scalar(metadata, "value"));
                    if (NonEmpty(Scalar(metadata, "field")) is { } field)
                    {
                        fields.Add(new ProviderFieldError(field, text ?? string.Empty, thisReason));
                    }
                }

                if (d.TryGetProperty("fieldViolations", out var violations) && violations.ValueKind == JsonValueKind.Array)
                {
                    foreach (var v in violations.EnumerateArray())
                    {
                        if (NonEmpty(Scalar(v, "field")) is { } field)
                        {
                            fields.Add(new ProviderFieldError(field, Scalar(v, "description") ?? string.Empty, null));
                        }
                    }
                }
            }

            return new ProviderError
            {
                Recognised = true,
                Code = reason ?? rpcCode.GetRawText(),
                Message = message ?? Scalar(root, "message"),
                Object = obj,
                Value = value,
                Fields = fields,
            };
        }

        // Ledger accounts: {"errors": {"message", "status", "details": [{"reason", "metadata": {"message", "field"}}]}}.
        if (root.TryGetProperty("errors", out var errorsObject) && errorsObject.ValueKind == JsonValueKind.Object)
        {
            return new ProviderError
            {
                Recognised = true,
                Code = Scalar(errorsObject, "status"),
                Message = Scalar(errorsObject, "message"),
            };
        }

        var error = root.TryGetProperty("error", out var e1) ? e1 : default;
        var errnoText = Scalar(root, "errno");

        // Projects / time tracking validation: {"errno": 2001, "error": {"field": "message", …}}.
        if (error.ValueKind == JsonValueKind.Object)
        {
            var fields = new List<ProviderFieldError>();
            string? title = null;
            foreach (var property in error.EnumerateObject())
            {
                var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? string.Empty : property.Value.GetRawText();
                if (property.NameEquals("title") || property.NameEquals("description"))
                {
                    title ??= text;
                }
                else
                {
                    fields.Add(new ProviderFieldError(property.Name, text, errnoText));
                }
            }

            return new ProviderError
            {
                Recognised = true,
                Code = errnoText,
                Message = title ?? fields.FirstOrDefault()?.Message ?? Scalar(root, "message"),
                Fields = fields,
            };
        }

        // OAuth: {"error": "invalid_token", "error_description": "…"}; projects 404: {"error": "…"}.
        if (error.ValueKind == JsonValueKind.String)
        {
            var description = Scalar(root, "error_description");
            return description is null
                ? new ProviderError { Recognised = true, Code = errnoText, Message = error.GetString() }
                : new ProviderError { Recognised = true, Code = error.GetString(), Message = description };
        }

        // Online payments: {"error_type": "not_found", "message": "…"}.
        if (Scalar(root, "error_type") is { } errorType)
        {
            return new ProviderError { Recognised = true, Code = errorType, Message = Scalar(root, "message") };
        }

        // Events (old) {"errno", "message", "details": ["…"]}, and bare {"message": "…"} (401/403/429).
        if (Scalar(root, "message") is { } bare)
        {
            var fields = new List<ProviderFieldError>();
            if (root.TryGetProperty("details", out var eventDetails) && eventDetails.ValueKind == JsonValueKind.Array)
            {
                foreach (var d in eventDetails.EnumerateArray())
                {
                    if (d.ValueKind == JsonValueKind.String && d.GetString() is { } text)
                    {
                        var colon = text.IndexOf(':', StringComparison.Ordinal);
                        fields.Add(colon > 0
                            ? new ProviderFieldError(text[..colon].Trim(), text[(colon + 1)..].Trim(), errnoText)
                            : new ProviderFieldError(string.Empty, text, errnoText));
                    }
                }
            }

            var scope = RequiredScopePattern().Match(bare);
            return new ProviderError
            {
                Recognised = true,
                Code = errnoText ?? (bare.StartsWith("insufficient_scope", StringComparison.Ordinal) ? "insufficient_scope" : null),
                Message = bare,
                RequiredScope = scope.Success ? scope.Groups["scope"].Value : null,
                Fields = fields,
            };
        }

        return new ProviderError();
    }

    private static string? Scalar(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex(@"Required:\s*\[\s*'(?<scope>[^'\s]+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RequiredScopePattern();

    /// <summary>For diagnostics only.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ProviderError {{ Code = {Code}, Message = {Message}, Fields = {Fields.Count} }}");
}
