using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Mapping;

public sealed class MappingGoldenTests
{
    private static readonly CurrencyCode Cad = CurrencyCode.CAD;
    private static readonly CurrencyCode Usd = CurrencyCode.USD;

    private static TRecord Map<TRecord>(string file, EntityKind entity)
        where TRecord : LedgerRecord =>
        Read.Record<TRecord>(Golden.Response(file, entity));

    [Fact]
    public void Compile_AdapterConfiguration_EveryDestinationMemberHasASource()
    {
        var config = FreshBooksMapping.Create();

        config.Compile();

        Assert.True(config.RequireDestinationMemberSource);
    }

    [Fact]
    public void MapClient_GoldenBody_EveryCanonicalField()
    {
        var contact = Map<Contact>("client.json", EntityKind.Contact);

        Assert.Equal("50231", contact.Id);
        // "2024-07-01 14:04:05" US/Eastern (EDT, UTC-4) is 18:04:05Z.
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 18, 4, 5, TimeSpan.Zero), contact.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, contact.UpdatedAt?.Offset);
        Assert.Equal(RecordState.Archived, contact.State);
        Assert.Equal("Ada", contact.FirstName);
        Assert.Equal("Lovelace", contact.LastName);
        Assert.Equal("Analytical Engines Ltd.", contact.Organization);
        Assert.Equal("ada@lovelace.example", contact.Email);
        Assert.Equal(
            [new ContactPhone(PhoneKind.Business, "416-555-0100"), new ContactPhone(PhoneKind.Mobile, "647-555-0123"), new ContactPhone(PhoneKind.Fax, "416-555-0199")],
            contact.Phones);
        Assert.Equal(new PostalAddress
        {
            Street = "12 King St W", Street2 = "Suite 400", City = "Toronto", Region = "Ontario", PostalCode = "M5H 1A1", Country = "Canada",
        }, contact.BillingAddress);
        Assert.Equal(Cad, contact.Currency);
        Assert.Equal("Prefers e-mail.", contact.Notes);
        var raw = Assert.IsType<RawJson>(contact.RawRepresentation).RootElement;
        Assert.Equal("2024-07-01 18:04:05", raw.GetProperty("signup_date").GetString());
    }

    [Fact]
    public void MapInvoice_GoldenBodyWithLines_TotalsStatusAndLines()
    {
        var invoice = Map<Invoice>("invoice.json", EntityKind.Invoice);

        Assert.Equal("987654", invoice.Id);
        // Fall-back day: 01:30 happens twice; read as the later (EST, UTC-5) instant.
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 6, 30, 0, TimeSpan.Zero), invoice.UpdatedAt);
        Assert.Equal(RecordState.Active, invoice.State);
        Assert.Equal("ACM0002", invoice.Number);
        Assert.Equal("50231", invoice.ContactId);
        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
        Assert.Equal("partial", invoice.ProviderStatus);
        Assert.Equal(new DateOnly(2024, 10, 28), invoice.IssueDate);
        Assert.Equal(new DateOnly(2024, 11, 27), invoice.DueDate);
        Assert.Equal(Cad, invoice.Currency);
        Assert.Equal(10m, invoice.DiscountPercent);
        Assert.Equal(new Money(44.00m, Cad), invoice.Subtotal);
        Assert.Equal(new Money(4.40m, Cad), invoice.Discount);
        Assert.Equal(new Money(2.34m, Cad), invoice.Tax);
        Assert.Equal(new Money(41.94m, Cad), invoice.Total);
        Assert.Equal(new Money(20.00m, Cad), invoice.AmountPaid);
        Assert.Equal(new Money(21.94m, Cad), invoice.AmountDue);
        Assert.Equal("Thank you for your business.", invoice.Notes);
        Assert.Equal("Net 30", invoice.Terms);

        Assert.Equal(2, invoice.Lines.Count);
        var first = invoice.Lines[0];
        Assert.Equal("Consulting", first.Name);
        Assert.Equal("Two hours of analysis", first.Description);
        Assert.Equal(2m, first.Quantity);
        Assert.Equal(new Money(10.00m, Cad), first.UnitPrice);
        Assert.Equal(new Money(20.00m, Cad), first.Amount);
        // taxAmount1 on a line is a percent, not money.
        Assert.Equal([new LineTax("HST", 13m)], first.Taxes);
        var second = invoice.Lines[1];
        Assert.Equal("Books", second.Name);
        Assert.Null(second.Description);
        Assert.Equal(3m, second.Quantity);
        Assert.Equal(new Money(8m, Cad), second.UnitPrice);
        Assert.Equal(new Money(24.00m, Cad), second.Amount);
        Assert.Empty(second.Taxes);
    }

    [Fact]
    public void MapPayment_GoldenBody_EveryCanonicalField()
    {
        var payment = Map<Payment>("payment.json", EntityKind.Payment);

        Assert.Equal("31337", payment.Id);
        // Spring-forward day: 02:30 does not exist; read with the pre-jump offset (UTC-5), i.e. 03:30 EDT.
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 7, 30, 0, TimeSpan.Zero), payment.UpdatedAt);
        Assert.Equal(RecordState.Deleted, payment.State);
        Assert.Equal("987654", payment.InvoiceId);
        Assert.Equal("50231", payment.ContactId);
        Assert.Equal(new Money(20.00m, Cad), payment.Amount);
        Assert.Equal(new DateOnly(2024, 3, 10), payment.Date);
        Assert.Equal("Bank Transfer", payment.Method);
        Assert.Equal("First instalment", payment.Note);
    }

    [Fact]
    public void MapExpense_GoldenBody_LongAmountKeptExactlyAndTaxIsMoney()
    {
        var expense = Map<Expense>("expense.json", EntityKind.Expense);

        Assert.Equal("4401", expense.Id);
        // 23:59:59 EDT on July 15 is 03:59:59Z on July 16.
        Assert.Equal(new DateTimeOffset(2024, 7, 16, 3, 59, 59, TimeSpan.Zero), expense.UpdatedAt);
        Assert.Equal(RecordState.Active, expense.State);
        Assert.Equal(new Money(7.60133524082021936099189318m, Usd), expense.Amount);
        Assert.Equal("7.60133524082021936099189318", expense.Amount.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2024, 7, 15), expense.Date);
        Assert.Equal("Paper & Ink Co.", expense.Vendor);
        Assert.Equal("3100", expense.CategoryId);
        Assert.Null(expense.ContactId);
        Assert.Equal("Printer paper", expense.Notes);
        Assert.Equal([new ExpenseTax("GST", new Money(0.99m, Usd), 13m)], expense.Taxes);
    }

    [Fact]
    public void MapTimeEntry_GoldenBody_UtcFieldsLeftUtc()
    {
        var entry = Map<TimeEntry>("time_entry.json", EntityKind.TimeEntry);

        Assert.Equal("7001", entry.Id);
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 7, 45, 12, TimeSpan.Zero), entry.UpdatedAt);
        Assert.Equal(RecordState.Active, entry.State);
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 5, 30, 0, TimeSpan.Zero), entry.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(5400), entry.Duration);
        Assert.False(entry.IsRunning);
        Assert.True(entry.Billable);
        Assert.False(entry.Billed);
        Assert.Equal("50231", entry.ContactId);
        Assert.Equal("812", entry.ProjectId);
        Assert.Equal("Analysis engine design", entry.Note);
    }

    [Theory]
    [InlineData("draft", 1, "unpaid", InvoiceStatus.Draft)]
    [InlineData("sent", 2, "unpaid", InvoiceStatus.Sent)]
    [InlineData("viewed", 3, "unpaid", InvoiceStatus.Viewed)]
    [InlineData("paid", 4, "paid", InvoiceStatus.Paid)]
    [InlineData("autopaid", 5, "auto-paid", InvoiceStatus.Paid)]
    [InlineData("overdue", 2, "unpaid", InvoiceStatus.Overdue)]
    [InlineData("disputed", 0, "unpaid", InvoiceStatus.Disputed)]
    [InlineData("failed", 7, "partial", InvoiceStatus.PartiallyPaid)]
    [InlineData("brand-new-status", 2, "unpaid", InvoiceStatus.Unknown)]
    [InlineData(null, 8, null, InvoiceStatus.PartiallyPaid)]
    [InlineData(null, 42, null, InvoiceStatus.Unknown)]
    public void MapStatus_ProviderValues_CanonicalStatus(string? v3, int? status, string? paymentStatus, InvoiceStatus expected)
    {
        Assert.Equal(expected, InvoiceStatusMapping.Map(v3, status, paymentStatus));
    }

    [Fact]
    public void MapInvoice_UnknownStatusMissingOptionalFieldsAndNulls_StillMaps()
    {
        const string json = """
            {"response":{"result":{"invoice":{"id":5,"customerid":"77","create_date":"2024-01-02","currency_code":"USD",
              "amount":{"amount":"10.00","code":"USD"},"paid":{"amount":"0.00","code":"USD"},"v3_status":"teleported","status":null,
              "updated":"2024-01-02 10:00:00","vis_state":"2",
              "notes":null,"lines":[{"name":"x","qty":"1","unit_cost":{"amount":"10.00","code":"USD"},"taxAmount1":null}],
              "surprise":true}}}}
            """;
        var response = Golden.Response(json, EntityKind.Invoice, 200);

        var invoice = Read.Record<Invoice>(response);

        Assert.Equal(InvoiceStatus.Unknown, invoice.Status);
        Assert.Equal("teleported", invoice.ProviderStatus);
        Assert.Equal(RecordState.Archived, invoice.State);
        Assert.Equal("77", invoice.ContactId);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 15, 0, 0, TimeSpan.Zero), invoice.UpdatedAt);
        Assert.Equal(new Money(10.00m, Usd), invoice.Lines[0].Amount);
        Assert.Equal(invoice.Total - invoice.AmountPaid, invoice.AmountDue);
    }

    [Fact]
    public void MapExpense_AmountNotADecimal_InvalidProviderResponseWithExcerpt()
    {
        const string json = """{"response":{"result":{"expense":{"id":1,"amount":{"amount":"12,50","code":"USD"},"date":"2024-01-02"}}}}""";
        var response = Golden.Response(json, EntityKind.Expense, 200);

        var error = Assert.Throws<InvalidProviderResponseException>(() => Read.Record<Expense>(response));

        Assert.Equal("FreshBooks", error.Provider);
        Assert.Contains("12,50", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void MapNewInvoice_Draft_WireBodyInFreshBooksNames()
    {
        var draft = new NewInvoice
        {
            ContactId = "50231",
            Currency = Cad,
            IssueDate = new DateOnly(2024, 10, 28),
            DueDate = new DateOnly(2024, 11, 27),
            DiscountPercent = 10m,
            Lines = [new NewInvoiceLine { Name = "Consulting", Quantity = 3m, UnitPrice = new Money(19.99m, Cad), Taxes = [new LineTax("HST", 13m)] }],
        };

        var wire = Mapster.TypeAdapter.Adapt<NewInvoice, InvoiceWrite>(draft, FreshBooksMapping.Config);
        var json = JsonSerializer.Serialize(wire, FreshBooksJson.Options);

        Assert.Contains("\"customerid\":50231", json, StringComparison.Ordinal);
        Assert.Contains("\"due_offset_days\":30", json, StringComparison.Ordinal);
        Assert.Contains("\"unit_cost\":{\"amount\":\"19.99\",\"code\":\"CAD\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"taxAmount1\":\"13\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void MapTax_GoldenBody_EveryCanonicalField()
    {
        var tax = Map<TaxRate>("tax.json", EntityKind.TaxRate);

        Assert.Equal("7702", tax.Id);
        // "2024-11-03 01:30:00" is the repeated fall-back hour in US/Eastern: read as its second (EST, UTC-5) occurrence.
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 6, 30, 0, TimeSpan.Zero), tax.UpdatedAt);
        Assert.Equal(RecordState.Active, tax.State);
        Assert.Equal(("QST", 9.975m, "1234567890TQ0001", true), (tax.Name, tax.Percent, tax.RegistrationNumber, tax.IsCompound));
        var raw = Assert.IsType<RawJson>(tax.RawRepresentation).RootElement;
        Assert.Equal("LL4X7Q", raw.GetProperty("accounting_systemid").GetString());
    }

    [Fact]
    public void MapItem_GoldenBody_EveryCanonicalField()
    {
        var item = Map<Item>("item.json", EntityKind.Item);

        Assert.Equal("61442", item.Id);
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 18, 4, 5, TimeSpan.Zero), item.UpdatedAt);
        Assert.Equal(RecordState.Archived, item.State);
        Assert.Equal(("Consulting hour", "CONS-1", "One hour of senior consulting."), (item.Name, item.Code, item.Description));
        Assert.Equal(new Money(150.25m, Cad), item.UnitPrice);
        // tax1 0 means "none": only the second slot's tax is listed.
        Assert.Equal(["7702"], item.TaxRateIds);
        Assert.Equal(55m, item.QuantityOnHand);
    }

    [Theory]
    [InlineData("tax.json", "\"name\": \"QST\"", "\"name\": \"\"")]
    [InlineData("tax.json", "\"amount\": \"9.975\"", "\"amount\": null")]
    [InlineData("tax.json", "\"amount\": \"9.975\"", "\"amount\": \"9,975\"")]
    [InlineData("tax.json", "\"updated\": \"2024-11-03 01:30:00\"", "\"updated\": null")]
    [InlineData("item.json", "\"id\": 61442", "\"id\": null")]
    [InlineData("item.json", "\"name\": \"Consulting hour\"", "\"name\": null")]
    public void Map_RequiredValueMissingOrMalformed_InvalidProviderResponse(string file, string field, string broken)
    {
        var text = System.Text.Encoding.UTF8.GetString(Golden.Bytes(file));
        Assert.Contains(field, text, StringComparison.Ordinal);
        var body = text.Replace(field, broken, StringComparison.Ordinal);
        if (field.StartsWith("\"id\"", StringComparison.Ordinal))
        {
            // FreshBooks sends the id twice; the record is unreadable only when both are missing.
            body = body.Replace("\"itemid\": 61442", "\"itemid\": null", StringComparison.Ordinal);
        }

        var entity = file == "tax.json" ? EntityKind.TaxRate : EntityKind.Item;
        var response = Golden.Response(body, entity, 200);

        Assert.Throws<InvalidProviderResponseException>(() => entity == EntityKind.TaxRate
            ? (LedgerRecord)Read.Record<TaxRate>(response)
            : Read.Record<Item>(response));
    }

    [Fact]
    public void MapProject_GoldenBodyWithClientCurrency_EveryCanonicalField()
    {
        var project = Read.Projects(Golden.Response("project.json", EntityKind.Project), keepRaw: true, Cad);

        Assert.Equal("1290", project.Id);
        // Project timestamps are UTC without a Z.
        Assert.Equal(new DateTimeOffset(2024, 7, 2, 9, 15, 0, TimeSpan.Zero), project.UpdatedAt);
        Assert.Equal(RecordState.Archived, project.State);
        Assert.Equal(("Website relaunch", "50231", "Design and build."), (project.Name, project.ContactId, project.Description));
        Assert.Equal(new DateOnly(2025, 5, 9), project.DueDate);
        Assert.Equal(ProjectBillingMethod.FixedPrice, project.BillingMethod);
        Assert.Equal(new Money(6000m, Cad), project.FixedPrice);
        Assert.Null(project.HourlyRate);
        // budget 21600 is time in an undocumented unit: never read as money.
        Assert.Null(project.Budget);
        Assert.True(project.IsComplete);
        var raw = Assert.IsType<RawJson>(project.RawRepresentation).RootElement;
        Assert.Equal(21600, raw.GetProperty("budget").GetInt32());
    }

    [Fact]
    public void MapProject_NoCurrencyKnown_AmountsNullNotGuessed()
    {
        var project = Read.Record<Project>(Golden.Response("project.json", EntityKind.Project));

        Assert.Null(project.FixedPrice);
        Assert.Equal(ProjectBillingMethod.FixedPrice, project.BillingMethod);
    }

    [Theory]
    [InlineData("\"title\": \"Website relaunch\"", "\"title\": \"\"")]
    [InlineData("\"updated_at\": \"2024-07-02T09:15:00\"", "\"updated_at\": null")]
    [InlineData("\"id\": 1290", "\"id\": null")]
    [InlineData("\"due_date\": \"2025-05-09\"", "\"due_date\": \"09/05/2025\"")]
    [InlineData("\"fixed_price\": \"6000.00\"", "\"fixed_price\": \"6,000.00\"")]
    public void MapProject_RequiredValueMissingOrMalformed_InvalidProviderResponse(string field, string broken)
    {
        var text = System.Text.Encoding.UTF8.GetString(Golden.Bytes("project.json"));
        Assert.Contains(field, text, StringComparison.Ordinal);

        var response = Golden.Response(text.Replace(field, broken, StringComparison.Ordinal), EntityKind.Project, 200);

        Assert.Throws<InvalidProviderResponseException>(() => Read.Projects(response, keepRaw: true, Cad));
    }
}
