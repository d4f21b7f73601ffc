using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.Mapping;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Ledgerline.Xero.Stores;

namespace Ledgerline.Xero.Tests.Mapping;

/// <summary>
/// The mappings written as code (what a Native AOT app runs, where Mapster cannot) against the Mapster configuration (what
/// the store tests run): the same pairs, every pair with sample records, and the same records or the same refusals for
/// each sample and every field of it (and of its first line, contact, invoice or address) missing, null or junk.
/// </summary>
public sealed class ExplicitMappingTests
{
    private static readonly LedgerMapper<XeroMapping> ByMapster = new();
    private static readonly LedgerMapper<XeroMapping> ByCode = new(explicitOnly: true);

    private static readonly JsonSerializerOptions Compare = new() { WriteIndented = true };

    private static readonly Dictionary<string, TaxRateWire> Rates = new()
    {
        ["OUTPUT2"] = new TaxRateWire { Name = "15% GST on Income", TaxType = "OUTPUT2", EffectiveRate = 15m },
        ["INPUT2"] = new TaxRateWire { Name = "15% GST on Expenses", TaxType = "INPUT2", EffectiveRate = 15m },
        ["NONE"] = new TaxRateWire { Name = "No GST", TaxType = "NONE", EffectiveRate = 0m },
    };

