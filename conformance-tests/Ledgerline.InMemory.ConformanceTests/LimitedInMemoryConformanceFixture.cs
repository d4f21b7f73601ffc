using Ledgerline.ConformanceTests;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.InMemory.ConformanceTests;

/// <summary>
/// The InMemory provider restricted to a smaller, FreshBooks-like set of capabilities, so that every "not supported"
/// branch of the suite runs against a real provider: time entries deleted for good and never archived, payments that
/// cannot be changed, invoices that cannot be voided, expenses without UpdatedSince, contacts that cannot be listed when deleted
/// and take no idempotency key (as FreshBooks), credit allocations without one.
/// </summary>
public sealed class LimitedInMemoryConformanceFixture : InMemoryConformanceFixture
{
    public static LedgerCapabilities Limited { get; } = new InMemoryOptions()
        .ConfigureStore(EntityKind.TimeEntry, s => s with
        {
            Operations = StoreOperations.All & ~(StoreOperations.Archive | StoreOperations.Restore),
            SoftDelete = false,
            QueryableStates = RecordStates.Active,
            Filters = Without(s.Filters, nameof(TimeEntryQuery.Billed), nameof(RecordQuery.States)),
        })
        .ConfigureStore(EntityKind.Payment, s => s with { Operations = StoreOperations.All & ~StoreOperations.Update })
        .ConfigureStore(EntityKind.Invoice, s => s with { Operations = s.Operations & ~StoreOperations.Void })
        .ConfigureStore(EntityKind.BillPayment, s => s with { Operations = StoreOperations.All & ~StoreOperations.Update })
        .ConfigureStore(EntityKind.Estimate, s => s with { Operations = s.Operations & ~(StoreOperations.Decline | StoreOperations.MarkSent) })
        .ConfigureStore(EntityKind.Expense, s => s with { Filters = Without(s.Filters, nameof(RecordQuery.UpdatedSince), nameof(ExpenseQuery.CategoryId)) })
        .ConfigureStore(EntityKind.Contact, s => s with { QueryableStates = RecordStates.NotDeleted, IdempotencyKeys = StoreOperations.None })
        .ConfigureStore(EntityKind.CreditNote, s => s with { IdempotencyKeys = StoreOperations.Create })
        .Capabilities;

    public override LedgerCapabilities ExpectedCapabilities => Limited;

    public override void AddProvider(LedgerlineBuilder builder) => builder.AddInMemory(o => o.Capabilities = Limited);

    private static HashSet<string> Without(IReadOnlySet<string> filters, params string[] removed) =>
        new(filters.Except(removed, StringComparer.Ordinal), StringComparer.Ordinal);
}
