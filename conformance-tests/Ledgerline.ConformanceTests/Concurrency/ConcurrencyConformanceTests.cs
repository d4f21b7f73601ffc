namespace Ledgerline.ConformanceTests;

/// <summary>Concurrent use of one ledger: parallel creates get distinct ids, listing while writing neither fails nor repeats.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Concurrency")]
public abstract class ConcurrencyConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    /// <summary>How many writes the tests issue at once.</summary>
    protected virtual int Parallelism => 8;

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task CreateAsync_InParallel_AssignsDistinctIds(EntityKind entity)
    {
        var kit = Kit(entity);
        RequireSamples(kit);
        RequireForSetup(entity, StoreOperations.List);
        await kit.CreateAsync(0, Cancellation); // creates any shared prerequisite (a contact, an invoice) up front

        var created = await Task.WhenAll(Enumerable.Range(1, Parallelism).Select(n => kit.CreateAsync(n, Cancellation)));

        Assert.Equal(Parallelism, created.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        var listed = await ToListAsync(kit.ListAsync(new ListShape(), Cancellation));
        Assert.Superset(created.Select(r => r.Id).ToHashSet(StringComparer.Ordinal), listed.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(Parallelism + 1, listed.Count);
    }

    [Fact]
    public virtual async Task ListAsync_WhileWriting_NeitherFailsNorRepeats()
    {
        var kit = Kit(EntityKind.Contact);
        RequireSamples(kit);
        RequireForSetup(EntityKind.Contact, StoreOperations.List);
        var before = await CreateManyAsync(kit, 4);

        var writer = Task.Run(async () =>
        {
            var written = new List<LedgerRecord>();
            for (var n = 100; n < 100 + Parallelism; n++)
            {
                written.Add(await kit.CreateAsync(n, Cancellation));
            }

            return written;
        });

        var listings = 0;
        do
        {
            var listed = await ToListAsync(kit.ListAsync(new ListShape { PageSize = 3 }, Cancellation));
            var ids = listed.Select(r => r.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.Superset(before.Select(r => r.Id).ToHashSet(StringComparer.Ordinal), ids.ToHashSet(StringComparer.Ordinal));
            listings++;
        }
        while (!writer.IsCompleted && listings < 50);

        var written = await writer;
        AssertSameIds(before.Concat(written).Select(r => r.Id), await ToListAsync(kit.ListAsync(new ListShape { PageSize = 3 }, Cancellation)));
    }

    [Fact]
    public virtual async Task UpdateAsync_InParallelOnDifferentRecords_AppliesEveryChange()
    {
        var kit = Kit(EntityKind.Contact);
        RequireSamples(kit);
        RequireForSetup(EntityKind.Contact, StoreOperations.Update | StoreOperations.Get);
        var contacts = await CreateManyAsync(kit, Parallelism);

        await Task.WhenAll(contacts.Select((c, i) =>
            Ledger.Contacts.UpdateAsync(c.Id, new ContactChanges { LastName = $"Changed {i}" }, Cancellation)));

        for (var i = 0; i < contacts.Count; i++)
        {
            Assert.Equal($"Changed {i}", (await Ledger.Contacts.GetAsync(contacts[i].Id, Cancellation)).LastName);
        }
    }

    [Fact]
    public virtual async Task CreateAsync_PaymentsInParallel_AddUpOnTheInvoice()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 100m), Cancellation);

        await Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ =>
            Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 1.25m), Cancellation)));
        var after = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        Assert.Equal(Samples.Usd(1.25m * Parallelism), after.AmountPaid);
        Assert.Equal(Samples.Usd(100m - (1.25m * Parallelism)), after.AmountDue);
    }
}
