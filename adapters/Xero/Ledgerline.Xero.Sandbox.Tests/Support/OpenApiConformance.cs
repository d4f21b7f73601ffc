using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Ledgerline.Xero.Sandbox.Tests.Support;

/// <summary>
/// Checks Accounting and Projects API responses against Xero's OpenAPI descriptions (<c>xero_accounting.yaml</c>,
/// <c>xero-projects.yaml</c>, read from the
/// shared reference folder beside the repository, never copied into it): the operation is found by method and path
/// template, the response schema by status, and the body is walked against it — types, formats (uuid, MS dates and date-times),
/// enums, arrays, <c>$ref</c>/<c>allOf</c>. Success bodies are checked strictly: a member the schema does not declare
/// is a violation, so the sandbox cannot invent fields. Error bodies are checked loosely, because Xero echoes whole
/// submitted elements while its <c>Element</c> schema declares only their ids.
/// </summary>
public sealed class OpenApiConformance
{
    private static readonly Lazy<OpenApiConformance?> LazyAccounting = new(() => Load("xero_accounting.yaml", "api.xro/2.0"));
    private static readonly Lazy<OpenApiConformance?> LazyProjects = new(() => Load("xero-projects.yaml", "projects.xro/2.0"));

    /// <summary>
    /// Members Xero sends that its schemas leave out, each seen in the description's own response examples: the envelope
    /// of every response, and the calendar-date strings of invoices and credit notes (GET /Invoices and GET /CreditNotes
    /// examples).
    /// </summary>
    private static readonly Dictionary<string, string[]> Undeclared = new(StringComparer.Ordinal)
    {
        ["$"] = ["Id", "Status", "ProviderName", "DateTimeUTC"],
        ["Invoice"] = ["DateString", "DueDateString"],
        ["CreditNote"] = ["DateString", "DueDateString"],
    };

    private readonly Dictionary<string, YamlMappingNode> _schemas;
    private readonly Dictionary<object, string> _names;
    private readonly List<(Regex Path, YamlMappingNode Item)> _paths = [];

    private readonly string _apiPrefix;

