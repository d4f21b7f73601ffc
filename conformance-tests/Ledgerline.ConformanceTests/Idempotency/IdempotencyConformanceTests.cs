namespace Ledgerline.ConformanceTests;

/// <summary>
/// Idempotency keys on creates (<see cref="CreateOptions.IdempotencyKey"/>): a create repeated with the same key and draft
/// returns the first record and makes no second one; the key with another draft fails typed; a provider that does not
/// honour keys (<see cref="StoreCapabilities.IdempotencyKeys"/>) refuses them before any request, never ignores them.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Idempotency keys")]
public abstract class IdempotencyConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task CreateAsync_SameKeyAndDraftTwice_ReturnsTheFirstRecordAndListsItOnce(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Create, () => kit.CreateWithoutSetupAsync(Cancellation))
            || !await KeysHonouredOrRefusedAsync(entity, StoreOperations.Create, () => kit.CreateWithoutSetupAsync(NewKey(), Cancellation)))
        {
            return;
        }

        RequireSamples(kit);
        var key = NewKey();
        var draft = await kit.DraftAsync(1, Cancellation);

        var first = await kit.CreateAsync(draft, key, Cancellation);
        var again = await kit.CreateAsync(draft, key, Cancellation);

        AssertWellFormed(first);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.UpdatedAt, again.UpdatedAt);
        Assert.Equal(first.State, again.State);
        if (Capabilities.Supports(entity, StoreOperations.List))
        {
            AssertSameIds([first.Id], await ToListAsync(kit.ListAsync(new ListShape(), Cancellation)));
        }
    }

    [Fact]
    public virtual async Task CreateAsync_SameKeyOtherDraft_FailsTypedAndCreatesNothing()
    {
        const EntityKind entity = EntityKind.Contact;
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(Samples.Contact(0), Cancellation))
            || !await KeysHonouredOrRefusedAsync(entity, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(Samples.Contact(0), NewKey(), Cancellation)))
        {
            return;
        }

        var key = NewKey();
        var first = await Ledger.Contacts.CreateAsync(Samples.Contact(1), key, Cancellation);

        var conflict = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => Ledger.Contacts.CreateAsync(Samples.Contact(2), key, Cancellation));

        Assert.Equal(entity, conflict.Entity);
        Assert.False(string.IsNullOrEmpty(conflict.Provider), "The conflict names the provider that refused the key.");
        Assert.DoesNotContain(key.IdempotencyKey!, conflict.Message, StringComparison.Ordinal);
        if (Capabilities.Supports(entity, StoreOperations.List))
        {
            AssertSameIds([first.Id], await ToListAsync(Ledger.Contacts.ListAsync(cancellationToken: Cancellation)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("naïve")]
    [InlineData("line\nbreak")]
    public virtual async Task CreateAsync_MalformedKey_RefusedWithAFieldErrorBeforeAnyRequest(string key)
    {
        const EntityKind entity = EntityKind.Contact;
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(Samples.Contact(0), Cancellation))
            || !await KeysHonouredOrRefusedAsync(entity, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(Samples.Contact(0), NewKey(), Cancellation)))
        {
            return;
        }

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.Contacts.CreateAsync(Samples.Contact(1), CreateOptions.WithIdempotencyKey(key), Cancellation));

        Assert.Equal(nameof(CreateOptions.IdempotencyKey), Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public virtual async Task CreateAsync_KeyLongerThanTheLimit_RefusedWithAFieldErrorBeforeAnyRequest()
    {
        const EntityKind entity = EntityKind.Contact;
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(Samples.Contact(0), Cancellation))
            || !await KeysHonouredOrRefusedAsync(entity, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(Samples.Contact(0), NewKey(), Cancellation)))
        {
            return;
        }

        var longest = await Ledger.Contacts.CreateAsync(Samples.Contact(1), CreateOptions.WithIdempotencyKey(new string('k', CreateOptions.MaxIdempotencyKeyLength)), Cancellation);
        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Contacts.CreateAsync(
            Samples.Contact(2), CreateOptions.WithIdempotencyKey(new string('k', CreateOptions.MaxIdempotencyKeyLength + 1)), Cancellation));

        AssertWellFormed(longest);
        Assert.Equal(nameof(CreateOptions.IdempotencyKey), Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public virtual async Task CreateAsync_NoKeyOrNullOptions_CreatesAsWithoutOptions()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Contact, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(Samples.Contact(0), null, Cancellation)))
        {
            return;
        }

        var withNull = await Ledger.Contacts.CreateAsync(Samples.Contact(1), null, Cancellation);
        var withoutKey = await Ledger.Contacts.CreateAsync(Samples.Contact(2), new CreateOptions(), Cancellation);

        Assert.NotEqual(withNull.Id, withoutKey.Id);
        AssertWellFormed(withNull);
        AssertWellFormed(withoutKey);
    }

    [Fact]
    public virtual async Task AllocateAsync_SameKeyAndAllocationTwice_AppliesTheCreditOnce()
    {
        const EntityKind entity = EntityKind.CreditNote;
        var allocation = new NewCreditAllocation { InvoiceId = MissingId, Amount = Samples.Usd(10m), Date = Samples.Day };
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Allocate, () => Ledger.CreditNotes.AllocateAsync(MissingId, allocation, Cancellation))
            || !await KeysHonouredOrRefusedAsync(entity, StoreOperations.Allocate, () => Ledger.CreditNotes.AllocateAsync(MissingId, allocation, NewKey(), Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        RequireForSetup(EntityKind.CreditNote, StoreOperations.Create | StoreOperations.Get);
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId, 100m), Cancellation);
        if (Capabilities.Supports(EntityKind.Invoice, StoreOperations.MarkSent))
        {
            invoice = await Ledger.Invoices.MarkAsSentAsync(invoice.Id, Cancellation);
        }

        var note = await Ledger.CreditNotes.CreateAsync(Samples.CreditNote(contactId, 30m), Cancellation);
        var key = NewKey();

        var first = await Ledger.CreditNotes.AllocateAsync(note.Id, allocation with { InvoiceId = invoice.Id }, key, Cancellation);
        var again = await Ledger.CreditNotes.AllocateAsync(note.Id, allocation with { InvoiceId = invoice.Id }, key, Cancellation);
        var read = await Ledger.CreditNotes.GetAsync(note.Id, Cancellation);

        Assert.Equal(Samples.Usd(20m), first.RemainingCredit);
        Assert.Equal(first.RemainingCredit, again.RemainingCredit);
        Assert.Equal(Samples.Usd(20m), read.RemainingCredit);
        Assert.Single(read.Allocations);
        Assert.Equal(Samples.Usd(90m), (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).AmountDue);
    }

    /// <summary>A key no other test uses.</summary>
    protected static CreateOptions NewKey() => CreateOptions.WithIdempotencyKey("conformance-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// When <paramref name="entity"/>'s <paramref name="operation"/> honours idempotency keys, returns <see langword="true"/>.
    /// Otherwise asserts that <paramref name="attempt"/> (which gives a key) is refused with
    /// <see cref="OperationNotSupportedException"/> before any request, and returns <see langword="false"/>.
    /// </summary>
    protected async Task<bool> KeysHonouredOrRefusedAsync(EntityKind entity, StoreOperations operation, Func<Task> attempt)
    {
        if (Capabilities.For(entity).HonoursIdempotencyKey(operation))
        {
            return true;
        }

        var refused = await AssertRefusedBeforeRequestAsync<OperationNotSupportedException>(attempt);
        Assert.Equal(entity, refused.Entity);
        Assert.Contains("idempotency", refused.Feature, StringComparison.OrdinalIgnoreCase);
        NoteUnsupported($"{entity} idempotency keys on {operation}");
        return false;
    }
}
