using System.Text;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Ledgerline.Xero.Stores;
using Mapster;

namespace Ledgerline.Xero.Tests.Mapping;

/// <summary>Strict reading of tax rates, items, spent money and the organisation (shapes from Xero's OpenAPI description's examples).</summary>
public sealed class SettingsMappingTests
{
    private static readonly Dictionary<string, TaxRateWire> Rates = new()
    {
        ["INPUT2"] = new TaxRateWire { Name = "15% GST on Expenses", TaxType = "INPUT2", EffectiveRate = 15m },
    };

    private const string TaxRates = """
        {"TaxRates":[{"Name":"GST and QST","TaxType":"TAX002","ReportTaxType":"OUTPUT","DisplayTaxRate":14.9750,"EffectiveRate":15.4738,
        "Status":"ACTIVE","TaxComponents":[{"Name":"GST","Rate":5.0000,"IsCompound":false},{"Name":"QST","Rate":9.9750,"IsCompound":true}]}]}
        """;

    private const string Items = """
        {"Items":[{"ItemID":"19b79d12-0ae1-496e-9649-cbd04b15c7c5","Code":"GB1-White","Name":"Golf balls - white single",
        "Description":"Golf balls - white single","IsSold":true,"SalesDetails":{"UnitPrice":5.0000,"AccountCode":"200","TaxType":"OUTPUT2"},
        "IsTrackedAsInventory":false,"QuantityOnHand":0,"UpdatedDateUTC":"/Date(1573755038314)/"}]}
        """;

    private const string Spend = """
        {"BankTransactions":[{"BankTransactionID":"db09b1a6-1cfd-4a6b-bd3e-b1d9b5c9b0a3","Type":"SPEND","Status":"AUTHORISED",
        "Contact":{"ContactID":"5cc8cf28-567e-4d43-b287-687cfcaec47c","Name":"PowerDirect"},"BankAccount":{"AccountID":"6f7594f2-f059-4d56-9e67-47ac9733bfe9","Code":"090"},
        "Date":"/Date(1573689600000+0000)/","Reference":"Receipt 42","CurrencyCode":"NZD","LineAmountTypes":"Inclusive",
        "LineItems":[{"Description":"Paper","Quantity":1.0000,"UnitAmount":23.00,"AccountCode":"429","TaxType":"INPUT2","TaxAmount":3.00,"LineAmount":23.00},
        {"Description":"Ink","Quantity":1.0000,"UnitAmount":11.50,"AccountCode":"429","TaxType":"INPUT2","TaxAmount":1.50,"LineAmount":11.50}],
        "SubTotal":30.00,"TotalTax":4.50,"Total":34.50,"UpdatedDateUTC":"/Date(1573755038314)/"}]}
        """;

    [Fact]
    public void Read_CompoundTaxRate_PercentIsTheEffectiveRate()
    {
        var rate = Read<TaxRateWire, TaxRate, TaxRatesResult>(TaxRates, EntityKind.TaxRate, TaxRatesResult.ListKey, w => w.Adapt<TaxRateWire, TaxRate>(XeroMapping.Config));

        Assert.Equal(("TAX002", "GST and QST", 15.4738m, true, (DateTimeOffset?)null, RecordState.Active),
            (rate.Id, rate.Name, rate.Percent, rate.IsCompound, rate.UpdatedAt, rate.State));
    }

    [Theory]
    [InlineData("\"EffectiveRate\":15.4738,", "", "EffectiveRate")]
    [InlineData("\"TaxType\":\"TAX002\",", "", "TaxType")]
    [InlineData("\"Status\":\"ACTIVE\"", "\"Status\":\"RETIRED\"", "RETIRED")]
    public void Read_TaxRateMissingOrUnknownValue_IsInvalid(string original, string replacement, string named) =>
        AssertInvalid(() => Read<TaxRateWire, TaxRate, TaxRatesResult>(TaxRates.Replace(original, replacement, StringComparison.Ordinal),
            EntityKind.TaxRate, TaxRatesResult.ListKey, w => w.Adapt<TaxRateWire, TaxRate>(XeroMapping.Config)), named, "{\"Name\"");

