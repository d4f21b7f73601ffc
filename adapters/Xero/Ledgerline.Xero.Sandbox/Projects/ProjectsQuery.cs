using System.Globalization;

namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>
/// A Projects list's query string: <c>page</c> (default 1, at least 1) and <c>pageSize</c> (default 50, 1–500), read on
/// construction, and the filters each list names. A value that cannot be read is a 400 naming the parameter
/// (<i>Decision</i>: the reference documents the ranges but not the answer to a value outside them; no silent cap).
/// Unknown parameters are ignored.
/// </summary>
internal sealed class ProjectsQuery
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    private readonly IQueryCollection _query;

    public ProjectsQuery(IQueryCollection query)
    {
        _query = query;
        Page = Integer("page", 1, 1, int.MaxValue);
        PageSize = Integer("pageSize", DefaultPageSize, 1, MaxPageSize);
    }

    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    public int Page { get; }

    public int PageSize { get; }

    public Guid? Id(string name)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        Add(name, $"The value '{Excerpt(text)}' is not a valid {name}.");
        return null;
    }

    /// <summary>A comma-separated list of GUIDs.</summary>
    public HashSet<Guid>? Ids(string name)
    {
        var parts = List(name);
        if (parts is null)
        {
            return null;
        }

        var ids = new HashSet<Guid>();
        foreach (var part in parts)
        {
            if (Guid.TryParse(part, out var id))
            {
                ids.Add(id);
            }
            else
            {
                Add(name, $"The value '{Excerpt(part)}' is not a valid id.");
            }
        }

        return ids;
    }

    /// <summary>A comma-separated list of the <paramref name="allowed"/> values (upper case, as Xero writes them).</summary>
    public HashSet<string>? States(string name, IReadOnlyCollection<string> allowed)
    {
        var parts = List(name);
        if (parts is null)
        {
            return null;
        }

        foreach (var part in parts.Where(p => !allowed.Contains(p, StringComparer.Ordinal)))
        {
            Add(name, $"The value '{Excerpt(part)}' is not valid: {string.Join(", ", allowed)}.");
        }

        return new HashSet<string>(parts, StringComparer.Ordinal);
    }

    public bool? Flag(string name)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        Add(name, $"The value '{Excerpt(text)}' is not true or false.");
        return null;
    }

    public DateTimeOffset? Instant(string name)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        Add(name, $"The value '{Excerpt(text)}' is not a valid ISO-8601 date time.");
        return null;
    }

    private int Integer(string name, int fallback, int min, int max)
    {
        var text = Value(name);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Add(name, max == int.MaxValue
            ? $"The {name} must be a number greater than 0."
            : $"The {name} must be a number between {min} and {max}.");
        return fallback;
    }

    private string[]? List(string name) =>
        Value(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string? Value(string name)
    {
        foreach (var (key, values) in _query)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                var joined = string.Join(',', values.Where(v => !string.IsNullOrEmpty(v)));
                return joined.Length == 0 ? null : joined;
            }
        }

        return null;
    }

    private void Add(string name, string message)
    {
        if (!Errors.TryGetValue(name, out var list))
        {
            Errors[name] = list = [];
        }

        list.Add(message);
    }

    private static string Excerpt(string text) => text.Length > 64 ? text[..64] : text;
}
