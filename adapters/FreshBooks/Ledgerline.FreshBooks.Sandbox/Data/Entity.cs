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

/// <summary>Records of one type in one account, kept in id order so paging never re-sorts the default listing.</summary>
internal sealed class EntitySet<T>(int firstId)
    where T : Entity
{
    private readonly List<T> _items = [];
    private readonly Dictionary<int, T> _byId = [];
    private int _nextId = firstId;

    public IReadOnlyList<T> All => _items;

    public int Count => _items.Count;

    public int NextId() => _nextId++;

    public T? Find(int id) => _byId.GetValueOrDefault(id);

    public void Add(T item)
    {
        _items.Add(item);
        _byId[item.Id] = item;
    }

    public void Replace(T item)
    {
        var index = IndexOf(item.Id);
        _items[index] = item;
        _byId[item.Id] = item;
    }

    public bool Remove(int id)
    {
        if (!_byId.Remove(id))
        {
            return false;
        }

        _items.RemoveAt(IndexOf(id));
        return true;
    }

    public void Clear()
    {
        _items.Clear();
        _byId.Clear();
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
