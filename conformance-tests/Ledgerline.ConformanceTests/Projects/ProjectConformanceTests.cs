namespace Ledgerline.ConformanceTests;

/// <summary>Projects: fields round-trip, billing rules are refused before any request, completion and time entries by project.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Projects")]
public abstract class ProjectConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Fact]
    public virtual async Task CreateAsync_FixedPriceProjectForAContact_RoundTripsEveryField()
    {
        var draft = new NewProject
        {
            Name = "Website relaunch",
            Description = "Design and build.",
            DueDate = Samples.Day.AddDays(60),
            BillingMethod = ProjectBillingMethod.FixedPrice,
            FixedPrice = Samples.Usd(6000m),
            Budget = Samples.Usd(5000m),
        };
        if (!await SupportedOrRefusedAsync(EntityKind.Project, StoreOperations.Create, () => Ledger.Projects.CreateAsync(draft, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Project, StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var created = await Ledger.Projects.CreateAsync(draft with { ContactId = contact.Id }, Cancellation);
        var read = await Ledger.Projects.GetAsync(created.Id, Cancellation);

        foreach (var project in new[] { created, read })
        {
            AssertWellFormed(project);
            Assert.Equal((draft.Name, contact.Id, draft.Description, draft.DueDate), (project.Name, project.ContactId, project.Description, project.DueDate));
            Assert.Equal((ProjectBillingMethod.FixedPrice, draft.FixedPrice), (project.BillingMethod, project.FixedPrice));
            Assert.False(project.IsComplete);
        }
    }

    [Fact]
    public virtual async Task CreateAsync_FixedPriceWithoutPrice_IsRefusedBeforeAnyRequest()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Project, StoreOperations.Create, () => Ledger.Projects.CreateAsync(Samples.Project(1), Cancellation)))
        {
            return;
        }

        var error = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.Projects.CreateAsync(Samples.Project(1) with { BillingMethod = ProjectBillingMethod.FixedPrice, HourlyRate = null }, Cancellation));

        Assert.Contains(error.Errors, e => e.Field == nameof(NewProject.FixedPrice) && e.Code == "FixedPriceRequired");
    }

    [Fact]
    public virtual async Task UpdateAsync_Complete_MarksTheWorkDoneAndFiltersByIt()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Project, StoreOperations.Update, () => Ledger.Projects.UpdateAsync(MissingId, new ProjectChanges { IsComplete = true }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Project, StoreOperations.Create | StoreOperations.List);
        var done = await Ledger.Projects.CreateAsync(await ForProviderAsync(Samples.Project(1)), Cancellation);
        var open = await Ledger.Projects.CreateAsync(await ForProviderAsync(Samples.Project(2)), Cancellation);

        var updated = await Ledger.Projects.UpdateAsync(done.Id, new ProjectChanges { IsComplete = true }, Cancellation);

        Assert.True(updated.IsComplete);
        Assert.Equal(done.Name, updated.Name);
        if (Capabilities.SupportsFilter(EntityKind.Project, nameof(ProjectQuery.IsComplete)))
        {
            AssertSameIds([open.Id], await ToListAsync(Ledger.Projects.ListAsync(new ProjectQuery { IsComplete = false }, Cancellation)));
            AssertSameIds([done.Id], await ToListAsync(Ledger.Projects.ListAsync(new ProjectQuery { IsComplete = true }, Cancellation)));
        }
    }

    [Fact]
    public virtual async Task CreateAsync_UnknownContact_IsTypedNotFound()
    {
        RequireForSetup(EntityKind.Project, StoreOperations.Create);

        var draft = await ForProviderAsync(Samples.Project(1) with { ContactId = MissingId });

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => Ledger.Projects.CreateAsync(draft, Cancellation));

        Assert.Equal(EntityKind.Contact, error.Entity);
    }
}
