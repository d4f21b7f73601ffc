using Ledgerline.InMemory.Tests.Support;

namespace Ledgerline.InMemory.Tests.Idempotency;

/// <summary>Where an in-memory ledger keeps idempotency keys: per connection, across every store.</summary>
public sealed class IdempotencyKeyScopeTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    [Fact]
    public async Task CreateAsync_KeyUsedOnAnotherEntityType_IsAConflictNamingTheEntity()
    {
        var key = CreateOptions.WithIdempotencyKey("order-7");
        var contact = await _harness.Ledger.Contacts.CreateAsync(new NewContact { Organization = "Keyed" }, key);

        var onInvoice = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => _harness.Ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id,
            Currency = CurrencyCode.USD,
            IssueDate = new DateOnly(2024, 5, 1),
            Lines = [LedgerHarness.Line(1m, LedgerHarness.Usd(10m))],
        }, key));
        var onItem = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() =>
            _harness.Ledger.Items.CreateAsync(new NewItem { Name = "Keyed item" }, key));

        Assert.Equal((EntityKind.Invoice, "IdempotencyKeyReused"), (onInvoice.Entity, onInvoice.ProviderCode));
        Assert.Contains("this create of an invoice.", onInvoice.Message, StringComparison.Ordinal);
        Assert.Contains("this create of an item.", onItem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_SameKeyOnAnotherConnection_IsAnotherRequest()
    {
        var key = CreateOptions.WithIdempotencyKey("order-7");
        var first = await _harness.Ledger.Contacts.CreateAsync(new NewContact { Organization = "Keyed" }, key);

        var again = await _harness.Ledger.Contacts.CreateAsync(new NewContact { Organization = "Keyed" }, key);
        var elsewhere = await _harness.Factory.Open("tenant-b").Contacts.CreateAsync(new NewContact { Organization = "Other" }, key);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("Other", elsewhere.Organization);
    }

    public void Dispose() => _harness.Dispose();
}
