using System.Globalization;
using Ledgerline.FreshBooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>
/// A query read as several consecutive listings (one per <c>search[vis_state]</c>, or per <c>search[payment_status]</c>)
/// returns every record or fails typed when a record moves between those listings while they are read: into a listing
/// already read (its count, asked again at the end, changed) or out of one into a later one (listed twice). Over loopback,
/// with the change made just before the first request of the next listing.
/// </summary>
public sealed class SegmentMoveTests : IAsyncLifetime
{
    private Func<HttpRequestMessage, Task>? _before;
    private SandboxLedgerFixture _fixture = null!;
    private ILedger _ledger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ClientsPath => $"/accounting/account/{_fixture.AccountId}/users/clients";

    public async ValueTask InitializeAsync()
    {
        _fixture = await SandboxLedgerFixture.StartAsync(o => o.MaxRetries = 0,
            services: s => s.AddHttpClient("Ledgerline.FreshBooks.Accounting").AddHttpMessageHandler(() => new RequestHook(r => _before?.Invoke(r) ?? Task.CompletedTask)));
        _ledger = await _fixture.OpenAsync();
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    [Theory]
    [InlineData(RecordStates.Active | RecordStates.Deleted, 149)]
    [InlineData(RecordStates.All, 149)]
    public async Task ListAsync_RecordRestoredIntoTheListingAlreadyRead_FailsTypedInsteadOfSkippingIt(RecordStates states, int countedBefore)
    {
        var ids = Seed(150);
        var moved = ids[20];
        await _ledger.Contacts.DeleteAsync(moved, Ct);
        BeforeFirstDeletedRequest(() => _ledger.Contacts.RestoreAsync(moved, Ct));
        var listed = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var contact in _ledger.Contacts.ListAsync(new ContactQuery { States = states }, Ct))
            {
                listed.Add(contact.Id);
            }
        });

        Assert.DoesNotContain(moved, listed);
        Assert.Equal(149, listed.Count);
        Assert.Contains($"counted {countedBefore} records in listing 1 of the query's 2 when it was read and 150 once the last was read", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("records moved between the query's listings", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("; list again (list Contact, HTTP 200)", invalid.Message, StringComparison.Ordinal);
        Assert.Equal("""{"page":1,"pages":150,"per_page":1,"total":150}""", invalid.BodyExcerpt);
    }

    [Fact]
    public async Task ListAsync_OneRecordMovedEachWay_FailsTypedAlthoughTheCountIsKept()
    {
        // Contact a leaves the active listing (read) for the deleted one, contact b the other way: the active count stays
        // 149, b is in no answer, and a shows up a second time.
        var ids = Seed(150);
        var (a, b) = (ids[10], ids[20]);
        await _ledger.Contacts.DeleteAsync(b, Ct);
        BeforeFirstDeletedRequest(async () =>
        {
            await _ledger.Contacts.DeleteAsync(a, Ct);
            await _ledger.Contacts.RestoreAsync(b, Ct);
        });

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
            await _ledger.Contacts.ListAsync(new ContactQuery { States = RecordStates.Active | RecordStates.Deleted }, Ct).ToListAsync(Ct));

        Assert.Contains($"record '{a}' on page 1 of one listing of the query and in an earlier listing of it", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_RecordRestoredBetweenPagesIntoTheListingAlreadyRead_LastPageFailsTyped()
    {
        var ids = Seed(150);
        var moved = ids[20];
        await _ledger.Contacts.DeleteAsync(moved, Ct);
        var query = new ContactQuery { States = RecordStates.Active | RecordStates.Deleted, PageSize = 100 };
        var first = await _ledger.Contacts.ListPageAsync(query, null, Ct);
        var second = await _ledger.Contacts.ListPageAsync(query, first.NextCursor, Ct);
        await _ledger.Contacts.RestoreAsync(moved, Ct);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => _ledger.Contacts.ListPageAsync(query, second.NextCursor, Ct));

        Assert.Equal(149, first.Items.Count + second.Items.Count);
        Assert.Contains("counted 149 records in listing 1 of the query's 2 when it was read and 150 once the last was read", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_UnpaidInvoiceWhosePaymentIsDeletedBeforeThePartialListing_FailsTyped()
    {
        var contact = await _ledger.Contacts.CreateAsync(new NewContact { Organization = "Segment Co", Email = "segment@example.test" }, Ct);
        var invoices = new List<Invoice>();
        for (var i = 0; i < 3; i++)
        {
            var invoice = await _ledger.Invoices.CreateAsync(new NewInvoice
            {
                ContactId = contact.Id,
                Currency = CurrencyCode.USD,
                IssueDate = new DateOnly(2026, 11, 1),
                Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1, UnitPrice = new Money(100m, CurrencyCode.USD) }],
            }, Ct);
            invoices.Add(await _ledger.Invoices.MarkAsSentAsync(invoice.Id, Ct));
        }

        var payment = await _ledger.Payments.CreateAsync(
            new NewPayment { InvoiceId = invoices[1].Id, Amount = new Money(10m, CurrencyCode.USD), Date = new DateOnly(2026, 11, 2) }, Ct);
        var fired = false;
        _before = async request =>
        {
            if (!fired && request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/invoices/invoices", StringComparison.Ordinal) &&
                Uri.UnescapeDataString(request.RequestUri.Query).Contains("search[payment_status]=partial", StringComparison.Ordinal))
            {
                fired = true;
                await _ledger.Payments.DeleteAsync(payment.Id, Ct);
            }
        };

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
            await _ledger.Invoices.ListAsync(InvoiceQuery.Unpaid(), Ct).ToListAsync(Ct));

        Assert.True(fired);
        Assert.Contains("counted 2 records in listing 1 of the query's 2 when it was read and 3 once the last was read", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_SeveralListingsNoWrites_EveryRecordOnceAndOneRequestMore()
    {
        var ids = Seed(150);
        foreach (var id in ids.Take(30))
        {
            await _ledger.Contacts.DeleteAsync(id, Ct);
        }

        _fixture.Sandbox.ClearRequests();

        var listed = await _ledger.Contacts.ListAsync(new ContactQuery { States = RecordStates.Active | RecordStates.Deleted }, Ct)
            .Select(c => c.Id).ToListAsync(Ct);

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        var queries = _fixture.RequestsTo(ClientsPath).Select(r => Uri.UnescapeDataString(r.Query)).ToArray();

        // 120 active records: page 1 at 100 a page and one overlapping window; 30 deleted: one page; then the active
        // listing counted again at one record a page.
        Assert.Equal(4, queries.Length);
        Assert.Contains("search[vis_state]=0", queries[^1], StringComparison.Ordinal);
        Assert.Contains("per_page=1&", queries[^1] + "&", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_SeveralListingsNoWrites_ChainYieldsEveryRecordOnce()
    {
        var ids = Seed(150);
        foreach (var id in ids.Take(30))
        {
            await _ledger.Contacts.DeleteAsync(id, Ct);
        }

        _fixture.Sandbox.ClearRequests();
        var query = new ContactQuery { States = RecordStates.Active | RecordStates.Deleted, PageSize = 100 };
        var listed = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await _ledger.Contacts.ListPageAsync(query, cursor, Ct);
            listed.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(3, pages);
        Assert.Equal(4, _fixture.RequestsTo(ClientsPath).Count);
    }

    private string[] Seed(int count) =>
        [.. _fixture.Sandbox.Data.SeedClients(_fixture.AccountId, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private void BeforeFirstDeletedRequest(Func<Task> change)
    {
        var fired = false;
        _before = async request =>
        {
            if (!fired && request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/users/clients", StringComparison.Ordinal) &&
                Uri.UnescapeDataString(request.RequestUri.Query).Contains("search[vis_state]=1", StringComparison.Ordinal))
            {
                fired = true;
                await change();
            }
        };
    }
}