    /// <summary>
    /// Representative and edge-case records for every pair the adapter maps, as Xero sends them (shapes from Xero's API
    /// reference). A pair added to the Mapster configuration needs a sample here (<see cref="Samples_CoverEveryMapsterPair"/>).
    /// </summary>
    private static readonly Sample[] All =
    [
        Sample.Of<ContactWire, ContactsResult, ContactWire, Contact>("contact, organisation with every slot", EntityKind.Contact, ContactsResult.ListKey, w => w, """
            {"Contacts":[{"ContactID":"bd2270c3-8706-4c11-9cfb-000b551c3f51","ContactStatus":"ACTIVE","Name":"ABC Limited","FirstName":"Andrea",
            "LastName":"Dutchess","EmailAddress":"a.dutchess@abclimited.com","DefaultCurrency":"NZD","AccountNumber":"ABC-1","Website":"https://abc.example",
            "Addresses":[{"AddressType":"STREET","AddressLine1":"1 Main St"},{"AddressType":"POBOX","AddressLine1":"P O Box 123","AddressLine2":"Level 2",
            "City":"Wellington","Region":"WLG","PostalCode":"6011","Country":"New Zealand"}],
            "Phones":[{"PhoneType":"DDI"},{"PhoneType":"DEFAULT","PhoneNumber":"1111111","PhoneAreaCode":"4","PhoneCountryCode":"64"},
            {"PhoneType":"FAX","PhoneNumber":"2222222"},{"PhoneType":"MOBILE","PhoneNumber":"   "}],
            "UpdatedDateUTC":"/Date(1488391422280+0000)/"}]}
            """),
        Sample.Of<ContactWire, ContactsResult, ContactWire, Contact>("contact, a person named by full name, archived", EntityKind.Contact, ContactsResult.ListKey, w => w, """
            {"Contacts":[{"ContactID":"9b9ba9e5-e907-4b4e-8210-54d82b0aa479","ContactStatus":"GDPRREQUEST","Name":"Ann Lee","FirstName":" Ann ",
            "LastName":"Lee","Addresses":[{"AddressType":"POBOX"}],"Phones":[],"UpdatedDateUTC":"/Date(1488391422280)/"}]}
            """),
        Sample.Of<ContactWire, ContactsResult, ContactWire, Vendor>("vendor with every slot", EntityKind.Vendor, ContactsResult.ListKey, w => w, """
            {"Contacts":[{"ContactID":"bd2270c3-8706-4c11-9cfb-000b551c3f51","ContactStatus":"ACTIVE","Name":"Paper Co","FirstName":"Pat",
            "LastName":"Ng","EmailAddress":"pat@paper.example","DefaultCurrency":"AUD","AccountNumber":"P-77","Website":"https://paper.example",
            "Addresses":[{"AddressType":"POBOX","AddressLine1":"PO Box 9","City":"Sydney","Country":"Australia"}],
            "Phones":[{"PhoneType":"DEFAULT","PhoneNumber":"5550100","PhoneAreaCode":"2"},{"PhoneType":"MOBILE","PhoneNumber":"0400"}],
            "IsSupplier":true,"UpdatedDateUTC":"/Date(1488391422280+0000)/"}]}
            """),
        Sample.Of<ContactWire, ContactsResult, ContactWire, Vendor>("vendor, name only", EntityKind.Vendor, ContactsResult.ListKey, w => w, """
            {"Contacts":[{"ContactID":"c1","ContactStatus":"ARCHIVED","Name":"Solo","UpdatedDateUTC":"/Date(1488391422280+0000)/"}]}
            """),
        Sample.Of<InvoiceWire, InvoicesResult, XeroInvoice, Invoice>("invoice, exclusive, part paid", EntityKind.Invoice, InvoicesResult.ListKey, w => XeroInvoice.Of(w, Rates), """
            {"Invoices":[{"Type":"ACCREC","InvoiceID":"0e64a623-c2a1-446a-93ed-eb897f118cbc","InvoiceNumber":"INV-1","Reference":"March work",
            "Contact":{"ContactID":"a3675fc4-f8dd-4f03-ba5b-f1870566bcd7"},"Date":"/Date(1539993600000+0000)/","DueDate":"/Date(1541808000000+0000)/",
            "Status":"AUTHORISED","LineAmountTypes":"Exclusive","LineItems":[{"LineItemID":"l1","Description":"Consulting\nMarch","Quantity":2.0000,
            "UnitAmount":40.00,"TaxType":"OUTPUT2","TaxAmount":12.00,"LineAmount":80.00}],"SubTotal":80.00,"TotalTax":12.00,"Total":92.00,
            "AmountDue":32.00,"AmountPaid":50.00,"AmountCredited":10.00,"CurrencyCode":"NZD","UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}
            """),
        Sample.Of<InvoiceWire, InvoicesResult, XeroInvoice, Invoice>("invoice, inclusive, draft", EntityKind.Invoice, InvoicesResult.ListKey, w => XeroInvoice.Of(w, Rates), """
            {"Invoices":[{"Type":"ACCREC","InvoiceID":"1e64a623-c2a1-446a-93ed-eb897f118cbc","Contact":{"ContactID":"a3"},
            "Date":"/Date(1539993600000+0000)/","Status":"DRAFT","LineAmountTypes":"Inclusive","LineItems":[
            {"Description":"Widgets","Quantity":4.0000,"UnitAmount":23.00,"TaxType":"OUTPUT2","TaxAmount":12.00,"LineAmount":92.00},
            {"Description":"","Quantity":1.0000,"UnitAmount":0.00,"TaxType":"NONE","TaxAmount":0.00,"LineAmount":0.00}],
            "SubTotal":80.00,"TotalTax":12.00,"Total":92.00,"AmountDue":92.00,"AmountPaid":0.00,"CurrencyCode":"NZD",
            "UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}
            """),
        Sample.Of<InvoiceWire, InvoicesResult, XeroInvoice, Invoice>("invoice, inclusive, discounted, draft", EntityKind.Invoice, InvoicesResult.ListKey, w => XeroInvoice.Of(w, Rates), """
            {"Invoices":[{"Type":"ACCREC","InvoiceID":"1e64a623-c2a1-446a-93ed-eb897f118cbc","Contact":{"ContactID":"a3"},
            "Date":"/Date(1539993600000+0000)/","Status":"DRAFT","LineAmountTypes":"Inclusive","LineItems":[
            {"Description":"Widgets","Quantity":4.0000,"UnitAmount":23.00,"DiscountRate":10.00,"TaxType":"OUTPUT2","TaxAmount":10.80,"LineAmount":82.80},
            {"Description":"","Quantity":1.0000,"UnitAmount":0.00,"TaxType":"NONE","TaxAmount":0.00,"LineAmount":0.00}],
            "SubTotal":72.00,"TotalTax":10.80,"Total":82.80,"AmountDue":82.80,"AmountPaid":0.00,"CurrencyCode":"NZD",
            "UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}
            """),
        Sample.Of<InvoiceWire, InvoicesResult, XeroInvoice, Invoice>("invoice, exclusive, discounted, draft", EntityKind.Invoice, InvoicesResult.ListKey, w => XeroInvoice.Of(w, Rates), """
            {"Invoices":[{"Type":"ACCREC","InvoiceID":"3e64a623-c2a1-446a-93ed-eb897f118cbc","Contact":{"ContactID":"a3"},
            "Date":"/Date(1539993600000+0000)/","Status":"DRAFT","LineAmountTypes":"Exclusive","LineItems":[
            {"Description":"Widgets","Quantity":4.0000,"UnitAmount":23.00,"DiscountRate":10.00,"TaxType":"OUTPUT2","TaxAmount":12.42,"LineAmount":82.80}],
            "SubTotal":82.80,"TotalTax":12.42,"Total":95.22,"AmountDue":95.22,"AmountPaid":0.00,"CurrencyCode":"NZD",
            "UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}
            """),
        Sample.Of<InvoiceWire, InvoicesResult, XeroInvoice, Invoice>("invoice, no tax, voided, no lines", EntityKind.Invoice, InvoicesResult.ListKey, w => XeroInvoice.Of(w, Rates), """
            {"Invoices":[{"Type":"ACCREC","InvoiceID":"2e","Contact":{"ContactID":"a3"},"Date":"/Date(1539993600000+0000)/","Status":"VOIDED",
            "LineAmountTypes":"NoTax","LineItems":[],"SubTotal":0.00,"TotalTax":0.00,"Total":0.00,"AmountDue":5.00,"AmountPaid":0.00,
            "CurrencyCode":"USD","UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}
            """),
        Sample.Of<PaymentWire, PaymentsResult, PaymentWire, Payment>("payment with its invoice and contact", EntityKind.Payment, PaymentsResult.ListKey, w => w, """
            {"Payments":[{"PaymentID":"b26fd49a-cbae-470a-a8f8-bcbc119e0379","Date":"/Date(1455667200000+0000)/","Amount":500.00,"Reference":"INV-0001",
            "Status":"AUTHORISED","PaymentType":"ACCRECPAYMENT","UpdatedDateUTC":"/Date(1289572582537+0000)/",
            "Invoice":{"InvoiceID":"0e64a623","Type":"ACCREC","Contact":{"ContactID":"a3675fc4"},"CurrencyCode":"NZD"}}]}
            """),
        Sample.Of<PaymentWire, PaymentsResult, PaymentWire, Payment>("payment, deleted, no contact", EntityKind.Payment, PaymentsResult.ListKey, w => w, """
            {"Payments":[{"PaymentID":"p2","Date":"/Date(1455667200000+0000)/","Amount":0.01,"Status":"DELETED",
            "UpdatedDateUTC":"/Date(1289572582537+0000)/","Invoice":{"InvoiceID":"0e64a623","CurrencyCode":"GBP"}}]}
            """),
        Sample.Of<InvoiceWire, InvoicesResult, XeroBill, Bill>("bill, part paid and credited", EntityKind.Bill, InvoicesResult.ListKey, w => XeroBill.Of(w, Rates), """
            {"Invoices":[{"Type":"ACCPAY","InvoiceID":"1e64a623-c2a1-446a-93ed-eb897f118cbc","InvoiceNumber":"RPT445-1",
            "Contact":{"ContactID":"b3675fc4-f8dd-4f03-ba5b-f1870566bcd7"},"Date":"/Date(1539993600000+0000)/","DueDate":"/Date(1541808000000+0000)/",
            "Status":"AUTHORISED","LineAmountTypes":"Exclusive","LineItems":[{"LineItemID":"5a9a2a7c","Description":"Paper",
            "Quantity":2.0000,"UnitAmount":40.00,"AccountCode":"429","TaxType":"INPUT2","TaxAmount":12.00,"LineAmount":80.00}],
            "SubTotal":80.00,"TotalTax":12.00,"Total":92.00,"AmountDue":62.00,"AmountPaid":20.00,"AmountCredited":10.00,
            "CurrencyCode":"NZD","UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}
            """),
        Sample.Of<InvoiceWire, InvoicesResult, XeroBill, Bill>("bill, inclusive, deleted, no description", EntityKind.Bill, InvoicesResult.ListKey, w => XeroBill.Of(w, Rates), """
            {"Invoices":[{"Type":"ACCPAY","InvoiceID":"b2","Contact":{"ContactID":"b3"},"Date":"/Date(1539993600000+0000)/","Status":"DELETED",
            "LineAmountTypes":"Inclusive","LineItems":[{"Quantity":1.0000,"UnitAmount":23.00,"TaxType":"INPUT2","TaxAmount":3.00,"LineAmount":23.00}],
            "SubTotal":20.00,"TotalTax":3.00,"Total":23.00,"AmountDue":0.00,"AmountPaid":0.00,"CurrencyCode":"NZD",
            "UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}
            """),
        Sample.Of<PaymentWire, PaymentsResult, PaymentWire, BillPayment>("bill payment", EntityKind.BillPayment, PaymentsResult.ListKey, w => w, """
            {"Payments":[{"PaymentID":"8a1","Date":"/Date(1455667200000+0000)/","Amount":20.00,"Reference":"Cheque 7","Status":"AUTHORISED",
            "PaymentType":"ACCPAYPAYMENT","UpdatedDateUTC":"/Date(1289572582537+0000)/",
            "Invoice":{"InvoiceID":"1e64a623","Type":"ACCPAY","Contact":{"ContactID":"b3675fc4"},"CurrencyCode":"NZD"}}]}
            """),
        Sample.Of<PaymentWire, PaymentsResult, PaymentWire, BillPayment>("bill payment, deleted, no contact", EntityKind.BillPayment, PaymentsResult.ListKey, w => w, """
            {"Payments":[{"PaymentID":"8a2","Date":"/Date(1455667200000+0000)/","Amount":1.00,"Status":"DELETED",
            "UpdatedDateUTC":"/Date(1289572582537+0000)/","Invoice":{"InvoiceID":"1e64a623","CurrencyCode":"NZD"}}]}
            """),
        Sample.Of<CreditNoteWire, CreditNotesResult, XeroCreditNote, CreditNote>("credit note, allocated and refunded", EntityKind.CreditNote, CreditNotesResult.ListKey, w => XeroCreditNote.Of(w, Rates), """
            {"CreditNotes":[{"CreditNoteID":"249f15fa-f2a7-4acc-8769-0984103f2225","CreditNoteNumber":"CN-0005","Type":"ACCRECCREDIT",
            "Reference":"US Tour","RemainingCredit":22.50,
            "Payments":[{"PaymentID":"6b037c9b","Date":"/Date(1552521600000+0000)/","Amount":2.00}],
            "Allocations":[{"AllocationID":"b7eb1fc9","Amount":10.00,"Date":"/Date(1551744000000+0000)/","Invoice":{"InvoiceID":"c45720a1"}}],
            "Contact":{"ContactID":"430fa14a-f945-44d3-9f97-5df5e28441b8","Name":"Liam Gallagher"},"Date":"/Date(1551744000000+0000)/",
            "Status":"AUTHORISED","LineAmountTypes":"Exclusive","LineItems":[{"Description":"Mic Stand\nBlack","UnitAmount":30.00,"TaxType":"OUTPUT2",
            "TaxAmount":4.50,"LineAmount":30.00,"AccountCode":"200","Quantity":1.0000}],"SubTotal":30.00,"TotalTax":4.50,"Total":34.50,
            "CurrencyCode":"NZD","UpdatedDateUTC":"/Date(1552521600000+0000)/"}]}
            """),
        Sample.Of<CreditNoteWire, CreditNotesResult, XeroCreditNote, CreditNote>("credit note, no tax, applied, nothing allocated", EntityKind.CreditNote, CreditNotesResult.ListKey, w => XeroCreditNote.Of(w, Rates), """
            {"CreditNotes":[{"CreditNoteID":"cn2","Type":"ACCRECCREDIT","RemainingCredit":0.00,"Contact":{"ContactID":"430fa14a"},
            "Date":"/Date(1551744000000+0000)/","Status":"PAID","LineAmountTypes":"NoTax","LineItems":[{"Description":"Refund",
            "UnitAmount":5.00,"LineAmount":5.00,"Quantity":1.0000}],"SubTotal":5.00,"TotalTax":0.00,"Total":5.00,
            "Payments":[{"Amount":5.00}],"CurrencyCode":"EUR","UpdatedDateUTC":"/Date(1552521600000+0000)/"}]}
            """),
        Sample.Of<QuoteWire, QuotesResult, XeroQuote, Estimate>("quote, accepted, discounted", EntityKind.Estimate, QuotesResult.ListKey, w => XeroQuote.Of(w, Rates), """
            {"Quotes":[{"QuoteID":"be59294f-2a9c-4cee-8c64-0f0ddbc1883a","QuoteNumber":"QU-0001","Reference":"REF-123",
            "Terms":"Not valid after the expiry date","Contact":{"ContactID":"060816db-0ed7-44de-ab58-8fee9316fcd5","Name":"Adam"},
            "LineItems":[{"LineItemID":"ccf5e45c","AccountCode":"200","Description":"Fish out of Water\nHardback",
            "UnitAmount":19.95,"DiscountRate":10.00,"LineAmount":17.96,"ItemCode":"BOOK","Quantity":1.0000,"TaxAmount":2.69,"TaxType":"OUTPUT2"}],
            "Date":"/Date(1571875200000)/","ExpiryDate":"/Date(1571961600000)/","Status":"ACCEPTED","CurrencyCode":"AUD",
            "SubTotal":17.96,"TotalTax":2.69,"Total":20.65,"TotalDiscount":1.99,"Title":"Your Quote","Summary":"Please buy this",
            "UpdatedDateUTC":"/Date(1571869373890)/","LineAmountTypes":"EXCLUSIVE"}]}
            """),
        Sample.Of<QuoteWire, QuotesResult, XeroQuote, Estimate>("quote, invoiced, inclusive, no expiry", EntityKind.Estimate, QuotesResult.ListKey, w => XeroQuote.Of(w, Rates) with { InvoiceId = "0e64a623" }, """
            {"Quotes":[{"QuoteID":"q2","Contact":{"ContactID":"060816db"},"LineItems":[{"Description":"Widget","UnitAmount":23.00,
            "LineAmount":23.00,"Quantity":1.0000,"TaxAmount":3.00,"TaxType":"OUTPUT2"}],"Date":"/Date(1571875200000+0000)/",
            "Status":"INVOICED","CurrencyCode":"NZD","SubTotal":20.00,"TotalTax":3.00,"Total":23.00,
            "UpdatedDateUTC":"/Date(1571869373890+0000)/","LineAmountTypes":"INCLUSIVE"}]}
            """),
        Sample.Of<TaxRateWire, TaxRatesResult, TaxRateWire, TaxRate>("tax rate, compound", EntityKind.TaxRate, TaxRatesResult.ListKey, w => w, """
            {"TaxRates":[{"Name":"GST and QST","TaxType":"TAX002","ReportTaxType":"OUTPUT","DisplayTaxRate":14.9750,"EffectiveRate":15.4738,
            "Status":"ACTIVE","TaxComponents":[{"Name":"GST","Rate":5.0000,"IsCompound":false},{"Name":"QST","Rate":9.9750,"IsCompound":true}]}]}
            """),
        Sample.Of<TaxRateWire, TaxRatesResult, TaxRateWire, TaxRate>("tax rate, pending, no components", EntityKind.TaxRate, TaxRatesResult.ListKey, w => w, """
            {"TaxRates":[{"Name":"Zero","TaxType":"ZERORATED","EffectiveRate":0.0000,"Status":"PENDING"}]}
            """),
        Sample.Of<ProjectWire, ProjectsResult, XeroProject, Project>("project, in progress, estimate and deadline", EntityKind.Project, ProjectsResult.ListKey,
            w => new XeroProject(w, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland")), """
            {"pagination":{"page":1,"pageSize":50,"pageCount":1,"itemCount":1},"items":[{"projectId":"254553f4-7e2d-4d2b-9b1c-bbb5c6a4b2b1",
            "contactId":"01234567-89ab-cdef-0123-456789abcdef","name":"New Kitchen","currencyCode":"NZD",
            "deadlineUtc":"2026-12-14T11:00:00Z","estimate":{"currency":"NZD","value":1500.00},"status":"INPROGRESS"}]}
            """),
        Sample.Of<ProjectWire, ProjectsResult, XeroProject, Project>("project, closed, no estimate", EntityKind.Project, ProjectsResult.ListKey,
            w => new XeroProject(w, TimeZoneInfo.Utc), """
            {"items":[{"projectId":"p2","name":"Done","currencyCode":"NZD","status":"CLOSED"}]}
            """),
        Sample.Of<TimeEntryWire, TimeEntriesResult, XeroTimeEntry, TimeEntry>("time entry, active", EntityKind.TimeEntry, ProjectsResult.ListKey,
            w => new XeroTimeEntry(w, "01234567-89ab-cdef-0123-456789abcdef", Billable: true), """
            {"pagination":{"page":1,"pageSize":50,"pageCount":1,"itemCount":1},"items":[{"timeEntryId":"e1","userId":"u1",
            "projectId":"254553f4-7e2d-4d2b-9b1c-bbb5c6a4b2b1","taskId":"t1","dateUtc":"2026-11-30T09:00:00Z",
            "dateEnteredUtc":"2026-11-30T10:00:00Z","duration":90,"description":"Cabinets","status":"ACTIVE"}]}
            """),
        Sample.Of<TimeEntryWire, TimeEntriesResult, XeroTimeEntry, TimeEntry>("time entry, invoiced, no note", EntityKind.TimeEntry, ProjectsResult.ListKey,
            w => new XeroTimeEntry(w, null, Billable: false), """
            {"items":[{"timeEntryId":"e2","userId":"u1","projectId":"p2","taskId":"t2","dateUtc":"2026-11-29T09:00:00Z","duration":1,"status":"INVOICED"}]}
            """),
        Sample.Of<ItemWire, ItemsResult, XeroItem, Item>("item, sold", EntityKind.Item, ItemsResult.ListKey, w => new XeroItem(w, CurrencyCode.Parse("NZD")), """
            {"Items":[{"ItemID":"19b79d12-0ae1-496e-9649-cbd04b15c7c5","Code":"GB1-White","Name":"Golf balls - white single",
            "Description":"Golf balls - white single","IsSold":true,"SalesDetails":{"UnitPrice":5.0000,"AccountCode":"200","TaxType":"OUTPUT2"},
            "IsTrackedAsInventory":false,"QuantityOnHand":0,"UpdatedDateUTC":"/Date(1573755038314)/"}]}
            """),
        Sample.Of<ItemWire, ItemsResult, XeroItem, Item>("item, tracked, no name, no sales details", EntityKind.Item, ItemsResult.ListKey, w => new XeroItem(w, CurrencyCode.Parse("NZD")), """
            {"Items":[{"ItemID":"i2","Code":"TRK-1","IsTrackedAsInventory":true,"QuantityOnHand":12.5,"PurchaseDetails":{"UnitPrice":2.00},
            "UpdatedDateUTC":"/Date(1573755038314+0000)/"}]}
            """),
        Sample.Of<BankTransactionWire, BankTransactionsResult, XeroExpense, Expense>("spend money, inclusive, one account", EntityKind.Expense, BankTransactionsResult.ListKey, w => XeroExpense.Of(w, Rates), """
            {"BankTransactions":[{"BankTransactionID":"db09b1a6-1cfd-4a6b-bd3e-b1d9b5c9b0a3","Type":"SPEND","Status":"AUTHORISED",
            "Contact":{"ContactID":"5cc8cf28","Name":"PowerDirect"},"BankAccount":{"AccountID":"6f7594f2","Code":"090"},
            "Date":"/Date(1573689600000+0000)/","Reference":"Receipt 42","CurrencyCode":"NZD","LineAmountTypes":"Inclusive",
            "LineItems":[{"Description":"Paper","Quantity":1.0000,"UnitAmount":23.00,"AccountCode":"429","TaxType":"INPUT2","TaxAmount":3.00,"LineAmount":23.00},
            {"Description":"Ink","Quantity":1.0000,"UnitAmount":11.50,"AccountCode":"429","TaxType":"INPUT2","TaxAmount":1.50,"LineAmount":11.50}],
            "SubTotal":30.00,"TotalTax":4.50,"Total":34.50,"UpdatedDateUTC":"/Date(1573755038314)/"}]}
            """),
        Sample.Of<BankTransactionWire, BankTransactionsResult, XeroExpense, Expense>("spend money, no tax, two accounts, voided", EntityKind.Expense, BankTransactionsResult.ListKey, w => XeroExpense.Of(w, Rates), """
            {"BankTransactions":[{"BankTransactionID":"bt2","Type":"SPEND","Status":"VOIDED","Date":"/Date(1573689600000+0000)/",
            "CurrencyCode":"USD","LineAmountTypes":"NoTax","LineItems":[{"Quantity":1.0000,"UnitAmount":3.00,"AccountCode":"429","LineAmount":3.00},
            {"Quantity":1.0000,"UnitAmount":4.00,"AccountCode":"400","LineAmount":4.00}],"SubTotal":7.00,"TotalTax":0.00,"Total":7.00,
            "UpdatedDateUTC":"/Date(1573755038314+0000)/"}]}
            """),
        Sample.Of<OrganisationWire, OrganisationsResult, OrganisationWire, Company>("organisation, postal address", EntityKind.Company, OrganisationsResult.ListKey, w => w, """
            {"Organisations":[{"OrganisationID":"b2c885a9-4bb9-4a00-9b6e-6c2bf60b1a2b","Name":"Demo Company (NZ)","LegalName":"Demo Company (NZ) Limited",
            "BaseCurrency":"NZD","CountryCode":"nz","Timezone":"NEWZEALANDSTANDARDTIME",
            "Addresses":[{"AddressType":"STREET","AddressLine1":"23 Main Street"},{"AddressType":"POBOX","AddressLine1":"P O Box 123",
            "City":"Oaktown","PostalCode":"1234","Country":"New Zealand"}]}]}
            """),
        Sample.Of<OrganisationWire, OrganisationsResult, OrganisationWire, Company>("organisation, street address only, same legal name", EntityKind.Company, OrganisationsResult.ListKey, w => w, """
            {"Organisations":[{"OrganisationID":"o2","Name":"Acme","LegalName":"Acme","BaseCurrency":"GBP","CountryCode":"GBR",
            "Timezone":"NOT A ZONE","Addresses":[{"AddressType":"POBOX"},{"AddressType":"STREET","AddressLine1":"1 High St","City":"London"}]}]}
            """),
    ];

    public static TheoryData<string> Names => [.. All.Select(s => s.Name)];

    [Fact]
    public void Explicit_EveryMapsterPair_RegisteredOnceAsCode()
    {
        var mapster = XeroMapping.Create().RuleMap.Keys.Select(t => (t.Source, t.Destination)).ToHashSet();

        var code = XeroMapping.CreateExplicit().Pairs.ToHashSet();

        var missing = mapster.Except(code).Select(p => $"{p.Source.Name} -> {p.Destination.Name}").ToList();
        Assert.True(missing.Count == 0,
            "Registered in the Mapster configuration but not written as code, so a Native AOT app cannot map them: " +
            string.Join(", ", missing) + ". Add each to its register's Register(ExplicitMappings) and to XeroMapping.CreateExplicit.");
        var extra = code.Except(mapster).Select(p => $"{p.Source.Name} -> {p.Destination.Name}").ToList();
        Assert.True(extra.Count == 0, "Written as code but not in the Mapster configuration: " + string.Join(", ", extra) + ".");
        Assert.False(ByMapster.UsesExplicitMappings);
        Assert.True(ByCode.UsesExplicitMappings);
    }

    [Fact]
    public void Samples_CoverEveryMapsterPair()
    {
        var sampled = All.Select(s => (s.Source, s.Destination)).ToHashSet();

        var unsampled = XeroMapping.Create().RuleMap.Keys.Select(t => (t.Source, t.Destination))
            .Where(p => !sampled.Contains(p)).Select(p => $"{p.Source.Name} -> {p.Destination.Name}").ToList();

        Assert.True(unsampled.Count == 0,
            "No sample record compares these pairs' Mapster and code mappings: " + string.Join(", ", unsampled) +
            ". Add representative and edge-case Xero records for each to ExplicitMappingTests.All.");
    }

    [Fact]
    public void Map_PairNotWrittenAsCode_NamesThePairAndIsNotReadAsBadProviderData()
    {
        var missing = Assert.Throws<NotSupportedException>(() => ByCode.Map<ContactWire, Estimate>(new ContactWire()));

        Assert.Contains("ContactWire to Estimate", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Native AOT", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Map_Sample_SameRecord(string name)
    {
        var sample = All.Single(s => s.Name == name);

        var expected = sample.Outcome(Encoding.UTF8.GetBytes(sample.Json), ByMapster);

        Assert.StartsWith("{", expected, StringComparison.Ordinal);
        Assert.Equal(expected, sample.Outcome(Encoding.UTF8.GetBytes(sample.Json), ByCode));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Map_EveryFieldMissingNullOrJunk_SameRecordOrSameRefusal(string name)
    {
        var sample = All.Single(s => s.Name == name);
        int compared = 0, mapped = 0, refused = 0;
        foreach (var variant in Variants(sample))
        {
            var expected = sample.Outcome(variant, ByMapster);
            var actual = sample.Outcome(variant, ByCode);
            if (expected.StartsWith("threw", StringComparison.Ordinal) && actual.StartsWith("threw", StringComparison.Ordinal))
            {
                // Both refuse, with the same exception. Where several required values are bad, Mapster reads the members in
                // the record's declaration order and the code in the register's, so the first one named may differ.
                Assert.Equal(expected.Split(':')[0], actual.Split(':')[0]);
                refused += expected.StartsWith("threw JsonException", StringComparison.Ordinal) ? 0 : 1;
            }
            else
            {
                Assert.Equal(expected, actual);
                mapped += expected.StartsWith('{') ? 1 : 0;
            }

            compared++;
        }

        // Every sample has variants that still map (a field Ledgerline does not read) and variants refused as bad data.
        Assert.True(compared > 10 && mapped > 0 && refused > 0, $"{name}: {compared} variants, {mapped} mapped, {refused} refused");
    }

    /// <summary>
    /// The sample with each field of its record, and of each object or first array element in it (a line, the contact,
    /// the invoice, an address, a phone, an allocation), removed, null, junk, -1, empty or an empty object.
    /// </summary>
    private static IEnumerable<byte[]> Variants(Sample sample)
    {
        var paths = new List<Func<JsonNode, JsonObject>> { root => Record(root, sample.ListKey) };
        foreach (var (key, value) in Record(JsonNode.Parse(sample.Json)!, sample.ListKey))
        {
            if (value is JsonObject)
            {
                paths.Add(root => Record(root, sample.ListKey)[key]!.AsObject());
            }
            else if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject)
            {
                paths.Add(root => Record(root, sample.ListKey)[key]![0]!.AsObject());
            }
        }

        foreach (var owner in paths)
        {
            var fields = owner(JsonNode.Parse(sample.Json)!).Select(p => p.Key).ToList();
            foreach (var field in fields)
            {
                foreach (var replacement in new JsonNode?[] { null, JsonValue.Create("junk"), JsonValue.Create(-1), JsonValue.Create(""), new JsonObject() })
                {
                    var root = JsonNode.Parse(sample.Json)!;
                    owner(root)[field] = replacement?.DeepClone();
                    yield return JsonSerializer.SerializeToUtf8Bytes(root);
                }

                var removed = JsonNode.Parse(sample.Json)!;
                owner(removed).Remove(field);
                yield return JsonSerializer.SerializeToUtf8Bytes(removed);
            }
        }
    }

    private static JsonObject Record(JsonNode root, string listKey) => root[listKey]![0]!.AsObject();

    /// <summary>One Xero record for one pair: how it is read from its list answer and wrapped as the store does.</summary>
    private sealed record Sample(string Name, Type Source, Type Destination, string ListKey, string Json, Func<byte[], LedgerMapper<XeroMapping>, string> Outcome)
    {
        public static Sample Of<TWire, TResult, TSource, TDestination>(
            string name, EntityKind entity, string listKey, Func<TWire, TSource> wrap, string json)
            where TResult : class, IXeroList<TWire> =>
            new(name, typeof(TSource), typeof(TDestination), listKey, json, (body, mapper) => Read<TWire, TResult, TSource, TDestination>(entity, listKey, wrap, body, mapper));

        /// <summary>The record read from <paramref name="body"/> (as JSON) through <paramref name="mapper"/>, or the refusal.</summary>
        private static string Read<TWire, TResult, TSource, TDestination>(
            EntityKind entity, string listKey, Func<TWire, TSource> wrap, byte[] body, LedgerMapper<XeroMapping> mapper)
            where TResult : class, IXeroList<TWire>
        {
            TResult? content;
            try
            {
                content = (TResult?)JsonSerializer.Deserialize(body, typeof(TResult), XeroJsonContext.Default);
            }
            catch (JsonException)
            {
                return "threw JsonException: the adapter refuses the body before mapping";
            }

            var result = new XeroResult<TResult>(new XeroCall(entity, "get", "golden"), 200, body, content, null);
            try
            {
                object record;
                if (typeof(TDestination) == typeof(Company))
                {
                    // The company store maps its one organisation itself (no LedgerRecord envelope).
                    var wires = XeroEnvelope.Records<TWire, TResult>(result, listKey);
                    record = ((Company)(object)mapper.Map<TSource, TDestination>(wrap(Assert.Single(wires)))!) with { RawRepresentation = null };
                }
                else
                {
                    record = Map<TWire, TResult, TSource, TDestination>(result, listKey, wrap, mapper);
                }

                return JsonSerializer.Serialize(record, record.GetType(), Compare);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                return $"threw {ex.GetType().Name}: {ex.Message}";
            }
        }

        private static object Map<TWire, TResult, TSource, TDestination>(
            XeroResult<TResult> result, string listKey, Func<TWire, TSource> wrap, LedgerMapper<XeroMapping> mapper)
            where TResult : class, IXeroList<TWire>
        {
            var records = XeroEnvelope.Map<TWire, LedgerRecord, TResult>(result, listKey, keepRaw: false,
                wire => (LedgerRecord)(object)mapper.Map<TSource, TDestination>(wrap(wire))!);
            return Assert.Single(records);
        }
    }
}
