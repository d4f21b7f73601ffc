using Ledgerline.ConformanceTests;

namespace Ledgerline.FreshBooks.ConformanceTests;

// The whole suite against the FreshBooks adapter over HTTP, the sandbox in-process.
public sealed class FreshBooksContactTests(FreshBooksConformanceFixture fixture) : ContactConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksInvoiceTests(FreshBooksConformanceFixture fixture) : InvoiceConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksPaymentTests(FreshBooksConformanceFixture fixture) : PaymentConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksExpenseTests(FreshBooksConformanceFixture fixture) : ExpenseConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksTimeEntryTests(FreshBooksConformanceFixture fixture) : TimeEntryConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksStateTests(FreshBooksConformanceFixture fixture) : RecordStateConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksPagingTests(FreshBooksConformanceFixture fixture) : PagingConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksQueryTests(FreshBooksConformanceFixture fixture) : QueryConformanceTests<FreshBooksConformanceFixture>(fixture)
{
    /// <summary>
    /// Time entries only: FreshBooks returns no update timestamp on a time entry (UpdatedAt is its created_at), so an
    /// update cannot move UpdatedAt. What still holds, and is asserted instead: FreshBooks' own <c>updated_since</c>
    /// finds exactly the entry changed after the instant given, and not the untouched one.
    /// </summary>
    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    [ConformanceDeviation("FreshBooks time entries carry no updated_at: UpdatedAt is created_at and does not move on update; UpdatedSince is filtered by FreshBooks' updated_since, which does see the update.")]
    public override async Task ListAsync_UpdatedSinceAfterUpdate_ReturnsTheUpdatedRecord(EntityKind entity)
    {
        if (entity != EntityKind.TimeEntry)
        {
            await base.ListAsync_UpdatedSinceAfterUpdate_ReturnsTheUpdatedRecord(entity);
            return;
        }

        var started = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
        var changed = await Ledger.TimeEntries.CreateAsync(new NewTimeEntry { StartedAt = started, Duration = TimeSpan.FromHours(1), Note = "one" }, Cancellation);
        var untouched = await Ledger.TimeEntries.CreateAsync(new NewTimeEntry { StartedAt = started, Duration = TimeSpan.FromHours(2), Note = "two" }, Cancellation);
        await AdvanceClockAsync();
        var since = Fixture.Sandbox.Clock.GetUtcNow();
        since = since.AddTicks(-(since.UtcTicks % TimeSpan.TicksPerSecond));

        await Ledger.TimeEntries.UpdateAsync(changed.Id, new TimeEntryChanges { Note = "three" }, Cancellation);
        var listed = await ToListAsync(Ledger.TimeEntries.ListAsync(new TimeEntryQuery { UpdatedSince = since }, Cancellation));

        AssertSameIds([changed.Id], listed);
        Assert.NotEqual(changed.Id, untouched.Id);
    }
}

public sealed class FreshBooksTotalsTests(FreshBooksConformanceFixture fixture) : TotalsConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksErrorTests(FreshBooksConformanceFixture fixture) : ErrorConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksConcurrencyTests(FreshBooksConformanceFixture fixture) : ConcurrencyConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksRegistrationTests(FreshBooksConformanceFixture fixture) : RegistrationConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksSuiteCompletenessTests : ConformanceSuiteCompletenessTests;

public sealed class FreshBooksQueryOracleTests(FreshBooksConformanceFixture fixture) : QueryOracleConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksStoreMiddlewareTests(FreshBooksConformanceFixture fixture) : StoreMiddlewareConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksInvoiceLifecycleTests(FreshBooksConformanceFixture fixture) : InvoiceLifecycleConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksItemTests(FreshBooksConformanceFixture fixture) : ItemConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksTaxRateTests(FreshBooksConformanceFixture fixture) : TaxRateConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksEstimateTests(FreshBooksConformanceFixture fixture) : EstimateConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksCreditNoteTests(FreshBooksConformanceFixture fixture) : CreditNoteConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksBillTests(FreshBooksConformanceFixture fixture) : BillConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksProjectTests(FreshBooksConformanceFixture fixture) : ProjectConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksCompanyTests(FreshBooksConformanceFixture fixture) : CompanyConformanceTests<FreshBooksConformanceFixture>(fixture);
