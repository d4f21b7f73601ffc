namespace Ledgerline.FreshBooks.Sandbox.Data;

/// <summary>Common state of every stored record. Records are copied before an update and swapped in whole.</summary>
internal abstract class Entity
{
    public int Id { get; set; }

    /// <summary>0 active, 1 deleted, 2 archived.</summary>
    public int VisState { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>Plain string fields by wire name, so binding, searching and sorting share one lookup.</summary>
    public Dictionary<string, string?> Text { get; private set; } = new(StringComparer.Ordinal);

    public string Str(string name) => Text.TryGetValue(name, out var v) && v is not null ? v : "";

    public string? StrOrNull(string name) => Text.TryGetValue(name, out var v) ? v : null;

    /// <summary>Deep enough copy for a transactional update.</summary>
    public virtual Entity Copy()
    {
        var copy = (Entity)MemberwiseClone();
        copy.Text = new Dictionary<string, string?>(Text, StringComparer.Ordinal);
        return copy;
    }
}

/// <summary>
/// Records of one type in one account, kept in id order so paging never re-sorts the default listing. Read under the
/// account's read lock (by any number of threads at once), changed only under its write lock.
/// </summary>
internal sealed class EntitySet<T>(int firstId)
    where T : Entity
{
    private readonly List<T> _items = [];
    private readonly Dictionary<int, T> _byId = [];
    private int _nextId = firstId;

    // Bumped by every Add, Replace, Remove and Clear: a record's vis_state only changes by replacing it (updates copy).
    private int _version;
    private Listing? _listing;

    /// <summary>The records in one visibility, in id order, as of one version of the set.</summary>
    private sealed record Listing(int Version, int? VisState, List<T> Items);

    public IReadOnlyList<T> All => _items;

    public int Count => _items.Count;

    public int NextId() => _nextId++;

    public T? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The records an accounting list starts from, in id order: all but the deleted ones, or with
    /// <paramref name="visState"/> only those in that state. Kept until the set changes, so paging through an unchanged
    /// set of 10,000 records filters it once rather than once a page. The list is shared: never change it.
    /// </summary>
    public IReadOnlyList<T> Listed(int? visState)
    {
        // Readers may build it at the same time; each builds the same list, and whichever is stored last is kept.
        if (Volatile.Read(ref _listing) is { } kept && kept.Version == _version && kept.VisState == visState)
        {
            return kept.Items;
        }

        var items = new List<T>(_items.Count);
        foreach (var item in _items)
        {
            // Deleted records are left out unless asked for; archived ones are listed.
            if (visState is { } vs ? item.VisState == vs : item.VisState != 1)
            {
                items.Add(item);
            }
        }

        Volatile.Write(ref _listing, new Listing(_version, visState, items));
        return items;
    }

    public void Add(T item)
    {
        _items.Add(item);
        _byId[item.Id] = item;
        _version++;
    }

    public void Replace(T item)
    {
        var index = IndexOf(item.Id);
        _items[index] = item;
        _byId[item.Id] = item;
        _version++;
    }

    public bool Remove(int id)
    {
        if (!_byId.Remove(id))
        {
            return false;
        }

        _items.RemoveAt(IndexOf(id));
        _version++;
        return true;
    }

    public void Clear()
    {
        _items.Clear();
        _byId.Clear();
        _version++;
    }

    private int IndexOf(int id)
    {
        int lo = 0, hi = _items.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var midId = _items[mid].Id;
            if (midId == id)
            {
                return mid;
            }

            if (midId < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        throw new InvalidOperationException("Record is not in the set.");
    }
}
