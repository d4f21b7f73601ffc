namespace Ledgerline.ConformanceTests;

/// <summary>
/// The base of every suite class: gives each test a fresh ledger from the fixture (xunit makes a new instance per test)
/// and the helpers that turn a missing capability into an asserted refusal rather than a silent pass.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class ConformanceTestBase<TFixture> : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : LedgerConformanceFixture
{
    /// <summary>An id no record has; numeric so providers with numeric ids treat it as well-formed.</summary>
    protected const string MissingId = ConformanceIds.Missing;

    private ILedger? _ledger;

    /// <summary>Creates the test class around the provider's fixture.</summary>
    protected ConformanceTestBase(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
    }

    /// <summary>The provider's fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>This test's own fresh, empty ledger.</summary>
    protected ILedger Ledger => _ledger ?? throw new InvalidOperationException("The ledger is created in InitializeAsync.");

    /// <summary>What the provider promises.</summary>
    protected LedgerCapabilities Capabilities => Fixture.ExpectedCapabilities;

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Whether this class needs a ledger per test (registration tests do not).</summary>
    protected virtual bool UsesLedger => true;

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync()
    {
        if (UsesLedger)
        {
            _ledger = await Fixture.CreateLedgerAsync(Cancellation);
        }
    }

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        if (_ledger is not null)
        {
            await Fixture.DeleteLedgerAsync(_ledger, CancellationToken.None);
            _ledger = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Moves the provider's clock on by its timestamp granularity, so the next write gets a later UpdatedAt.</summary>
    protected Task AdvanceClockAsync() => Fixture.AdvanceClockAsync(Fixture.TimestampGranularity, Cancellation);

    /// <summary>
    /// When <paramref name="entity"/>'s store supports <paramref name="operations"/>, returns <see langword="true"/> and
    /// the test goes on. Otherwise asserts that <paramref name="attempt"/> is refused with
    /// <see cref="OperationNotSupportedException"/> before any request, notes it in the test's output, and returns
    /// <see langword="false"/> so the test ends there.
    /// </summary>
    protected async Task<bool> SupportedOrRefusedAsync(EntityKind entity, StoreOperations operations, Func<Task> attempt)
    {
        if (Capabilities.Supports(entity, operations))
        {
            return true;
        }

        var refused = await AssertRefusedBeforeRequestAsync<OperationNotSupportedException>(attempt);
        Assert.Equal(entity, refused.Entity);
        NoteUnsupported($"{entity} {operations}");
        return false;
    }

    /// <summary>As <see cref="SupportedOrRefusedAsync"/>, for a query filter (a query property name such as <c>UpdatedSince</c>).</summary>
    protected async Task<bool> FilterSupportedOrRefusedAsync(EntityKind entity, string filter, Func<Task> attempt)
    {
        if (Capabilities.SupportsFilter(entity, filter))
        {
            return true;
        }

        var refused = await AssertRefusedBeforeRequestAsync<OperationNotSupportedException>(attempt);
        Assert.Equal(entity, refused.Entity);
        NoteUnsupported($"{entity} filter {filter}");
        return false;
    }

    /// <summary>As <see cref="SupportedOrRefusedAsync"/>, for listing records in <paramref name="states"/>.</summary>
    protected async Task<bool> StatesSupportedOrRefusedAsync(EntityKind entity, RecordStates states, Func<Task> attempt)
    {
        if ((states & ~Capabilities.For(entity).QueryableStates) == 0)
        {
            return true;
        }

        var refused = await AssertRefusedBeforeRequestAsync<OperationNotSupportedException>(attempt);
        Assert.Equal(entity, refused.Entity);
        NoteUnsupported($"{entity} listing {states}");
        return false;
    }

    /// <summary>
    /// Skips the test (visibly, with the reason) when setting it up needs an operation the provider does not offer. Used for
    /// preconditions only; the operation a test is about goes through <see cref="SupportedOrRefusedAsync"/> instead.
    /// </summary>
    protected void RequireForSetup(EntityKind entity, StoreOperations operations) =>
        Assert.SkipUnless(
            Capabilities.Supports(entity, operations),
            $"Setting up this test needs {entity} {operations}, which {Fixture.ProviderName} does not support.");

    /// <summary>Asserts <paramref name="attempt"/> throws <typeparamref name="TException"/> and sent no request.</summary>
    protected async Task<TException> AssertRefusedBeforeRequestAsync<TException>(Func<Task> attempt)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var before = Fixture.RequestCount;
        var exception = await Assert.ThrowsAsync<TException>(attempt);
        if (Fixture.CanCountRequests)
        {
            Assert.True(
                Fixture.RequestCount == before,
                $"{typeof(TException).Name} was thrown, but only after {Fixture.RequestCount - before} request(s) had been sent.");
        }

        return exception;
    }

    /// <summary>A uniform view of one store of this test's ledger.</summary>
    private protected RecordKit Kit(EntityKind entity) =>
        RecordKit.For(Ledger, entity, Fixture.ComesWithRecords(entity) ? Capabilities.For(entity).QueryableStates : null, Fixture);

    /// <summary>A suite time entry draft completed with what the provider needs (<see cref="LedgerConformanceFixture.CompleteTimeEntryAsync"/>).</summary>
    protected Task<NewTimeEntry> ForProviderAsync(NewTimeEntry draft) => Fixture.CompleteTimeEntryAsync(Ledger, draft, Cancellation);

    /// <summary>A suite project draft completed with what the provider needs (<see cref="LedgerConformanceFixture.CompleteProjectAsync"/>).</summary>
    protected Task<NewProject> ForProviderAsync(NewProject draft) => Fixture.CompleteProjectAsync(Ledger, draft, Cancellation);

    /// <summary>
    /// The ids of the <paramref name="entity"/> records the ledger came with (<see cref="LedgerConformanceFixture.ComesWithRecords"/>),
    /// in every state the store lists; empty for a provider whose fresh ledgers are empty.
    /// </summary>
    protected async Task<IReadOnlySet<string>> PresetIdsAsync(EntityKind entity)
    {
        if (!Fixture.ComesWithRecords(entity))
        {
            return new HashSet<string>();
        }

        var kit = RecordKit.For(Ledger, entity);
        var records = await ToListAsync(kit.ListAsync(new ListShape { States = Capabilities.For(entity).QueryableStates }, Cancellation));
        return records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Skips, with the reason, when making a sample record of <paramref name="kit"/>'s kind needs what the provider lacks.</summary>
    private protected void RequireSamples(RecordKit kit)
    {
        foreach (var (entity, operations) in kit.SetupNeeds)
        {
            RequireForSetup(entity, operations);
        }

        RequireForSetup(kit.Entity, StoreOperations.Create);
    }

    /// <summary>Creates <paramref name="count"/> sample records one after the other.</summary>
    private protected static async Task<List<LedgerRecord>> CreateManyAsync(RecordKit kit, int count)
    {
        var records = new List<LedgerRecord>();
        for (var n = 1; n <= count; n++)
        {
            records.Add(await kit.CreateAsync(n, Cancellation));
        }

        return records;
    }

    /// <summary>Reads a whole listing.</summary>
    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var items = new List<T>();
        await foreach (var item in source.WithCancellation(Cancellation))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Asserts every id is there exactly once and nothing else is.</summary>
    protected static void AssertSameIds(IEnumerable<string> expected, IEnumerable<LedgerRecord> actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var actualIds = actual.Select(r => r.Id).ToList();
        var duplicates = actualIds.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Listed more than once: {string.Join(", ", duplicates)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), actualIds.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Asserts what every record shares: an id and a UTC timestamp. A record may go without <see cref="LedgerRecord.UpdatedAt"/>
    /// only where its store does not offer <see cref="RecordQuery.UpdatedSince"/> (the provider keeps no change time for that
    /// kind of record, and says so by not filtering on one).
    /// </summary>
    protected void AssertWellFormed(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Assert.False(string.IsNullOrWhiteSpace(record.Id), "A record must have an id.");
        if (record.UpdatedAt is not { } updated)
        {
            var entity = Enum.Parse<EntityKind>(record.GetType().Name);
            Assert.False(
                Capabilities.SupportsFilter(entity, nameof(RecordQuery.UpdatedSince)),
                $"{entity} {record.Id} has no UpdatedAt, but {Fixture.ProviderName} offers UpdatedSince on {entity} records.");
            return;
        }

        Assert.NotEqual(default, updated);
        Assert.Equal(TimeSpan.Zero, updated.Offset);
    }

    /// <summary>Notes, in the test's output, that the test asserted a refusal: the conformance report shows it as "asserted not supported".</summary>
    protected static void NoteUnsupported(string what) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"[conformance] not supported (refusal asserted): {what}");
}
