using Ledgerline.ConformanceTests;
using Xunit.Sdk;

namespace Ledgerline.InMemory.ConformanceTests.Proofs;

/// <summary>
/// Proves the suite is not vacuous: named conformance tests fail against deliberately broken InMemory variants (and pass
/// against the real one), and the completeness check fails when a suite class is left out or a test is silently overridden.
/// </summary>
public sealed class SuiteBitesTests
{
    [Fact]
    public async Task UpdatedSinceTest_ProviderIgnoresUpdatedSince_Fails()
    {
        var failure = await RunAsync<InMemoryQueryTests>(
            new TamperedContactsFixture(q => q with { UpdatedSince = null }),
            f => new InMemoryQueryTests(f),
            t => t.ListAsync_UpdatedSince_ReturnsOnlyRecordsChangedSince(EntityKind.Contact));

        Assert.IsAssignableFrom<IAssertionException>(failure);
    }

    [Fact]
    public async Task UpdatedSinceTest_ProviderComparesToTheSecond_Fails()
    {
        var failure = await RunAsync<InMemoryQueryTests>(
            new TamperedContactsFixture(q => q with { UpdatedSince = q.UpdatedSince?.AddTicks(-(q.UpdatedSince.Value.Ticks % TimeSpan.TicksPerSecond)) }),
            f => new InMemoryQueryTests(f),
            t => t.ListAsync_UpdatedSinceJustAfterRecord_ExcludesItExactly(EntityKind.Contact));

        Assert.IsAssignableFrom<IAssertionException>(failure);
    }

    [Fact]
    public async Task DefaultListTest_ProviderListsEveryState_Fails()
    {
        var failure = await RunAsync<InMemoryStateTests>(
            new TamperedContactsFixture(q => q with { States = RecordStates.All }),
            f => new InMemoryStateTests(f),
            t => t.ListAsync_DefaultQuery_ReturnsOnlyActiveRecords(EntityKind.Contact));

        Assert.IsAssignableFrom<IAssertionException>(failure);
    }

    [Fact]
    public async Task ArchiveTest_FixtureDeclaresNoArchiveButProviderArchives_Fails()
    {
        var failure = await RunAsync<InMemoryStateTests>(
            new OverclaimedFixture(),
            f => new InMemoryStateTests(f),
            t => t.ArchiveAsync_ActiveRecord_HiddenByDefaultButReadableAndListable(EntityKind.TimeEntry));

        Assert.IsAssignableFrom<IAssertionException>(failure);
    }

    [Fact]
    public async Task UnknownLineIdTest_ProviderIgnoresLineIds_Fails()
    {
        var failure = await RunAsync<InMemoryInvoiceTests>(
            new TamperedInvoiceLinesFixture(l => l with { Id = null }),
            f => new InMemoryInvoiceTests(f),
            t => t.UpdateAsync_LineIdTheInvoiceDoesNotHave_IsRefusedTypedAndChangesNothing());

        Assert.IsAssignableFrom<IAssertionException>(failure);
    }

    [Fact]
    public async Task NegativeLineTest_ProviderFlipsNegativePrices_Fails()
    {
        var failure = await RunAsync<InMemoryInvoiceTests>(
            new TamperedInvoiceLinesFixture(l => l with { UnitPrice = l.UnitPrice with { Amount = Math.Abs(l.UnitPrice.Amount) } }),
            f => new InMemoryInvoiceTests(f),
            t => t.UpdateAsync_NegativeLineReadBack_RoundTripsUnchanged());

        Assert.IsAssignableFrom<IAssertionException>(failure);
    }

    [Fact]
    public async Task SameKeyTest_ProviderDropsTheKey_Fails()
    {
        var failure = await RunAsync<InMemoryIdempotencyTests>(
            new KeyDroppingFixture(),
            f => new InMemoryIdempotencyTests(f),
            t => t.CreateAsync_SameKeyAndDraftTwice_ReturnsTheFirstRecordAndListsItOnce(EntityKind.Invoice));

        Assert.IsAssignableFrom<IAssertionException>(failure);
    }

    [Fact]
    public async Task OtherDraftTest_ProviderDropsTheKey_Fails()
    {
        var failure = await RunAsync<InMemoryIdempotencyTests>(
            new KeyDroppingFixture(), f => new InMemoryIdempotencyTests(f), t => t.CreateAsync_SameKeyOtherDraft_FailsTypedAndCreatesNothing());

        Assert.IsAssignableFrom<IAssertionException>(failure);
    }

