using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

public sealed class ProjectStoreTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static readonly CurrencyCode Cad = CurrencyCode.CAD;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProjectLifecycle_ClientCurrencyCompleteFilterDelete_OnTheBusinessPaths()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var client = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Projects Ltd.", Currency = Cad }, Ct);

        var created = await ledger.Projects.CreateAsync(new NewProject
        {
            Name = "Relaunch",
            ContactId = client.Id,
            DueDate = new DateOnly(2025, 9, 1),
            BillingMethod = ProjectBillingMethod.Hourly,
            HourlyRate = new Money(95.50m, Cad),
        }, Ct);
        var done = await ledger.Projects.UpdateAsync(created.Id, new ProjectChanges { IsComplete = true, Description = "All done" }, Ct);
        var complete = await ledger.Projects.ListAsync(new ProjectQuery { IsComplete = true, ContactId = client.Id }, Ct).ToListAsync(Ct);
        await ledger.Projects.DeleteAsync(created.Id, Ct);

        Assert.Equal(("Relaunch", client.Id, ProjectBillingMethod.Hourly), (created.Name, created.ContactId, created.BillingMethod));
        Assert.Equal(new Money(95.50m, Cad), created.HourlyRate);
        Assert.Equal(new DateOnly(2025, 9, 1), created.DueDate);
        Assert.True(done.IsComplete);
        Assert.Equal("All done", done.Description);
        Assert.Equal(created.Id, Assert.Single(complete).Id);
        var gone = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Projects.GetAsync(created.Id, Ct));
        Assert.Equal(EntityKind.Project, gone.Entity);
        var business = fixture.Ledgers.Sandbox.Data.PrimaryBusiness.BusinessId;
        Assert.Contains(fixture.Ledgers.Sandbox.Requests, r => r.Method == "DELETE" && r.Path == $"/projects/business/{business}/project/{created.Id}");
        Assert.Contains(fixture.Ledgers.Sandbox.Requests, r => r.Method == "GET" && r.Path == $"/projects/business/{business}/projects" && r.Query.Contains("complete=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProjectCreate_InternalProject_AmountsReadNullNotGuessed()
    {
        var ledger = await fixture.Ledgers.OpenAsync();

        var created = await ledger.Projects.CreateAsync(new NewProject { Name = "Internal", HourlyRate = new Money(50m, Cad) }, Ct);

        Assert.Null(created.ContactId);
        Assert.Null(created.HourlyRate);
        Assert.Equal(ProjectBillingMethod.Hourly, created.BillingMethod);
    }

    [Fact]
    public async Task ProjectCreate_AmountInAnotherCurrencyThanTheClient_RefusedAndNothingWritten()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var client = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Loonie Ltd.", Currency = Cad }, Ct);
        fixture.Ledgers.Sandbox.ClearRequests();

        var invalid = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Projects.CreateAsync(new NewProject
        {
            Name = "Mismatch",
            ContactId = client.Id,
            BillingMethod = ProjectBillingMethod.FixedPrice,
            FixedPrice = new Money(100m, CurrencyCode.USD),
        }, Ct));

        Assert.Equal(nameof(NewProject.FixedPrice), Assert.Single(invalid.Errors).Field);
        Assert.DoesNotContain(fixture.Ledgers.Sandbox.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task ProjectCreate_UnknownClient_ContactNotFoundAndNothingWritten()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        fixture.Ledgers.Sandbox.ClearRequests();

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            ledger.Projects.CreateAsync(new NewProject { Name = "Orphan", ContactId = "88888888" }, Ct));

        Assert.Equal(EntityKind.Contact, missing.Entity);
        Assert.DoesNotContain(fixture.Ledgers.Sandbox.Requests, r => r.Method == "POST");
    }
}
