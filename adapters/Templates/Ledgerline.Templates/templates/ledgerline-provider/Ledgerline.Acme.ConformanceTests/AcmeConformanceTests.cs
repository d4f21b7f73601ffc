using Ledgerline.ConformanceTests;

namespace Ledgerline.Acme.ConformanceTests;

// Every suite the conformance package ships, one line each. A store Acme does not declare turns its tests into
// assertions that the call is refused with OperationNotSupportedException before any request, or skips them with the
// reason. To record where Acme differs, override the test with [ConformanceDeviation("why")]; to leave a whole suite out,
// list it in IgnoredSuites below with the reason. The completeness test fails on anything left out silently.
public sealed class AcmeContactTests(AcmeConformanceFixture fixture) : ContactConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeInvoiceTests(AcmeConformanceFixture fixture) : InvoiceConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeInvoiceLifecycleTests(AcmeConformanceFixture fixture) : InvoiceLifecycleConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmePaymentTests(AcmeConformanceFixture fixture) : PaymentConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeExpenseTests(AcmeConformanceFixture fixture) : ExpenseConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeTimeEntryTests(AcmeConformanceFixture fixture) : TimeEntryConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeItemTests(AcmeConformanceFixture fixture) : ItemConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeTaxRateTests(AcmeConformanceFixture fixture) : TaxRateConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeEstimateTests(AcmeConformanceFixture fixture) : EstimateConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeCreditNoteTests(AcmeConformanceFixture fixture) : CreditNoteConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeBillTests(AcmeConformanceFixture fixture) : BillConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeProjectTests(AcmeConformanceFixture fixture) : ProjectConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeCompanyTests(AcmeConformanceFixture fixture) : CompanyConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeStateTests(AcmeConformanceFixture fixture) : RecordStateConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeIdempotencyTests(AcmeConformanceFixture fixture) : IdempotencyConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmePagingTests(AcmeConformanceFixture fixture) : PagingConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeQueryTests(AcmeConformanceFixture fixture) : QueryConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeQueryOracleTests(AcmeConformanceFixture fixture) : QueryOracleConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeTotalsTests(AcmeConformanceFixture fixture) : TotalsConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeErrorTests(AcmeConformanceFixture fixture) : ErrorConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeConcurrencyTests(AcmeConformanceFixture fixture) : ConcurrencyConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeStoreMiddlewareTests(AcmeConformanceFixture fixture) : StoreMiddlewareConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeRegistrationTests(AcmeConformanceFixture fixture) : RegistrationConformanceTests<AcmeConformanceFixture>(fixture);

public sealed class AcmeCompletenessTests : ConformanceSuiteCompletenessTests
{
    // e.g. [typeof(TimeEntryConformanceTests<>)] = "Acme has no time tracking.",
    protected override IReadOnlyDictionary<Type, string> IgnoredSuites { get; } = new Dictionary<Type, string>();
}
