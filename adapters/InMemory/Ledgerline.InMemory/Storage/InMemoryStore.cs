using System.Globalization;
using System.Runtime.CompilerServices;

namespace Ledgerline.InMemory.Storage;

/// <summary>
/// What every in-memory store shares: lookup, listing with the common filters and offset cursors, and the record-state
/// transitions (archive, restore, soft or hard delete as the capabilities say). Entity stores supply creation, changes
/// and what else a write moves; which records a query lists is the query's own <see cref="RecordQuery{TRecord}.Matches"/>.
/// </summary>
internal abstract class InMemoryStore<TRecord, TDraft, TChanges, TQuery> : ILedgerStore<TRecord, TDraft, TChanges, TQuery>
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery<TRecord>, new()
{
    protected InMemoryStore(InMemoryLedger ledger, EntityKind entity, RecordTable<TRecord> table)
    {
        Ledger = ledger;
        Entity = entity;
        Table = table;
    }

    protected InMemoryLedger Ledger { get; }

    protected EntityKind Entity { get; }

    protected RecordTable<TRecord> Table { get; }

    private bool SoftDelete => Ledger.Capabilities.For(Entity).SoftDelete;

    public Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default) => Run(() =>
    {
        lock (Ledger.Sync)
        {
            return Require(id);
        }
    }, cancellationToken);

    public async IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // One snapshot for the whole enumeration: each record is yielded once whatever is written meanwhile.
        await Task.Yield();
        foreach (var record in Select(query ?? new TQuery()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    public Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default) => Run(() =>
    {
        query ??= new TQuery();
        var offset = Offset(cursor);
        var matches = Select(query);
        var items = matches.Skip(offset).Take(Math.Clamp(query.PageSize, 1, RecordQuery.MaxPageSize)).ToArray();
        var next = offset + items.Length;
        return new Page<TRecord>(items, next < matches.Length ? next.ToString(CultureInfo.InvariantCulture) : null, matches.Length);
    }, cancellationToken);

    public Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (Ledger.Sync)
        {
            return Add(draft, Ledger.TimeProvider.GetUtcNow());
        }
    }, cancellationToken);

    /// <summary>
    /// Creates a record once per idempotency key: the same key with the same draft returns the record the first create
    /// made; with another draft it is <see cref="IdempotencyKeyConflictException"/>. A first create that failed made
    /// nothing and is not remembered.
    /// </summary>
    public Task<TRecord> CreateAsync(TDraft draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        if (options?.IdempotencyKey is not { } key)
        {
            return CreateAsync(draft, cancellationToken);
        }

        return Run(() =>
        {
            ArgumentNullException.ThrowIfNull(draft);
            lock (Ledger.Sync)
            {
                return Ledger.IdempotencyKeys.Once(key, Entity, "create", null, draft, () => Add(draft, Ledger.TimeProvider.GetUtcNow()));
            }
        }, cancellationToken);
    }

    /// <summary>Creates a record from <paramref name="draft"/>; for writes that span entities. Call under the ledger lock.</summary>
    internal TRecord Add(TDraft draft, DateTimeOffset now)
    {
        var record = WithId(Create(draft, now), Table.NextId());
        Table.Add(record);
        OnWritten(record, now);
        return record;
    }

    public Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (Ledger.Sync)
        {
            var current = RequireWritable(id);
            var now = Ledger.TimeProvider.GetUtcNow();
            var updated = Stamp(Update(current, changes), current.State, now);
            Table.Replace(updated);
            OnWritten(updated, now);
            return updated;
        }
    }, cancellationToken);

    public Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default) => Run(() =>
    {
        lock (Ledger.Sync)
        {
            var current = RequireWritable(id);
            return current.State == RecordState.Archived ? current : Move(current, RecordState.Archived);
        }
    }, cancellationToken);

    public Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default) => Run(() =>
    {
        lock (Ledger.Sync)
        {
            var current = Require(id);
            if (current.State == RecordState.Active)
            {
                return current;
            }

            OnRestoring(current);
            return Move(current, RecordState.Active);
        }
    }, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => Run(() =>
    {
        lock (Ledger.Sync)
        {
            var current = Require(id);
            OnDeleting(current);
            if (!SoftDelete)
            {
                Table.Remove(id);
                OnWritten(current with { State = RecordState.Deleted }, Ledger.TimeProvider.GetUtcNow());
            }
            else if (current.State != RecordState.Deleted)
            {
                Move(current, RecordState.Deleted);
            }

            return true;
        }
    }, cancellationToken);

    /// <summary>
    /// Applies an entity's own operation (mark as sent, void, …) to a record that is not deleted: <paramref name="change"/>
    /// runs under the ledger lock and returns the record as it should be (the same instance for no change); throw to refuse.
    /// </summary>
    protected Task<TRecord> TransitionAsync(string id, Func<TRecord, TRecord> change, CancellationToken cancellationToken) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Ledger.Sync)
        {
            var current = RequireWritable(id);
            var changed = change(current);
            if (ReferenceEquals(changed, current))
            {
                return current;
            }

            var now = Ledger.TimeProvider.GetUtcNow();
            var stamped = Stamp(changed, current.State, now);
            Table.Replace(stamped);
            OnWritten(stamped, now);
            return stamped;
        }
    }, cancellationToken);

    /// <summary>Builds the record a draft describes, without its id. Runs under the ledger lock; throw to refuse.</summary>
    protected abstract TRecord Create(TDraft draft, DateTimeOffset now);

    /// <summary>Applies changes to the current record. Runs under the ledger lock; throw to refuse.</summary>
    protected abstract TRecord Update(TRecord current, TChanges changes);

    /// <summary>Gives a new record its id, and whatever derives from it.</summary>
    protected virtual TRecord WithId(TRecord record, string id) => (TRecord)(record with { Id = id });

    /// <summary>Called under the lock before an archived or deleted record is restored; throw to refuse.</summary>
    protected virtual void OnRestoring(TRecord record)
    {
    }

    /// <summary>Called under the lock before a record is deleted; throw to refuse.</summary>
    protected virtual void OnDeleting(TRecord record)
    {
    }

    /// <summary>Called under the lock after a record was added, changed, or removed for good; moves what depends on it.</summary>
    protected virtual void OnWritten(TRecord record, DateTimeOffset now)
    {
    }

    protected RecordNotFoundException NotFound(EntityKind entity, string id) => new(entity, id) { Provider = Ledger.ProviderName };

    protected RecordDeletedException IsDeleted(EntityKind entity, string id) => new(entity, id) { Provider = Ledger.ProviderName };

    protected LedgerValidationException Invalid(string field, string message, string code) =>
        new([new FieldError(field, message, code)]) { Provider = Ledger.ProviderName };

    /// <summary>
    /// Refuses references to tax rates that do not exist, or no longer do, as a provider would: not found. Call under the
    /// ledger lock.
    /// </summary>
    protected void RequireTaxRates(IEnumerable<string?> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids.OfType<string>())
        {
            if (Ledger.TaxRateTable.Find(id) is not { State: not RecordState.Deleted })
            {
                throw NotFound(EntityKind.TaxRate, id);
            }
        }
    }

    /// <summary>
    /// Refuses line taxes that name a tax rate (<see cref="LineTax.TaxRateId"/>) that does not exist, or whose percent is
    /// not the rate's: a document copies its rates when issued, it does not contradict them. Call under the ledger lock.
    /// </summary>
    /// <summary>
    /// The in-memory ledger keeps unit prices before tax only: a draft or change asking for prices that include tax is
    /// refused, even when <see cref="InMemoryOptions.Capabilities"/> were configured to announce them (Ledgerline's guard
    /// refuses it first otherwise).
    /// </summary>
    protected static void RefuseTaxInclusivePrices(bool? unitPricesIncludeTax)
    {
        if (unitPricesIncludeTax == true)
        {
            throw new LedgerValidationException([new FieldError(
                "UnitPricesIncludeTax", "The in-memory ledger keeps unit prices before tax; leave UnitPricesIncludeTax false.", "NotSupportedByProvider")])
            {
                Provider = InMemoryLedgerProvider.ProviderName,
            };
        }
    }

    protected void RequireLineTaxes(IEnumerable<IEnumerable<LineTax>>? lines)
    {
        var index = 0;
        foreach (var taxes in lines ?? [])
        {
            foreach (var tax in taxes)
            {
                if (tax.TaxRateId is not { } id)
                {
                    continue;
                }

                var rate = Ledger.TaxRateTable.Find(id) is { State: not RecordState.Deleted } found ? found : throw NotFound(EntityKind.TaxRate, id);
                if (rate.Percent != tax.Percent)
                {
                    throw Invalid(
                        $"Lines[{index}].Taxes",
                        $"The line's {tax.Name} is {tax.Percent} % but tax rate {id} ({rate.Name}) is {rate.Percent} %.",
                        "TaxRateMismatch");
                }
            }

            index++;
        }
    }

    /// <summary>
    /// Refuses new lines priced in another currency than the document's (<paramref name="document"/>: "invoice", …), naming
    /// the first such line. The validators check lines against each other; only the store knows the document's currency.
    /// </summary>
    protected void RequireLineCurrency<TLine>(IEnumerable<TLine>? lines, Func<TLine, Money> price, CurrencyCode currency, string document) =>
        Ledgerline.Validation.LineCurrency.Require(lines, price, currency, document, Ledger.ProviderName);

    /// <summary>
    /// The lines of a new document: ids <c>1</c>, <c>2</c>, … in order. (The validators refuse a new line that carries an id.)
    /// </summary>
    protected static TLine[] NumberLines<TNew, TLine>(IReadOnlyList<TNew> lines, Func<TNew, string, TLine> make)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(make);
        return [.. lines.Select((line, index) => make(line, (index + 1).ToString(CultureInfo.InvariantCulture)))];
    }

    /// <summary>
    /// A document's new lines replacing <paramref name="current"/>: a line given back with the id of a current line keeps that
    /// id, a line without an id gets the next number after the highest current id. An id the document does not have is
    /// refused (<c>UnknownLine</c>, naming the line), as a provider refuses a line it cannot find.
    /// </summary>
    protected TLine[] ReplaceLines<TNew, TLine>(
        string document,
        IReadOnlyList<TLine> current,
        Func<TLine, string?> currentId,
        IReadOnlyList<TNew> lines,
        Func<TNew, string?> lineId,
        Func<TNew, string, TLine> make)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(currentId);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(lineId);
        ArgumentNullException.ThrowIfNull(make);
        var known = current.Select(currentId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var next = known.Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        var replaced = new TLine[lines.Count];
        for (var index = 0; index < lines.Count; index++)
        {
            var id = lineId(lines[index]);
            if (id is not null && !known.Contains(id))
            {
                throw Invalid(
                    $"Lines[{index}].Id",
                    $"There is no line '{id}' on {document} (its line ids: {(known.Count == 0 ? "none" : string.Join(", ", known.Order(StringComparer.Ordinal).Take(20)))}{(known.Count > 20 ? ", …" : string.Empty)}); give a new line no id.",
                    "UnknownLine");
            }

            replaced[index] = make(lines[index], id ?? (++next).ToString(CultureInfo.InvariantCulture));
        }

        return replaced;
    }

    /// <summary>Empty text clears a field: stored as absent, as providers do.</summary>
    protected static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A change to a text field: <see langword="null"/> keeps it, empty clears it.</summary>
    protected static string? Change(string? current, string? change) => change is null ? current : Text(change);

    /// <summary>Runs a synchronous store operation as a task: cancellation and failures surface in the task, as a provider's would.</summary>
    protected static Task<T> Run<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(operation());
        }
        catch (OverflowException exception)
        {
            // Amounts beyond what a decimal holds are input the ledger cannot keep, not a crash.
            return Task.FromException<T>(new LedgerValidationException(
                [new FieldError(string.Empty, "The amounts are too large to compute exactly.", "AmountOverflow")], exception)
            {
                Provider = InMemoryLedgerProvider.ProviderName,
            });
        }
        catch (Exception exception)
        {
            // Faults belong in the task, as any asynchronous provider would report them.
            return Task.FromException<T>(exception);
        }
    }

    private static int Offset(string? cursor) =>
        cursor is null ? 0
        : int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset
        : throw new InvalidCursorException("The cursor is not a position this provider issued. Pass back NextCursor exactly as received.");

    /// <summary>The record with its state and <see cref="LedgerRecord.UpdatedAt"/> set.</summary>
    protected static TRecord Stamp(TRecord record, RecordState state, DateTimeOffset now) =>
        (TRecord)(record with { State = state, UpdatedAt = now });

    private TRecord[] Select(TQuery query)
    {
        TRecord[] all;
        lock (Ledger.Sync)
        {
            all = Table.Snapshot();
        }

        return [.. all.Where(query.Matches)];
    }

    private TRecord Require(string id) => Table.Find(id) ?? throw NotFound(Entity, id);

    /// <summary>The record, which must exist and not be deleted. Call under the ledger lock.</summary>
    protected TRecord RequireWritable(string id)
    {
        var current = Require(id);
        return current.State == RecordState.Deleted ? throw IsDeleted(Entity, id) : current;
    }

    private TRecord Move(TRecord current, RecordState state)
    {
        var now = Ledger.TimeProvider.GetUtcNow();
        var moved = Stamp(current, state, now);
        Table.Replace(moved);
        OnWritten(moved, now);
        return moved;
    }
}