    [Fact]
    public async Task SameTests_RealProvider_Pass()
    {
        Assert.Null(await RunAsync<InMemoryQueryTests>(
            new InMemoryConformanceFixture(), f => new InMemoryQueryTests(f), t => t.ListAsync_UpdatedSince_ReturnsOnlyRecordsChangedSince(EntityKind.Contact)));
        Assert.Null(await RunAsync<InMemoryQueryTests>(
            new InMemoryConformanceFixture(), f => new InMemoryQueryTests(f), t => t.ListAsync_UpdatedSinceJustAfterRecord_ExcludesItExactly(EntityKind.Contact)));
        Assert.Null(await RunAsync<InMemoryStateTests>(
            new InMemoryConformanceFixture(), f => new InMemoryStateTests(f), t => t.ListAsync_DefaultQuery_ReturnsOnlyActiveRecords(EntityKind.Contact)));
        Assert.Null(await RunAsync<InMemoryInvoiceTests>(
            new InMemoryConformanceFixture(), f => new InMemoryInvoiceTests(f), t => t.UpdateAsync_LineIdTheInvoiceDoesNotHave_IsRefusedTypedAndChangesNothing()));
        Assert.Null(await RunAsync<InMemoryInvoiceTests>(
            new InMemoryConformanceFixture(), f => new InMemoryInvoiceTests(f), t => t.UpdateAsync_NegativeLineReadBack_RoundTripsUnchanged()));
        Assert.Null(await RunAsync<InMemoryIdempotencyTests>(
            new InMemoryConformanceFixture(), f => new InMemoryIdempotencyTests(f), t => t.CreateAsync_SameKeyAndDraftTwice_ReturnsTheFirstRecordAndListsItOnce(EntityKind.Invoice)));
        Assert.Null(await RunAsync<InMemoryIdempotencyTests>(
            new InMemoryConformanceFixture(), f => new InMemoryIdempotencyTests(f), t => t.CreateAsync_SameKeyOtherDraft_FailsTypedAndCreatesNothing()));
    }

    [Fact]
    public void CompletenessCheck_ProjectOmitsASuite_FailsNamingIt()
    {
        var check = new Completeness(typeof(InMemoryPagingTests).Assembly.GetTypes().Where(t => t.IsVisible && t != typeof(InMemoryPagingTests) && t != typeof(LimitedInMemoryPagingTests) && t != typeof(ContactsOnlyPagingTests)));

        var failure = Assert.ThrowsAny<Exception>(check.ProviderProject_DerivesEverySuiteOrIgnoresItWithAReason);

        Assert.IsAssignableFrom<IAssertionException>(failure);
        Assert.Contains("PagingConformanceTests<> (Paging)", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ContactConformanceTests", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompletenessCheck_OmittedSuiteIgnoredWithReason_Passes()
    {
        var check = new Completeness(
            typeof(InMemoryPagingTests).Assembly.GetTypes().Where(t => t.IsVisible && t != typeof(InMemoryPagingTests) && t != typeof(LimitedInMemoryPagingTests) && t != typeof(ContactsOnlyPagingTests)),
            new Dictionary<Type, string> { [typeof(PagingConformanceTests<>)] = "Proof: a provider may opt out with a reason." });

        check.ProviderProject_DerivesEverySuiteOrIgnoresItWithAReason();
    }

    [Fact]
    public void CompletenessCheck_IgnoredWithoutReason_Fails()
    {
        var check = new Completeness(
            typeof(InMemoryPagingTests).Assembly.GetTypes().Where(t => t.IsVisible && t != typeof(InMemoryPagingTests) && t != typeof(LimitedInMemoryPagingTests) && t != typeof(ContactsOnlyPagingTests)),
            new Dictionary<Type, string> { [typeof(PagingConformanceTests<>)] = " " });

        var failure = Assert.ThrowsAny<Exception>(check.ProviderProject_DerivesEverySuiteOrIgnoresItWithAReason);

        Assert.Contains("without a reason", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideCheck_TestOverriddenWithoutDeviation_FailsNamingIt()
    {
        var check = new Completeness([typeof(SilentOverride), typeof(RecordedOverride)]);

        var failure = Assert.ThrowsAny<Exception>(check.ProviderProject_OverridesTestsOnlyAsRecordedDeviations);

        Assert.Contains("SilentOverride.CreateAsync_EmailOnly_IsAccepted", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RecordedOverride", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<Exception?> RunAsync<TTests>(
        InMemoryConformanceFixture fixture, Func<InMemoryConformanceFixture, TTests> create, Func<TTests, Task> test)
        where TTests : IAsyncLifetime
    {
        await using (fixture)
        {
            await fixture.InitializeAsync();
            var tests = create(fixture);
            await tests.InitializeAsync();
            try
            {
                return await Record.ExceptionAsync(() => test(tests));
            }
            finally
            {
                await tests.DisposeAsync();
            }
        }
    }

    // Declares the restricted profile but registers the unrestricted provider: the suite expects refusals that never come.
    private sealed class OverclaimedFixture : InMemoryConformanceFixture
    {
        public override LedgerCapabilities ExpectedCapabilities => LimitedInMemoryConformanceFixture.Limited;
    }

    // Not public, so xunit does not run them as test classes of their own.
    private sealed class Completeness(IEnumerable<Type> types, IReadOnlyDictionary<Type, string>? ignored = null) : ConformanceSuiteCompletenessTests
    {
        protected override IEnumerable<Type> ProviderTypes => types;

        protected override IReadOnlyDictionary<Type, string> IgnoredSuites => ignored ?? new Dictionary<Type, string>();
    }

    private sealed class SilentOverride(InMemoryConformanceFixture fixture) : ContactConformanceTests<InMemoryConformanceFixture>(fixture)
    {
        public override Task CreateAsync_EmailOnly_IsAccepted() => Task.CompletedTask;
    }

    private sealed class RecordedOverride(InMemoryConformanceFixture fixture) : ContactConformanceTests<InMemoryConformanceFixture>(fixture)
    {
        [ConformanceDeviation("Proof: a recorded deviation is allowed.")]
        public override Task CreateAsync_EmailOnly_IsAccepted() => Task.CompletedTask;
    }
}