    [Theory]
    [InlineData("PENDING", RecordState.Archived)]
    [InlineData("ARCHIVED", RecordState.Archived)]
    [InlineData("DELETED", RecordState.Deleted)]
    public void Read_TaxRateStatus_IsTheRecordState(string status, RecordState state) =>
        Assert.Equal(state, TaxRateRegister.State(status));

    [Fact]
    public void Read_Item_PriceInTheBaseCurrency_OneTaxRate()
    {
        var item = ReadItem(Items);

        Assert.Equal(("GB1-White", "Golf balls - white single", new Money(5m, CurrencyCode.Parse("NZD"))), (item.Code, item.Name, item.UnitPrice));
        Assert.Equal(["OUTPUT2"], item.TaxRateIds);
        Assert.Null(item.QuantityOnHand);
        Assert.Equal(new DateTimeOffset(2019, 11, 14, 18, 10, 38, 314, TimeSpan.Zero), item.UpdatedAt);
    }

    [Fact]
    public void Read_ItemWithoutName_ReadsItsCode_AndATrackedItemItsStock()
    {
        var item = ReadItem(Items.Replace("\"Name\":\"Golf balls - white single\",", "", StringComparison.Ordinal)
            .Replace("\"IsTrackedAsInventory\":false,\"QuantityOnHand\":0", "\"IsTrackedAsInventory\":true,\"QuantityOnHand\":12.5", StringComparison.Ordinal));

        Assert.Equal(("GB1-White", 12.5m), (item.Name, item.QuantityOnHand));
    }

    [Theory]
    [InlineData("\"UpdatedDateUTC\":\"/Date(1573755038314)/\"", "\"UpdatedDateUTC\":null", "UpdatedDateUTC")]
    [InlineData("\"ItemID\":\"19b79d12-0ae1-496e-9649-cbd04b15c7c5\",", "", "ItemID")]
    [InlineData("\"Code\":\"GB1-White\",\"Name\":\"Golf balls - white single\",", "", "Name or Code")]
    public void Read_ItemMissingValue_IsInvalid(string original, string replacement, string named) =>
        AssertInvalid(() => ReadItem(Items.Replace(original, replacement, StringComparison.Ordinal)), named, "{\"");

    [Fact]
    public void Read_InclusiveSpendOfTwoLines_AmountBeforeTax_TaxesByRate()
    {
        var expense = ReadSpend(Spend);

        Assert.Equal((new Money(30m, CurrencyCode.Parse("NZD")), new DateOnly(2019, 11, 14)), (expense.Amount, expense.Date));
        Assert.Equal(("PowerDirect", "Receipt 42", "429", (string?)null), (expense.Vendor, expense.Notes, expense.CategoryId, expense.ContactId));
        Assert.Equal(new ExpenseTax("15% GST on Expenses", new Money(4.5m, CurrencyCode.Parse("NZD")), 15m) { TaxRateId = "INPUT2" }, Assert.Single(expense.Taxes));
    }

    [Theory]
    [InlineData("\"Total\":34.50", "\"Total\":35.00", "do not add up")]
    [InlineData("\"SubTotal\":30.00,\"TotalTax\":4.50", "\"SubTotal\":30.50,\"TotalTax\":4.00", "tax does not add up")]
    [InlineData("\"Type\":\"SPEND\"", "\"Type\":\"RECEIVE\"", "RECEIVE")]
    [InlineData("\"Status\":\"AUTHORISED\"", "\"Status\":\"DRAFT\"", "DRAFT")]
    [InlineData("\"TaxType\":\"INPUT2\",\"TaxAmount\":1.50", "\"TaxType\":\"MYSTERY\",\"TaxAmount\":1.50", "MYSTERY")]
    [InlineData("\"CurrencyCode\":\"NZD\",", "", "CurrencyCode")]
    public void Read_SpendMissingOrInconsistentValue_IsInvalid(string original, string replacement, string named) =>
        AssertInvalid(() => ReadSpend(Spend.Replace(original, replacement, StringComparison.Ordinal)), named, "{\"BankTransactionID\"");

