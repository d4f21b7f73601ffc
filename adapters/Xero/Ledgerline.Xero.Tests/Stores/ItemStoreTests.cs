using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Items over loopback HTTP against the Xero sandbox.</summary>
public sealed class ItemStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static NewItem Widget => new()
    {
        Name = "Widget",
        Code = "WIDGET",
        Description = "A widget.",
        UnitPrice = new Money(12.3456m, Nz.Dollar),
        TaxRateIds = ["OUTPUT2"],
    };

    [Fact]
    public async Task CreateAsync_FullItem_RoundTripsWithFourDecimalPriceAndTheSalesAccount()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();

        var created = await ledger.Items.CreateAsync(Widget, Cancellation);
        var read = await ledger.Items.GetAsync(created.Id, Cancellation);

        Assert.True(Guid.TryParse(created.Id, out _));
        Assert.Equivalent(created with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.Equal(("Widget", "WIDGET", "A widget.", new Money(12.3456m, Nz.Dollar)), (read.Name, read.Code, read.Description, read.UnitPrice));
        Assert.Equal(["OUTPUT2"], read.TaxRateIds);
        Assert.Equal((RecordState.Active, (decimal?)null), (read.State, read.QuantityOnHand));
        Assert.Equal("200", Assert.IsType<RawJson>(read.RawRepresentation).RootElement.GetProperty("SalesDetails").GetProperty("AccountCode").GetString());
    }

    [Fact]
    public async Task UpdateAsync_Price_KeepsTheTaxRateAndSalesAccount_AndTaxRatesCanBeCleared()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var created = await ledger.Items.CreateAsync(Widget, Cancellation);

        var repriced = await ledger.Items.UpdateAsync(created.Id, new ItemChanges { UnitPrice = new Money(20m, Nz.Dollar) }, Cancellation);
        var untaxed = await ledger.Items.UpdateAsync(created.Id, new ItemChanges { TaxRateIds = [] }, Cancellation);
        var renamed = await ledger.Items.UpdateAsync(created.Id, new ItemChanges { Name = "Widget v2", Description = "" }, Cancellation);

        Assert.Equal((new Money(20m, Nz.Dollar), "OUTPUT2"), (repriced.UnitPrice, Assert.Single(repriced.TaxRateIds)));
        Assert.Equal("200", Assert.IsType<RawJson>(repriced.RawRepresentation).RootElement.GetProperty("SalesDetails").GetProperty("AccountCode").GetString());
        Assert.Equal((new Money(20m, Nz.Dollar), 0), (untaxed.UnitPrice, untaxed.TaxRateIds.Count));
        Assert.Equal(("Widget v2", (string?)null, "WIDGET", new Money(20m, Nz.Dollar)), (renamed.Name, renamed.Description, renamed.Code, renamed.UnitPrice));
    }

    [Fact]
    public async Task InputXeroCannotTake_IsRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var id = Guid.NewGuid().ToString();
        fixture.Sandbox.ClearRequests();

        async Task<string> FieldAsync(Func<Task> attempt) => Assert.Single((await Assert.ThrowsAsync<LedgerValidationException>(attempt)).Errors).Field;

        Assert.Equal(nameof(NewItem.Code), await FieldAsync(() => ledger.Items.CreateAsync(Widget with { Code = null }, Cancellation)));
        Assert.Equal(nameof(NewItem.Code), await FieldAsync(() => ledger.Items.CreateAsync(Widget with { Code = new string('C', 31) }, Cancellation)));
        Assert.Equal(nameof(NewItem.Name), await FieldAsync(() => ledger.Items.CreateAsync(Widget with { Name = new string('N', 51) }, Cancellation)));
        Assert.Equal(nameof(NewItem.TaxRateIds), await FieldAsync(() => ledger.Items.CreateAsync(Widget with { TaxRateIds = ["OUTPUT2", "ZERORATED"] }, Cancellation)));
        Assert.Equal(nameof(NewItem.QuantityOnHand), await FieldAsync(() => ledger.Items.CreateAsync(Widget with { QuantityOnHand = 4m }, Cancellation)));
        Assert.Equal(nameof(ItemChanges.Code), await FieldAsync(() => ledger.Items.UpdateAsync(id, new ItemChanges { Code = "" }, Cancellation)));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Items.ArchiveAsync(id, Cancellation));
        await Assert.ThrowsAsync<OperationNotSupportedException>(
            () => ToListAsync(ledger.Items.ListAsync(new ItemQuery { States = RecordStates.Deleted }, Cancellation)));
        Assert.Empty(fixture.AccountingRequests());
    }

    [Fact]
    public async Task CreateAsync_PriceInAnotherCurrencyOrUnknownTaxRate_WritesNothing()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.ClearRequests();

        var currency = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.Items.CreateAsync(Widget with { UnitPrice = new Money(1m, CurrencyCode.USD) }, Cancellation));
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Items.CreateAsync(Widget with { TaxRateIds = ["TAX404"] }, Cancellation));

        Assert.Equal(nameof(NewItem.UnitPrice), Assert.Single(currency.Errors).Field);
        Assert.Contains("NZD", currency.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((EntityKind.TaxRate, "TAX404"), (missing.Entity, missing.Id));
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheItemForGood()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var created = await ledger.Items.CreateAsync(Widget, Cancellation);

        await ledger.Items.DeleteAsync(created.Id, Cancellation);

        var gone = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Items.GetAsync(created.Id, Cancellation));
        var again = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Items.DeleteAsync(created.Id, Cancellation));
        Assert.Equal((EntityKind.Item, created.Id), (gone.Entity, gone.Id));
        Assert.Equal(created.Id, again.Id);
        Assert.Empty(await ToListAsync(ledger.Items.ListAsync(null, Cancellation)));
    }

    [Fact]
    public async Task ListAsync_OneUnpagedAnswer_FilteredByCodeExactlyAndByIfModifiedSince()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var upper = await ledger.Items.CreateAsync(new NewItem { Name = "Upper", Code = "ABC" }, Cancellation);
        fixture.Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        var later = await ledger.Items.CreateAsync(new NewItem { Name = "Later", Code = "XYZ" }, Cancellation);
        fixture.Sandbox.ClearRequests();

        var byCode = await ToListAsync(ledger.Items.ListAsync(new ItemQuery { Code = "ABC" }, Cancellation));
        var wrongCase = await ToListAsync(ledger.Items.ListAsync(new ItemQuery { Code = "abc" }, Cancellation));
        var since = await ToListAsync(ledger.Items.ListAsync(new ItemQuery { UpdatedSince = later.UpdatedAt }, Cancellation));
        var named = await ToListAsync(ledger.Items.ListAsync(new ItemQuery { NameContains = "PP" }, Cancellation));

        Assert.Equal([upper.Id], byCode.Select(i => i.Id));
        Assert.Empty(wrongCase);
        Assert.Equal([later.Id], since.Select(i => i.Id));
        Assert.Equal([upper.Id], named.Select(i => i.Id));
        Assert.Equal(4, fixture.AccountingRequests().Count);
        Assert.All(fixture.AccountingRequests(), r => Assert.DoesNotContain("page=", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListPageAsync_PagesById_EachItemOnce_WithAnExactTotal()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var created = new List<Item>();
        for (var n = 1; n <= 5; n++)
        {
            created.Add(await ledger.Items.CreateAsync(new NewItem { Name = $"Item {n}", Code = $"I-{n}" }, Cancellation));
        }

        var pages = new List<Page<Item>>();
        string? cursor = null;
        do
        {
            pages.Add(await ledger.Items.ListPageAsync(new ItemQuery { PageSize = 2 }, cursor, Cancellation));
            cursor = pages[^1].NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(created.Select(i => i.Id).Order(StringComparer.Ordinal), pages.SelectMany(p => p.Items).Select(i => i.Id));
        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
    }

    [Fact]
    public async Task ListAsync_UnpagedAnswerBeyondTheListingBound_FailsTyped()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => (o.MaxPages, o.PageSize) = (1, 2));
        var ledger = await fixture.OpenAsync();
        for (var n = 1; n <= 3; n++)
        {
            await ledger.Items.CreateAsync(new NewItem { Name = $"Item {n}", Code = $"I-{n}" }, Cancellation);
        }

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ToListAsync(ledger.Items.ListAsync(null, Cancellation)));

        Assert.Contains("more than 2 records", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemMadeInXeroWithoutAName_ReadsItsCodeAsTheName()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        using var http = fixture.DirectClient();
        var made = await http.PutAsJsonAsync("api.xro/2.0/Items", new { Items = new[] { new { Code = "NONAME" } } }, Cancellation);
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("Items")[0].GetProperty("ItemID").GetString()!;

        var item = await ledger.Items.GetAsync(id, Cancellation);

        Assert.Equal(("NONAME", "NONAME", (Money?)null), (item.Name, item.Code, item.UnitPrice));
    }
}
