using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>
/// A record that leaves the listing while it is read (a contact archived on a page already read: Contacts leave archived
/// ones out) moves every later record back by one, over loopback against the sandbox. Every request after the first
/// overlaps the last record read, so the move fails the listing typed instead of skipping the record that crossed onto
/// the page already read; writes only on pages not read yet complete.
/// </summary>
public sealed class ListingShiftTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_ContactArchivedOnPageOneWhileListing_FailsTypedInsteadOfSkippingOne()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        fixture.Sandbox.SeedContacts(fixture.TenantId, 300);
        var ledger = await fixture.OpenAsync();
        var listed = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var contact in ledger.Contacts.ListAsync(null, Cancellation))
            {
                if (listed.Count == 0)
                {
                    // Page 1 is read; archiving one of its contacts moves every later contact back by one.
                    await ledger.Contacts.ArchiveAsync(contact.Id, Cancellation);
                }

                listed.Add(contact.Id);
            }
        });

        Assert.Equal(100, listed.Count);
        Assert.Contains("Xero counted 300 records when the listing began and 299 on page 2", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("list again", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ContactArchivedAndAnotherAddedWhileListing_FailsTypedInsteadOfSkippingOne()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        fixture.Sandbox.SeedContacts(fixture.TenantId, 300);
        var ledger = await fixture.OpenAsync();
        var listed = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var contact in ledger.Contacts.ListAsync(null, Cancellation))
            {
                if (listed.Count == 0)
                {
                    // The count stays: only the overlap shows that the records at the boundary moved.
                    await ledger.Contacts.ArchiveAsync(contact.Id, Cancellation);
                    await ledger.Contacts.CreateAsync(new NewContact { Organization = "Zzz Late Ltd" }, Cancellation);
                }

                listed.Add(contact.Id);
            }
        });

        Assert.Equal(100, listed.Count);
        Assert.Contains("records moved while listing", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("at offset 99 (page 2, 99 a page)", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_ContactArchivedOnAReadPage_NextPageFailsTyped()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        fixture.Sandbox.SeedContacts(fixture.TenantId, 300);
        var ledger = await fixture.OpenAsync();
        var query = new ContactQuery { PageSize = 100 };

        var first = await ledger.Contacts.ListPageAsync(query, null, Cancellation);
        await ledger.Contacts.ArchiveAsync(first.Items[0].Id, Cancellation);

        await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Contacts.ListPageAsync(query, first.NextCursor, Cancellation));
    }

    [Fact]
    public async Task ListPageAsync_UnchangedListing_ChainReturnsEveryContactOnceInOrder()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        fixture.Sandbox.SeedContacts(fixture.TenantId, 250);
        var ledger = await fixture.OpenAsync();
        var all = new List<string>();
        await foreach (var contact in ledger.Contacts.ListAsync(null, Cancellation))
        {
            all.Add(contact.Id);
        }

        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = 100 }, cursor, Cancellation);
            Assert.InRange(page.Items.Count, 1, 100);
            paged.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(all, paged);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public async Task ListPageAsync_PageNumberCursorFromBeforeWindowsOverlapped_RefusedAsInvalidCursor()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var provider = (XeroLedgerProvider)fixture.Services.GetService(typeof(XeroLedgerProvider))!;
        var raw = provider.Open(await fixture.ConnectAsync()).Contacts;

        foreach (var old in new[] { "2", "0/300/x", "100/100/x", "100/-/", "100/300/a b", "2147483647/-/abc" })
        {
            await Assert.ThrowsAsync<InvalidCursorException>(() => raw.ListPageAsync(new ContactQuery(), old, Cancellation));
        }
    }
}
