using Ledgerline.ConformanceTests;

namespace Ledgerline.InMemory.ConformanceTests;

// The whole suite again against the restricted profile: every refusal branch runs. The report shows it as its own column.
[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryContactTests(LimitedInMemoryConformanceFixture fixture) : ContactConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryInvoiceTests(LimitedInMemoryConformanceFixture fixture) : InvoiceConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryPaymentTests(LimitedInMemoryConformanceFixture fixture) : PaymentConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryExpenseTests(LimitedInMemoryConformanceFixture fixture) : ExpenseConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryTimeEntryTests(LimitedInMemoryConformanceFixture fixture) : TimeEntryConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryStateTests(LimitedInMemoryConformanceFixture fixture) : RecordStateConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryIdempotencyTests(LimitedInMemoryConformanceFixture fixture) : IdempotencyConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryPagingTests(LimitedInMemoryConformanceFixture fixture) : PagingConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryQueryTests(LimitedInMemoryConformanceFixture fixture) : QueryConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryTotalsTests(LimitedInMemoryConformanceFixture fixture) : TotalsConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryErrorTests(LimitedInMemoryConformanceFixture fixture) : ErrorConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryConcurrencyTests(LimitedInMemoryConformanceFixture fixture) : ConcurrencyConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryRegistrationTests(LimitedInMemoryConformanceFixture fixture) : RegistrationConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryQueryOracleTests(LimitedInMemoryConformanceFixture fixture) : QueryOracleConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryStoreMiddlewareTests(LimitedInMemoryConformanceFixture fixture) : StoreMiddlewareConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryInvoiceLifecycleTests(LimitedInMemoryConformanceFixture fixture) : InvoiceLifecycleConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryItemTests(LimitedInMemoryConformanceFixture fixture) : ItemConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryTaxRateTests(LimitedInMemoryConformanceFixture fixture) : TaxRateConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryEstimateTests(LimitedInMemoryConformanceFixture fixture) : EstimateConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryCreditNoteTests(LimitedInMemoryConformanceFixture fixture) : CreditNoteConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryBillTests(LimitedInMemoryConformanceFixture fixture) : BillConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryProjectTests(LimitedInMemoryConformanceFixture fixture) : ProjectConformanceTests<LimitedInMemoryConformanceFixture>(fixture);

[Trait("ConformanceProfile", "limited")]
public sealed class LimitedInMemoryCompanyTests(LimitedInMemoryConformanceFixture fixture) : CompanyConformanceTests<LimitedInMemoryConformanceFixture>(fixture);
