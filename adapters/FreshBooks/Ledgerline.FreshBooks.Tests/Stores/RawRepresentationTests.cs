using System.Globalization;
using System.Runtime.InteropServices;
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
            var raw = Assert.IsType<RawJson>(invoice.RawRepresentation).RootElement;
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

    [Fact]
    public async Task ListAsync_ManyPages_EachRawFormIsItsOwnObjectSlicedFromItsPage()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Data.SeedInvoices(fixture.AccountId, 230, linesPerInvoice: 2);

        var listed = await ToListAsync(ledger.Invoices.ListAsync(cancellationToken: Ct));

        Assert.True(listed.Count > 200);
        Assert.All(listed, invoice =>
        {
            var raw = Assert.IsType<RawJson>(invoice.RawRepresentation);
            Assert.Equal(invoice.Id, raw.RootElement.GetProperty("invoiceid").GetRawText());
            Assert.Equal(invoice.Lines.Count, raw.RootElement.GetProperty("lines").GetArrayLength());
            Assert.Equal(raw.RootElement.GetRawText(), raw.ToString());
        });

        // Records of one page share its body; a detached copy owns exactly its own bytes.
        var first = (RawJson)listed[0].RawRepresentation!;
        var second = (RawJson)listed[1].RawRepresentation!;
        Assert.True(MemoryMarshal.TryGetArray(first.Utf8, out var a));
        Assert.True(MemoryMarshal.TryGetArray(second.Utf8, out var b));
        Assert.Same(a.Array, b.Array);
        Assert.True(a.Offset + a.Count <= b.Offset);
        var detached = first.Detach();
        Assert.True(MemoryMarshal.TryGetArray(detached.Utf8, out var own));
        Assert.Equal(own.Count, own.Array!.Length);
        Assert.Equal(first.ToString(), detached.ToString());
    }
}
