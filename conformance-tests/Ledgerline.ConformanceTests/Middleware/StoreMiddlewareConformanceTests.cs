namespace Ledgerline.ConformanceTests;

/// <summary>
/// Application store middleware (<c>UseStoreMiddleware</c>) runs on every call that reaches the provider, whatever the
/// entity and operation, with the request the provider receives; and on none that Ledgerline refuses first. The fixture's
/// own recording middleware is the application middleware observed here.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Store middleware")]
public abstract class StoreMiddlewareConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Fact]
    public virtual async Task ApplicationMiddleware_SeesEveryCallThatReachesTheProvider()
    {
        var expected = new List<(EntityKind Entity, StoreOperation Operation, string? Id)>();
        foreach (var entity in ConformanceData.RecordKinds)
        {
            // Calls are counted one for one, so no kit here looks up the records a store came with first.
            var kit = RecordKit.For(Ledger, entity);
            if (Capabilities.Supports(entity, StoreOperations.List))
            {
                await kit.ListPageAsync(new ListShape(), null, Cancellation);
                await ToListAsync(kit.ListAsync(new ListShape(), Cancellation));
                expected.Add((entity, StoreOperation.ListPage, null));
                expected.Add((entity, StoreOperation.List, null));
            }
            else
            {
                await Assert.ThrowsAsync<OperationNotSupportedException>(() => kit.ListPageAsync(new ListShape(), null, Cancellation));
            }

            if (Capabilities.Supports(entity, StoreOperations.Get))
            {
                await Assert.ThrowsAsync<RecordNotFoundException>(() => kit.GetAsync(MissingId, Cancellation));
                expected.Add((entity, StoreOperation.Get, MissingId));
            }
        }

        if (Capabilities.Supports(EntityKind.Contact, StoreOperations.Create | StoreOperations.Update))
        {
            var created = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
            await Ledger.Contacts.UpdateAsync(created.Id, new ContactChanges { LastName = "Seen by middleware" }, Cancellation);
            expected.Add((EntityKind.Contact, StoreOperation.Create, null));
            expected.Add((EntityKind.Contact, StoreOperation.Update, created.Id));
        }

        // Refused by Ledgerline's guards: never seen by application middleware.
        await Assert.ThrowsAnyAsync<LedgerlineException>(() => Ledger.Contacts.GetAsync(" ", Cancellation));

        var seen = Fixture.ProviderCalls(Ledger.ConnectionId);
        Assert.Equal(expected, seen.Select(r => (r.Entity, r.Operation, r.Id)));
        Assert.All(seen, r => Assert.Equal(Fixture.ProviderName, r.ProviderName));
        Assert.All(seen.Where(r => r.Operation is StoreOperation.List or StoreOperation.ListPage), r => Assert.NotNull(r.Query));
    }

    [Fact]
    public virtual async Task ApplicationMiddleware_SeesTheProvidersOwnCursorPosition()
    {
        var kit = Kit(EntityKind.Contact);
        RequireForSetup(EntityKind.Contact, StoreOperations.Create | StoreOperations.List);
        await CreateManyAsync(kit, 3);
        var first = await kit.ListPageAsync(new ListShape { PageSize = 2 }, null, Cancellation);
        Assert.NotNull(first.NextCursor);

        await kit.ListPageAsync(new ListShape { PageSize = 2 }, first.NextCursor, Cancellation);

        var second = Fixture.ProviderCalls(Ledger.ConnectionId).Last(r => r.Operation == StoreOperation.ListPage);
        Assert.NotNull(second.Cursor);
        Assert.NotEqual(first.NextCursor, second.Cursor);
    }
}
