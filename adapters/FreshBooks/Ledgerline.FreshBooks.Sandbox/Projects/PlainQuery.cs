using System.Globalization;
using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Projects;

/// <summary>
/// The project-like services' list parameters: plain, typed query parameters (<c>billable=false</c>,
/// <c>updated_since=…</c>), not <c>search[…]</c>, and <c>sort=field</c> or <c>sort=-field</c>. A value that does not
/// parse is a 422 for the first parameter, in declaration order, as pydantic validates them.
/// </summary>
internal sealed class PlainQuery<T> : IListParameters<T>
    where T : Entity
{
    private delegate Func<T, bool>? Reader(IQueryCollection query, HashSet<string> includes);

    private readonly List<Reader> _readers = [];
    private readonly Dictionary<string, Func<T, object?>> _sorts = new(StringComparer.Ordinal);

    /// <summary>Keeps records whose value equals the boolean given.</summary>
    public PlainQuery<T> Bool(string name, Func<T, bool> value) =>
        Add((q, _) => ReadBool(q, name) is { } b ? t => value(t) == b : null);

    /// <summary>Keeps records whose value equals the integer given.</summary>
    public PlainQuery<T> Int(string name, Func<T, int?> value) =>
        Add((q, _) => ReadInt(q, name) is { } n ? t => value(t) == n : null);

    /// <summary>Keeps records for which <paramref name="match"/> holds against the timestamp given.</summary>
    public PlainQuery<T> Time(string name, Func<T, DateTimeOffset, bool> match) =>
        Add((q, _) => ReadTime(q, name) is { } at ? t => match(t, at) : null);

    /// <summary>Hides records that are not <paramref name="shown"/> unless the flag is true (<c>include_deleted</c>).</summary>
    public PlainQuery<T> Unless(string name, Func<T, bool> shown) =>
        Add((q, _) => ReadBool(q, name) == true ? null : shown);

    /// <summary>A flag that switches an include on (<c>include_logged_duration=true</c>).</summary>
    public PlainQuery<T> Include(string name, string include) => Add((q, includes) =>
    {
        if (ReadBool(q, name) == true)
        {
            includes.Add(include);
        }

        return null;
    });

    /// <summary>A sortable field; unknown sort fields are ignored and not echoed.</summary>
    public PlainQuery<T> Sort(string name, Func<T, object?> key)
    {
        _sorts[name] = key;
        return this;
    }

    private PlainQuery<T> Add(Reader reader)
    {
        _readers.Add(reader);
        return this;
    }

    public ListSelection<T> Parse(IQueryCollection query)
    {
        var includes = new HashSet<string>(StringComparer.Ordinal);
        var filters = _readers.Select(r => r(query, includes)).OfType<Func<T, bool>>().ToList();
        string? sort = null;
        Func<T, object?>? key = null;
        var raw = query["sort"].FirstOrDefault();
        if (!string.IsNullOrEmpty(raw) && _sorts.TryGetValue(raw.TrimStart('-'), out key))
        {
            sort = raw;
        }

        return new Selection(filters, includes, _sorts.Count > 0, sort, key);
    }

    private sealed class Selection(List<Func<T, bool>> filters, HashSet<string> includes, bool echoesSort, string? sort, Func<T, object?>? key)
        : ListSelection<T>
    {
        public override IReadOnlySet<string> Includes => includes;

        public override IReadOnlyList<T> Apply(EntitySet<T> records, RenderContext render)
        {
            var matched = records.All.Where(t => filters.TrueForAll(f => f(t))).ToList();
            return key is null ? matched : RecordOrder.Sort(matched, key, sort!.StartsWith('-'));
        }

        public override void WriteMeta(Utf8JsonWriter writer)
        {
            if (echoesSort)
            {
                Errors.WriteStringArray(writer, "sort", sort is null ? [] : [sort]);
            }
        }
    }

    private static ResourceException Invalid(string name, string message) =>
        new(422, new ApiError(ProjectFamily.ValidationErrno, name, message));

    private static bool? ReadBool(IQueryCollection q, string name) => q[name].FirstOrDefault()?.ToUpperInvariant() switch
    {
        null or "" => null,
        "TRUE" or "1" => true,
        "FALSE" or "0" => false,
        _ => throw Invalid(name, "value could not be parsed to a boolean"),
    };

    private static int? ReadInt(IQueryCollection q, string name)
    {
        var v = q[name].FirstOrDefault();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Invalid(name, "value is not a valid integer");
    }

    private static DateTimeOffset? ReadTime(IQueryCollection q, string name)
    {
        var v = q[name].FirstOrDefault();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        return DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw Invalid(name, "invalid datetime format");
    }
}
