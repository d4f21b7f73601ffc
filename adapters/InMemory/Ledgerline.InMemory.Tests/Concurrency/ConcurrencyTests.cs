using System.Collections.Concurrent;
using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.Concurrency;

public sealed class ConcurrencyTests : IDisposable
{
    private const int Writers = 8;
    private const int CreatesPerWriter = 200;

    private readonly LedgerHarness _harness = new();

    [Fact]
    public async Task CreateAsync_ParallelWritersWhileListing_GiveDistinctIdsAndNoErrors()
    {
        var ids = new ConcurrentBag<string>();
        using var writing = new CancellationTokenSource();
        var listings = 0;

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                var seen = new HashSet<string>();
                await foreach (var contact in _harness.Ledger.Contacts.ListAsync(new ContactQuery { PageSize = 50 }))
                {
                    Assert.True(seen.Add(contact.Id), $"Contact {contact.Id} was listed twice.");
                }

                var page = await _harness.Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = 50 });
                Assert.True(page.Items.Count <= 50);
                Interlocked.Increment(ref listings);
            }
        })).ToArray();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < CreatesPerWriter; i++)
            {
                var contact = await _harness.Ledger.Contacts.CreateAsync(new NewContact { Organization = $"W{w}-{i}" });
                ids.Add(contact.Id);
                if (i % 20 == 0)
                {
                    await _harness.Ledger.Contacts.UpdateAsync(contact.Id, new ContactChanges { Notes = "touched" });
                }
            }
        })).ToArray();

        await Task.WhenAll(writers);
        await writing.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(Writers * CreatesPerWriter, ids.Count);
        Assert.Equal(Writers * CreatesPerWriter, ids.Distinct().Count());
        Assert.Equal(
            Enumerable.Range(1, Writers * CreatesPerWriter).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (await AllAsync(_harness.Ledger.Contacts.ListAsync())).Select(c => c.Id));
        Assert.True(listings > 0);
    }

    [Fact]
    public async Task PaymentsAsync_ParallelOnOneInvoice_SettleExactly()
    {
        var invoice = await _harness.InvoiceAsync(lines: [Line(1m, Usd(100m))]);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => _harness.PayAsync(invoice, 1m))));
        var paid = await _harness.Ledger.Invoices.GetAsync(invoice.Id);

        Assert.Equal(Usd(100m), paid.AmountPaid);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
    }

    public void Dispose() => _harness.Dispose();
}