    private OpenApiConformance(YamlMappingNode root, string apiPrefix)
    {
        _apiPrefix = apiPrefix;
        var components = (YamlMappingNode)root.Children[new YamlScalarNode("components")];
        _schemas = ((YamlMappingNode)components.Children[new YamlScalarNode("schemas")]).Children
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (YamlMappingNode)p.Value, StringComparer.Ordinal);
        _names = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, schema) in _schemas)
        {
            _names[schema] = name;
        }
        foreach (var (key, value) in ((YamlMappingNode)root.Children[new YamlScalarNode("paths")]).Children)
        {
            var template = ((YamlScalarNode)key).Value!;
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$";
            _paths.Add((new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), (YamlMappingNode)value));
        }
    }

    /// <summary>The Accounting API description, or null when the shared reference is not beside the repository.</summary>
    public static OpenApiConformance? Accounting => LazyAccounting.Value;

    /// <summary>Xero's Projects API description (<c>xero-projects.yaml</c>), or null when the reference folder is absent.</summary>
    public static OpenApiConformance? Projects => LazyProjects.Value;

    /// <summary>The description's file name, for messages.</summary>
    public string FileName { get; private init; } = "";

    /// <summary>Where the shared reference folder is: <c>../shared/reference/xero</c> from the repository root.</summary>
    public static string? ReferenceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ledgerline.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "reference", "xero"));
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }

    private static OpenApiConformance? Load(string file, string apiPrefix)
    {
        if (ReferenceFolder() is not { } folder || !File.Exists(Path.Combine(folder, file)))
        {
            return null;
        }

        using var reader = new StreamReader(Path.Combine(folder, file));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return new OpenApiConformance((YamlMappingNode)yaml.Documents[0].RootNode, apiPrefix) { FileName = file };
    }

    /// <summary>Fails the test when an Accounting API JSON response does not conform to the description.</summary>
    public static void AssertConforms(HttpMethod method, string requestPath, int status, JsonNode? body)
    {
        var spec = requestPath.Contains("projects.xro/", StringComparison.OrdinalIgnoreCase) ? Projects : Accounting;
        if (spec is null || body is null)
        {
            return;
        }

        var violations = spec.Check(method.Method, requestPath, status, body);
        if (violations.Count > 0)
        {
            Assert.Fail($"{method} {requestPath} → {status} does not conform to {spec.FileName}:\n  " + string.Join("\n  ", violations.Take(20)));
        }
    }

    /// <summary>Violations of the response schema; empty when it conforms or the description names no schema for it.</summary>
    public IReadOnlyList<string> Check(string method, string requestPath, int status, JsonNode body)
    {
        var path = requestPath.Split('?')[0].TrimStart('/');
        var at = path.IndexOf(_apiPrefix, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return [];
        }

        path = path[(at + _apiPrefix.Length)..];
        // Several templates can match one path (/Contacts/{ContactID}, /Contacts/{ContactNumber}): take one with the method.
        var item = _paths.FirstOrDefault(p => p.Path.IsMatch(path) && Child(p.Item, method.ToLowerInvariant()) is not null).Item;
        if (item is null || Child(item, method.ToLowerInvariant()) is not YamlMappingNode operation ||
            Child(operation, "responses") is not YamlMappingNode responses)
        {
            // An error for a path the description does not have (404) has no schema to meet.
            return status >= 400 ? [] : [$"no operation {method} {path} in the description"];
        }

        // The Projects description gives a time entry's create 200 where Xero's response-codes page (and the sandbox) say 201.
        var response = Child(responses, status.ToString(CultureInfo.InvariantCulture)) ?? Child(responses, "default") ??
            (status == 201 && method == "POST" ? Child(responses, "200") : null);
        var schema = response is YamlMappingNode r && Child(r, "content") is YamlMappingNode content &&
            Child(content, "application/json") is YamlMappingNode json ? Child(json, "schema") : null;
        if (schema is null)
        {
            return status is >= 200 and < 300 ? [$"no schema for {method} {path} {status}"] : [];
        }

        var errors = new List<string>();
        Validate(body, schema, "$", errors, strict: status is >= 200 and < 300, depth: 0);
        return errors;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private YamlMappingNode Resolve(YamlMappingNode schema)
    {
        var guard = 0;
        while (Scalar(schema, "$ref") is { } reference && guard++ < 20)
        {
            schema = _schemas[reference["#/components/schemas/".Length..]];
        }

        return schema;
    }

    private bool IsKnownUndeclared(YamlMappingNode schema, string at, string member) =>
        (at == "$" && Undeclared["$"].Contains(member)) ||
        (_names.TryGetValue(schema, out var name) && Undeclared.TryGetValue(name, out var members) && members.Contains(member));

    private void Validate(JsonNode? value, YamlNode schemaNode, string at, List<string> errors, bool strict, int depth)
    {
        if (depth > 40 || schemaNode is not YamlMappingNode raw)
        {
            return;
        }

        var schema = Resolve(raw);
        if (Child(schema, "allOf") is YamlSequenceNode all)
        {
            foreach (var part in all)
            {
                Validate(value, part, at, errors, strict: false, depth + 1);
            }
        }

        if (value is null)
        {
            if (Scalar(schema, "nullable") != "true")
            {
                errors.Add($"{at}: null is not allowed");
            }

            return;
        }

        var type = Scalar(schema, "type") ?? (Child(schema, "properties") is not null ? "object" : null);
        var kind = value.GetValueKind();
        switch (type)
        {
            case "object":
                if (value is not JsonObject obj)
                {
                    errors.Add($"{at}: expected an object, got {kind}");
                    return;
                }

                var properties = Child(schema, "properties") as YamlMappingNode;
                foreach (var (name, member) in obj)
                {
                    if (properties is not null && Child(properties, name) is { } memberSchema)
                    {
                        Validate(member, memberSchema, $"{at}.{name}", errors, strict, depth + 1);
                    }
                    else if (strict && properties is not null && Child(schema, "additionalProperties") is null && !IsKnownUndeclared(schema, at, name))
                    {
                        errors.Add($"{at}.{name}: not declared by the schema");
                    }
                }

                break;
            case "array":
                if (value is not JsonArray array)
                {
                    errors.Add($"{at}: expected an array, got {kind}");
                    return;
                }

                if (Child(schema, "items") is { } items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Validate(array[i], items, $"{at}[{i}]", errors, strict, depth + 1);
                    }
                }

                break;
            case "string":
                if (kind != JsonValueKind.String)
                {
                    errors.Add($"{at}: expected a string, got {kind}");
                    return;
                }

                var text = value.GetValue<string>();
                if (Scalar(schema, "format") == "uuid" && !Guid.TryParse(text, out _))
                {
                    errors.Add($"{at}: '{text}' is not a uuid");
                }

                if ((Scalar(schema, "x-is-msdate") == "true" || Scalar(schema, "x-is-msdate-time") == "true") && !Regex.IsMatch(text, @"^/Date\(-?\d+([+-]\d{4})?\)/$", RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    errors.Add($"{at}: '{text}' is not an MS JSON date");
                }

                if (Child(schema, "enum") is YamlSequenceNode values && !values.OfType<YamlScalarNode>().Any(v => v.Value == text))
                {
                    errors.Add($"{at}: '{text}' is not one of the enum values");
                }

                break;
            case "number" or "integer":
                if (kind != JsonValueKind.Number)
                {
                    errors.Add($"{at}: expected a number, got {kind}");
                }
                else if (type == "integer" && value.GetValue<decimal>() % 1 != 0)
                {
                    errors.Add($"{at}: expected an integer");
                }

                break;
            case "boolean":
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{at}: expected a boolean, got {kind}");
                }

                break;
        }
    }
}
