using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.ConformanceTests;

/// <summary>
/// The seam a provider's conformance project implements once: how to register the provider, what it promises
/// (<see cref="ExpectedCapabilities"/>), how to get a fresh, empty, isolated ledger, how to move its clock and how to count
/// the requests it sends. Every suite class receives it as an xunit class fixture.
/// </summary>
/// <remarks>
/// The default implementation builds one service provider per fixture from <see cref="ConfigureServices"/>, adds a store
/// middleware last (innermost) that records the calls reaching the provider (<see cref="RequestCount"/>, <see cref="ProviderCalls"/>),
/// and opens each ledger on a new connection id. A provider whose connections need provisioning (an OAuth grant, a sandbox
/// account) overrides <see cref="CreateConnectionAsync"/>; an HTTP provider may override <see cref="RequestCount"/> to count
/// what actually went over the wire.
/// </remarks>
public abstract class LedgerConformanceFixture : IAsyncLifetime
{
    private ServiceProvider? _services;
    private readonly RecordingMiddleware _recorder = new();

    /// <summary>The provider's name, as <see cref="ILedgerProvider.Name"/> reports it (e.g. <c>InMemory</c>).</summary>
    public abstract string ProviderName { get; }

    /// <summary>
    /// What the provider promises. The suite checks the provider reports exactly this, and for every operation, filter or
    /// state left out it asserts the call is refused with <see cref="OperationNotSupportedException"/> before any request.
    /// </summary>
    public abstract LedgerCapabilities ExpectedCapabilities { get; }

    /// <summary>
    /// The smallest gap between two writes that gives them different <see cref="LedgerRecord.UpdatedAt"/> values
    /// (one second for providers with second-granularity timestamps). Tests about <c>UpdatedSince</c> advance the clock by it.
    /// </summary>
    public virtual TimeSpan TimestampGranularity => TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether <see cref="RequestCount"/> is meaningful. When <see langword="false"/>, tests still assert the typed error
    /// but cannot prove that nothing was sent.
    /// </summary>
    public virtual bool CanCountRequests => true;

    /// <summary>
    /// How many requests the provider has sent (for an HTTP provider) or how many calls reached the raw provider (default:
    /// counted by an innermost store middleware). Read before and after a call that must be refused.
    /// </summary>
    public virtual long RequestCount => _recorder.Count;

    /// <summary>
    /// The store calls that reached the provider for <paramref name="connectionId"/>, in order, as an application store
    /// middleware registered last saw them (after Ledgerline's guards and cursor binding).
    /// </summary>
    public IReadOnlyList<StoreRequest> ProviderCalls(string connectionId) => _recorder.CallsFor(connectionId);

    /// <summary>The services built from <see cref="ConfigureServices"/>, available after <see cref="InitializeAsync"/>.</summary>
    public IServiceProvider Services =>
        _services ?? throw new InvalidOperationException("The fixture is not initialized; xunit calls InitializeAsync first.");

    /// <summary>
    /// Registers the provider, as an application would: <c>builder.AddInMemory()</c>, <c>builder.AddFreshBooks(…)</c>.
    /// The registration tests call it twice on one collection to prove registration is idempotent.
    /// </summary>
    public abstract void AddProvider(LedgerlineBuilder builder);

    /// <summary>
    /// Adds everything the provider needs to <paramref name="services"/>: by default <c>AddLedgerline()</c> then
    /// <see cref="AddProvider"/>. Override to add test doubles first (a fake <see cref="TimeProvider"/>, a connection store),
    /// and call the base.
    /// </summary>
    public virtual void ConfigureServices(IServiceCollection services) => AddProvider(services.AddLedgerline());

    /// <summary>
    /// Moves the provider's clock forward by at least <paramref name="delay"/>. By default this waits in real time; a
    /// provider with a controllable clock (a fake <see cref="TimeProvider"/>, a sandbox clock) overrides it to jump instantly.
    /// </summary>
    public virtual Task AdvanceClockAsync(TimeSpan delay, CancellationToken cancellationToken = default) =>
        Task.Delay(delay, cancellationToken);

