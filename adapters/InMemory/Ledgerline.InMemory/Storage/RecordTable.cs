using System.Globalization;

namespace Ledgerline.InMemory.Storage;

/// <summary>
/// The records of one entity in creation order, which is the stable list order. Not thread-safe by itself: the
/// <see cref="InMemoryLedger"/> lock guards every access, so that changes spanning entities (a payment moving its
/// invoice) are atomic.
/// </summary>
internal sealed class RecordTable<TRecord>
    where TRecord : LedgerRecord
{
    private readonly List<TRecord> _records = [];
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private long _lastId;

    public string NextId() => (++_lastId).ToString(CultureInfo.InvariantCulture);

    public TRecord? Find(string id) => _positions.TryGetValue(id, out var position) ? _records[position] : null;

    public void Add(TRecord record)
    {
        _positions.Add(record.Id, _records.Count);
        _records.Add(record);
    }

    public void Replace(TRecord record) => _records[_positions[record.Id]] = record;

    public void Remove(string id)
    {
        if (!_positions.Remove(id, out var position))
        {
            return;
        }

        _records.RemoveAt(position);
        for (var i = position; i < _records.Count; i++)
        {
            _positions[_records[i].Id] = i;
        }
    }

    public IEnumerable<TRecord> Where(Func<TRecord, bool> predicate) => _records.Where(predicate);

    /// <summary>A copy to filter and page outside the lock; the records themselves are immutable.</summary>
    public TRecord[] Snapshot() => [.. _records];
}
