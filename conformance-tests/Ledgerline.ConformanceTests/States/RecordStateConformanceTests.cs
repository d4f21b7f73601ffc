namespace Ledgerline.ConformanceTests;

/// <summary>Archive, delete and restore, and which states lists return, for every store.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("States")]
public abstract class RecordStateConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task CreateAsync_NewRecord_IsActive(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Create, () => kit.CreateWithoutSetupAsync(Cancellation)))
        {
            return;
        }

        RequireSamples(kit);
        var created = await kit.CreateAsync(1, Cancellation);

        AssertWellFormed(created);
        Assert.Equal(RecordState.Active, created.State);
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task ListAsync_DefaultQuery_ReturnsOnlyActiveRecords(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.List, () => ToListAsync(kit.ListAsync(new ListShape(), Cancellation))))
        {
            return;
        }

        RequireSamples(kit);
        var active = await kit.CreateAsync(1, Cancellation);
        var hidden = new List<LedgerRecord>();
        if (Capabilities.Supports(entity, StoreOperations.Archive))
        {
            hidden.Add(await kit.ArchiveAsync((await kit.CreateAsync(2, Cancellation)).Id, Cancellation));
        }

        if (Capabilities.Supports(entity, StoreOperations.Delete))
        {
            var deleted = await kit.CreateAsync(3, Cancellation);
            await kit.DeleteAsync(deleted.Id, Cancellation);
        }

        var listed = await ToListAsync(kit.ListAsync(new ListShape(), Cancellation));
        var firstPage = await kit.ListPageAsync(new ListShape(), null, Cancellation);

        AssertSameIds([active.Id], listed);
        AssertSameIds([active.Id], firstPage.Items);
        Assert.All(listed, r => Assert.Equal(RecordState.Active, r.State));
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task ArchiveAsync_ActiveRecord_HiddenByDefaultButReadableAndListable(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Archive, () => kit.ArchiveAsync(MissingId, Cancellation)))
        {
            return;
        }

        RequireSamples(kit);
        RequireForSetup(entity, StoreOperations.Get | StoreOperations.List);
        var record = await kit.CreateAsync(1, Cancellation);

        var archived = await kit.ArchiveAsync(record.Id, Cancellation);

        Assert.Equal(record.Id, archived.Id);
        Assert.Equal(RecordState.Archived, archived.State);
        Assert.Equal(RecordState.Archived, (await kit.GetAsync(record.Id, Cancellation)).State);
        Assert.Empty(await ToListAsync(kit.ListAsync(new ListShape(), Cancellation)));
        if (await StatesSupportedOrRefusedAsync(entity, RecordStates.Archived,
            () => ToListAsync(kit.ListAsync(new ListShape { States = RecordStates.Archived }, Cancellation))))
        {
            var listed = await ToListAsync(kit.ListAsync(new ListShape { States = RecordStates.Archived }, Cancellation));
            AssertSameIds([record.Id], listed);
            Assert.Equal(RecordState.Archived, Assert.Single(listed).State);
        }
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task RestoreAsync_ArchivedRecord_BecomesActive(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Restore, () => kit.RestoreAsync(MissingId, Cancellation)))
        {
            return;
        }

        RequireSamples(kit);
        RequireForSetup(entity, StoreOperations.Archive | StoreOperations.List);
        var record = await kit.CreateAsync(1, Cancellation);
        await kit.ArchiveAsync(record.Id, Cancellation);

        var restored = await kit.RestoreAsync(record.Id, Cancellation);

        Assert.Equal(RecordState.Active, restored.State);
        AssertSameIds([record.Id], await ToListAsync(kit.ListAsync(new ListShape(), Cancellation)));
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task DeleteAsync_Record_IsSoftDeletedOrGoneAsTheCapabilitiesSay(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Delete, () => kit.DeleteAsync(MissingId, Cancellation)))
        {
            return;
        }

        RequireSamples(kit);
        RequireForSetup(entity, StoreOperations.Get | StoreOperations.List);
        var record = await kit.CreateAsync(1, Cancellation);

        await kit.DeleteAsync(record.Id, Cancellation);

        Assert.Empty(await ToListAsync(kit.ListAsync(new ListShape(), Cancellation)));
        if (Capabilities.For(entity).SoftDelete)
        {
            Assert.Equal(RecordState.Deleted, (await kit.GetAsync(record.Id, Cancellation)).State);
        }
        else
        {
            var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => kit.GetAsync(record.Id, Cancellation));
            Assert.Equal(entity, missing.Entity);
            if (Capabilities.Supports(entity, StoreOperations.Restore))
            {
                // Restore brings back archived records; a record deleted for good is not there to restore.
                var gone = await Assert.ThrowsAsync<RecordNotFoundException>(() => kit.RestoreAsync(record.Id, Cancellation));
                Assert.Equal(entity, gone.Entity);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task RestoreAsync_DeletedRecord_BecomesActive(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Restore, () => kit.RestoreAsync(MissingId, Cancellation)))
        {
            return;
        }

        Assert.SkipUnless(Capabilities.For(entity).SoftDelete, $"{entity} records are deleted for good on {Fixture.ProviderName}.");
        RequireSamples(kit);
        RequireForSetup(entity, StoreOperations.Delete | StoreOperations.List);
        var record = await kit.CreateAsync(1, Cancellation);
        await kit.DeleteAsync(record.Id, Cancellation);

        var restored = await kit.RestoreAsync(record.Id, Cancellation);

        Assert.Equal(RecordState.Active, restored.State);
        AssertSameIds([record.Id], await ToListAsync(kit.ListAsync(new ListShape(), Cancellation)));
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task UpdateAsync_DeletedRecord_ThrowsRecordDeleted(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Update, () => kit.TouchAsync(MissingId, 1, Cancellation)))
        {
            return;
        }

        RequireSamples(kit);
        RequireForSetup(entity, StoreOperations.Delete);
        var record = await kit.CreateAsync(1, Cancellation);
        await kit.DeleteAsync(record.Id, Cancellation);

        if (Capabilities.For(entity).SoftDelete)
        {
            var refused = await Assert.ThrowsAsync<RecordDeletedException>(() => kit.TouchAsync(record.Id, 2, Cancellation));
            Assert.Equal(entity, refused.Entity);
            Assert.Equal(record.Id, refused.Id);
        }
        else
        {
            var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => kit.TouchAsync(record.Id, 2, Cancellation));
            Assert.Equal(record.Id, missing.Id);
        }
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task ListAsync_StatesAll_ReturnsEveryStateOnce(EntityKind entity)
    {
        var kit = Kit(entity);
        var all = new ListShape { States = RecordStates.All };
        if (!await StatesSupportedOrRefusedAsync(entity, RecordStates.All, () => ToListAsync(kit.ListAsync(all, Cancellation))))
        {
            return;
        }

        RequireSamples(kit);
        RequireForSetup(entity, StoreOperations.Archive | StoreOperations.Delete);
        Assert.SkipUnless(Capabilities.For(entity).SoftDelete, $"{entity} records are deleted for good on {Fixture.ProviderName}.");
        var active = await kit.CreateAsync(1, Cancellation);
        var archived = await kit.ArchiveAsync((await kit.CreateAsync(2, Cancellation)).Id, Cancellation);
        var deleted = await kit.CreateAsync(3, Cancellation);
        await kit.DeleteAsync(deleted.Id, Cancellation);

        var listed = await ToListAsync(kit.ListAsync(all, Cancellation));
        var notDeleted = await ToListAsync(kit.ListAsync(new ListShape { States = RecordStates.NotDeleted }, Cancellation));
        var onlyDeleted = await ToListAsync(kit.ListAsync(new ListShape { States = RecordStates.Deleted }, Cancellation));

        AssertSameIds([active.Id, archived.Id, deleted.Id], listed);
        Assert.Equal(RecordState.Deleted, listed.Single(r => r.Id == deleted.Id).State);
        AssertSameIds([active.Id, archived.Id], notDeleted);
        AssertSameIds([deleted.Id], onlyDeleted);
    }
}