    [Fact]
    public void Read_SpendOfTwoAccounts_HasNoCategory_AndVoidedIsDeleted()
    {
        var expense = ReadSpend(Spend.Replace("\"AccountCode\":\"429\",\"TaxType\":\"INPUT2\",\"TaxAmount\":1.50", "\"AccountCode\":\"400\",\"TaxType\":\"INPUT2\",\"TaxAmount\":1.50", StringComparison.Ordinal)
            .Replace("\"Status\":\"AUTHORISED\"", "\"Status\":\"VOIDED\"", StringComparison.Ordinal));

        Assert.Equal(((string?)null, RecordState.Deleted), (expense.CategoryId, expense.State));
    }

    [Theory]
    [InlineData("NEWZEALANDSTANDARDTIME", "Pacific/Auckland")]
    [InlineData("AUSEASTERNSTANDARDTIME", "Australia/Sydney")]
    [InlineData("EASTERNSTANDARDTIME", "America/New_York")]
    [InlineData("CENTRALSTANDARDTIME(MEXICO)", "America/Mexico_City")]
    [InlineData("WEUROPESTANDARDTIME", "Europe/Berlin")]
    [InlineData("GMTSTANDARDTIME", "Europe/London")]
    public void TimeZone_XerosWindowsId_IsTheIanaZone(string xero, string iana) =>
        Assert.Equal(iana, XeroTimeZones.ToIana(xero));

    [Theory]
    [InlineData("NOSUCHSTANDARDTIME")]
    [InlineData("")]
    [InlineData(null)]
    public void TimeZone_UnknownOrMissing_IsNullNeverGuessed(string? xero) =>
        Assert.Null(XeroTimeZones.ToIana(xero));

    [Fact]
    public void Organisation_UnknownTimezoneAndNoAddress_ReadAsNull()
    {
        var company = new OrganisationWire { OrganisationID = "b2c885a9-4bb9-4a00-9b6e-6c2bf60b1a2b", Name = "Demo", LegalName = "Demo", BaseCurrency = "GBP", Timezone = "MARSSTANDARDTIME" }
            .Adapt<OrganisationWire, Company>(XeroMapping.Config);

        Assert.Equal(("Demo", (string?)null, (string?)null, (PostalAddress?)null, CurrencyCode.Parse("GBP")), (company.Name, company.LegalName, company.TimeZone, company.Address, company.BaseCurrency));
    }

    private static Item ReadItem(string json) =>
        Read<ItemWire, Item, ItemsResult>(json, EntityKind.Item, ItemsResult.ListKey, w => new XeroItem(w, CurrencyCode.Parse("NZD")).Adapt<XeroItem, Item>(XeroMapping.Config));

    private static Expense ReadSpend(string json) =>
        Read<BankTransactionWire, Expense, BankTransactionsResult>(json, EntityKind.Expense, BankTransactionsResult.ListKey,
            w => XeroExpense.Of(w, Rates).Adapt<XeroExpense, Expense>(XeroMapping.Config));

    private static TRecord Read<TWire, TRecord, TResult>(string json, EntityKind entity, string listKey, Func<TWire, TRecord> map)
        where TResult : class, IXeroList<TWire>
        where TRecord : LedgerRecord
    {
        var body = Encoding.UTF8.GetBytes(json);
        var content = (TResult?)System.Text.Json.JsonSerializer.Deserialize(body, typeof(TResult), XeroJsonContext.Default);
        var result = new XeroResult<TResult>(new XeroCall(entity, "get", "golden"), 200, body, content, null);
        return Assert.Single(XeroEnvelope.Map(result, listKey, keepRaw: true, map));
    }

    private static void AssertInvalid(Action read, string named, string excerptStart)
    {
        var invalid = Assert.Throws<InvalidProviderResponseException>(read);

        Assert.Contains(named, invalid.Message, StringComparison.Ordinal);
        Assert.StartsWith(excerptStart, invalid.BodyExcerpt, StringComparison.Ordinal);
        Assert.Equal("Xero", invalid.Provider);
    }
}
