namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>Records of one kind in one organisation, in creation order (the default list order). Guarded by the book's lock.</summary>
internal sealed class EntityStore<T>
    where T : XeroEntity
{
    private readonly List<T> _items = [];
    private readonly Dictionary<Guid, int> _index = [];

    public IReadOnlyList<T> All => _items;

    public int Count => _items.Count;

    /// <summary>Told of every stored record (true when it is new), under the book's lock: the webhook events' source.</summary>
    public Action<T, bool>? Changed { get; set; }

    public T? Find(Guid id) => _index.TryGetValue(id, out var i) ? _items[i] : null;

    public void Upsert(T item)
    {
        var created = !_index.TryGetValue(item.Id, out var i);
        if (!created)
        {
            _items[i] = item;
        }
        else
        {
            _index[item.Id] = _items.Count;
            _items.Add(item);
        }

        Changed?.Invoke(item, created);
    }

    public bool Remove(Guid id)
    {
        if (!_index.Remove(id, out var i))
        {
            return false;
        }

        _items.RemoveAt(i);
        for (var j = i; j < _items.Count; j++)
        {
            _index[_items[j].Id] = j;
        }

        return true;
    }

    public void Clear()
    {
        _items.Clear();
        _index.Clear();
    }
}
