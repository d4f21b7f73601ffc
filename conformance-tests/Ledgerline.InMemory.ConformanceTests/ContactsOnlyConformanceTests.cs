using Ledgerline.ConformanceTests;

namespace Ledgerline.InMemory.ConformanceTests;

// The whole suite against a provider that implements only contacts: Ledgerline refuses every other store for it, typed.
[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyContactTests(ContactsOnlyConformanceFixture fixture) : ContactConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyInvoiceTests(ContactsOnlyConformanceFixture fixture) : InvoiceConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyPaymentTests(ContactsOnlyConformanceFixture fixture) : PaymentConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyExpenseTests(ContactsOnlyConformanceFixture fixture) : ExpenseConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyTimeEntryTests(ContactsOnlyConformanceFixture fixture) : TimeEntryConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyStateTests(ContactsOnlyConformanceFixture fixture) : RecordStateConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyIdempotencyTests(ContactsOnlyConformanceFixture fixture) : IdempotencyConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyPagingTests(ContactsOnlyConformanceFixture fixture) : PagingConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyQueryTests(ContactsOnlyConformanceFixture fixture) : QueryConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyTotalsTests(ContactsOnlyConformanceFixture fixture) : TotalsConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyErrorTests(ContactsOnlyConformanceFixture fixture) : ErrorConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyConcurrencyTests(ContactsOnlyConformanceFixture fixture) : ConcurrencyConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyRegistrationTests(ContactsOnlyConformanceFixture fixture) : RegistrationConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyQueryOracleTests(ContactsOnlyConformanceFixture fixture) : QueryOracleConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyStoreMiddlewareTests(ContactsOnlyConformanceFixture fixture) : StoreMiddlewareConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyInvoiceLifecycleTests(ContactsOnlyConformanceFixture fixture) : InvoiceLifecycleConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyItemTests(ContactsOnlyConformanceFixture fixture) : ItemConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyTaxRateTests(ContactsOnlyConformanceFixture fixture) : TaxRateConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyEstimateTests(ContactsOnlyConformanceFixture fixture) : EstimateConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyCreditNoteTests(ContactsOnlyConformanceFixture fixture) : CreditNoteConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyBillTests(ContactsOnlyConformanceFixture fixture) : BillConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyProjectTests(ContactsOnlyConformanceFixture fixture) : ProjectConformanceTests<ContactsOnlyConformanceFixture>(fixture);

[Trait("ConformanceProfile", "contacts-only")]
public sealed class ContactsOnlyCompanyTests(ContactsOnlyConformanceFixture fixture) : CompanyConformanceTests<ContactsOnlyConformanceFixture>(fixture);