    /// <summary>
    /// Makes, in <paramref name="ledger"/>, an invoice for <paramref name="contactId"/> whose lines carry data the provider
    /// keeps beyond the canonical line (FreshBooks: a rebilled expense line and a compound tax), the way the provider's own
    /// application would, and returns its id. <see langword="null"/> (the default) means the provider's lines carry nothing
    /// beyond the canonical fields, and the test that needs such an invoice is skipped with that reason.
    /// </summary>
    public virtual Task<string?> CreateInvoiceWithProviderLineDataAsync(ILedger ledger, string contactId, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(null);

    /// <summary>
    /// The provider-only data of each line of invoice <paramref name="invoiceId"/>, in line order, as text to compare before
    /// and after a change (FreshBooks: <c>type</c>, <c>expenseid</c>, <c>compounded_tax</c>). Only called for an invoice
    /// made by <see cref="CreateInvoiceWithProviderLineDataAsync"/>.
    /// </summary>
    public virtual Task<IReadOnlyList<string>> ProviderLineDataAsync(ILedger ledger, string invoiceId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{ProviderName} makes no invoice with provider-only line data, so it has none to read.");

    /// <summary>
    /// Completes one of the suite's time entry drafts with what the provider needs and the suite cannot make, the way the
    /// provider's own application would (Xero: a project of the draft's contact or of one made for it, a task of that
    /// project charged as the draft's <see cref="NewTimeEntry.Billable"/> says, and one of the organisation's Projects
    /// users). Everything the draft states is kept. Default: the draft as it is.
    /// </summary>
    public virtual Task<NewTimeEntry> CompleteTimeEntryAsync(ILedger ledger, NewTimeEntry draft, CancellationToken cancellationToken = default) =>
        Task.FromResult(draft);

    /// <summary>
    /// Completes one of the suite's project drafts the same way (Xero: a contact when the draft names none, and no billing
    /// method, hourly rate or description, which Xero keeps per task or not at all). Default: the draft as it is.
    /// </summary>
    public virtual Task<NewProject> CompleteProjectAsync(ILedger ledger, NewProject draft, CancellationToken cancellationToken = default) =>
        Task.FromResult(draft);

    /// <summary>
    /// A line tax the provider takes on a line of <paramref name="document"/> (<see cref="EntityKind.Invoice"/>,
    /// <see cref="EntityKind.Bill"/> or <see cref="EntityKind.CreditNote"/>) in a fresh ledger, for the tests about taxed
    /// lines that are not about how taxes are named. Default: <c>HST</c> at 13 %, known by name only. A provider that names
    /// taxes by its own tax rates (Xero: <see cref="LineTax.TaxRateId"/>) returns one of the rates a fresh ledger has, with
    /// its percent.
    /// </summary>
    public virtual LineTax SampleLineTax(EntityKind document) => new("HST", 13m);

    /// <summary>Opens a fresh, empty ledger that shares no records with any other ledger this fixture opened.</summary>
    public virtual async Task<ILedger> CreateLedgerAsync(CancellationToken cancellationToken = default)
    {
        var connectionId = await CreateConnectionAsync(cancellationToken);
        return Services.GetRequiredService<ILedgerFactory>().Open(ProviderName, connectionId);
    }

    /// <summary>
    /// Whether a fresh ledger of this provider already holds <paramref name="entity"/> records that cannot be removed (Xero:
    /// every organisation has its tax regime's rates). The suite then leaves the records a test finds when it starts out of
    /// what it compares. Default: none; every store of a fresh ledger is empty.
    /// </summary>
    public virtual bool ComesWithRecords(EntityKind entity) => false;

    /// <summary>Removes what <see cref="CreateLedgerAsync"/> made, after each test. Default: nothing to do.</summary>
    public virtual Task DeleteLedgerAsync(ILedger ledger, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// Makes a connection whose ledger is empty and isolated and returns its id. Default: a new unique id, enough for
    /// providers (like InMemory) where each connection id is its own ledger.
    /// </summary>
    protected virtual Task<string> CreateConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromResult("conformance-" + Guid.NewGuid().ToString("N"));

    /// <summary>Builds the services. Override to start servers and the like; call the base.</summary>
    public virtual ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        ConfigureServices(services);
        // Registered last, so innermost: it sees exactly the calls that reach the provider.
        services.AddLedgerline().UseStoreMiddleware(_recorder);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return ValueTask.CompletedTask;
    }

    /// <summary>Disposes the services. Override to stop what <see cref="InitializeAsync"/> started; call the base.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
            _services = null;
        }

        GC.SuppressFinalize(this);
    }
}
