using Ledgerline.ConformanceTests;

namespace Ledgerline.InMemory.ConformanceTests;

// The whole suite against the in-memory provider with every capability.
public sealed class InMemoryContactTests(InMemoryConformanceFixture fixture) : ContactConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryInvoiceTests(InMemoryConformanceFixture fixture) : InvoiceConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryPaymentTests(InMemoryConformanceFixture fixture) : PaymentConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryExpenseTests(InMemoryConformanceFixture fixture) : ExpenseConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryTimeEntryTests(InMemoryConformanceFixture fixture) : TimeEntryConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryStateTests(InMemoryConformanceFixture fixture) : RecordStateConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryIdempotencyTests(InMemoryConformanceFixture fixture) : IdempotencyConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryPagingTests(InMemoryConformanceFixture fixture) : PagingConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryQueryTests(InMemoryConformanceFixture fixture) : QueryConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryTotalsTests(InMemoryConformanceFixture fixture) : TotalsConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryErrorTests(InMemoryConformanceFixture fixture) : ErrorConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryConcurrencyTests(InMemoryConformanceFixture fixture) : ConcurrencyConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryRegistrationTests(InMemoryConformanceFixture fixture) : RegistrationConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemorySuiteCompletenessTests : ConformanceSuiteCompletenessTests;

public sealed class InMemoryQueryOracleTests(InMemoryConformanceFixture fixture) : QueryOracleConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryStoreMiddlewareTests(InMemoryConformanceFixture fixture) : StoreMiddlewareConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryInvoiceLifecycleTests(InMemoryConformanceFixture fixture) : InvoiceLifecycleConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryItemTests(InMemoryConformanceFixture fixture) : ItemConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryTaxRateTests(InMemoryConformanceFixture fixture) : TaxRateConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryEstimateTests(InMemoryConformanceFixture fixture) : EstimateConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryCreditNoteTests(InMemoryConformanceFixture fixture) : CreditNoteConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryBillTests(InMemoryConformanceFixture fixture) : BillConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryProjectTests(InMemoryConformanceFixture fixture) : ProjectConformanceTests<InMemoryConformanceFixture>(fixture);

public sealed class InMemoryCompanyTests(InMemoryConformanceFixture fixture) : CompanyConformanceTests<InMemoryConformanceFixture>(fixture);
