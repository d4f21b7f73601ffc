using System.Globalization;
using System.Text.Json;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

public sealed class RawRepresentationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAndList_Default_KeepFreshBooksObjectAsRawRepresentation()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var id = fixture.Sandbox.Data.SeedInvoices(fixture.AccountId, 1, linesPerInvoice: 2)[0].ToString(CultureInfo.InvariantCulture);

        var fetched = await ledger.Invoices.GetAsync(id, Ct);
        var listed = Assert.Single(await ToListAsync(ledger.Invoices.ListAsync(cancellationToken: Ct)));

        foreach (var invoice in new[] { fetched, listed })
        {
            var raw = Assert.IsType<JsonElement>(invoice.RawRepresentation);
            Assert.Equal(id, raw.GetProperty("invoiceid").GetRawText());
            Assert.Equal(2, raw.GetProperty("lines").GetArrayLength());
        }
    }

    [Fact]
    public async Task GetAndList_KeepRawRepresentationOff_CanonicalFieldsOnly()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync(o => o.KeepRawRepresentation = false);
        var ledger = await fixture.OpenAsync();
        var id = fixture.Sandbox.Data.SeedInvoices(fixture.AccountId, 1, linesPerInvoice: 2)[0].ToString(CultureInfo.InvariantCulture);

        var fetched = await ledger.Invoices.GetAsync(id, Ct);
        var listed = Assert.Single(await ToListAsync(ledger.Invoices.ListAsync(cancellationToken: Ct)));
        var contact = await ledger.Contacts.GetAsync(fetched.ContactId, Ct);

        Assert.Null(fetched.RawRepresentation);
        Assert.Null(listed.RawRepresentation);
        Assert.Null(contact.RawRepresentation);
        Assert.Equal((fetched.Id, fetched.Total, fetched.UpdatedAt), (listed.Id, listed.Total, listed.UpdatedAt));
        Assert.Equal(2, fetched.Lines.Count);
        Assert.Equal(fetched.Subtotal, fetched.Lines[0].Amount + fetched.Lines[1].Amount);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
