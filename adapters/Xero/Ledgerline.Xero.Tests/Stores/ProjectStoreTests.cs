using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Projects over loopback HTTP against the Xero sandbox's Projects API.</summary>
public sealed class ProjectStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    internal static async Task<string> ContactAsync(ILedger ledger, string name = "Ridgeway University") =>
        (await ledger.Contacts.CreateAsync(new NewContact { Organization = name }, Cancellation)).Id;

    internal static NewProject Draft(string contactId) => new()
    {
        Name = "Campus network",
        ContactId = contactId,
        BillingMethod = ProjectBillingMethod.Unknown,
        DueDate = new DateOnly(2026, 12, 24),
        Budget = new Money(5000m, Nz.Dollar),
    };

    [Fact]
    public async Task CreateAsync_RoundTrips_DeadlineIsTheDueDayInTheOrganisationsZone()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);

        var created = await ledger.Projects.CreateAsync(Draft(contact), Cancellation);
        var read = await ledger.Projects.GetAsync(created.Id, Cancellation);

        Assert.Equivalent(created with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.Equal(("Campus network", contact, new DateOnly(2026, 12, 24), new Money(5000m, Nz.Dollar)), (read.Name, read.ContactId, read.DueDate, read.Budget));
        Assert.Equal((ProjectBillingMethod.Unknown, false, RecordState.Active, (DateTimeOffset?)null), (read.BillingMethod, read.IsComplete, read.State, read.UpdatedAt));
        // Midnight of 24 December in Auckland (NZDT, +13) is 11:00 UTC the day before.
        Assert.Equal("2026-12-23T11:00:00Z", Assert.IsType<RawJson>(read.RawRepresentation).RootElement.GetProperty("deadlineUtc").GetString());
        Assert.Contains(fixture.Sandbox.Requests, r => r.Method == "POST" && r.Path == "/projects.xro/2.0/Projects" && r.StatusCode == 201);
    }

    [Fact]
    public async Task UpdateAsync_NameAndComplete_PutKeepsTheRestThenPatchCloses_FiltersByCompletionAndContact()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);
        var other = await ContactAsync(ledger, "Bayside Club");
        var project = await ledger.Projects.CreateAsync(Draft(contact), Cancellation);
        var open = await ledger.Projects.CreateAsync(Draft(other) with { Name = "Clubhouse" }, Cancellation);

        var renamed = await ledger.Projects.UpdateAsync(project.Id, new ProjectChanges { Name = "Campus network v2" }, Cancellation);
        var closed = await ledger.Projects.UpdateAsync(project.Id, new ProjectChanges { IsComplete = true }, Cancellation);

        Assert.Equal(("Campus network v2", new DateOnly(2026, 12, 24), new Money(5000m, Nz.Dollar), false), (renamed.Name, renamed.DueDate, renamed.Budget, renamed.IsComplete));
        Assert.Equal(("Campus network v2", true), (closed.Name, closed.IsComplete));
        Assert.Equal([project.Id], (await ToListAsync(ledger.Projects.ListAsync(new ProjectQuery { IsComplete = true }, Cancellation))).Select(p => p.Id));
        Assert.Equal([open.Id], (await ToListAsync(ledger.Projects.ListAsync(new ProjectQuery { ContactId = other }, Cancellation))).Select(p => p.Id));
        Assert.Contains(fixture.Sandbox.Requests, r => r.Method == "PATCH" && r.StatusCode == 204);
        Assert.Contains(fixture.Sandbox.Requests, r => r.Method == "PUT" && r.Path.StartsWith("/projects.xro/", StringComparison.Ordinal) && r.StatusCode == 204);
    }

    [Fact]
    public async Task ListPageAsync_FollowsXerosPages_WithTheItemCount()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);
        for (var i = 0; i < 5; i++)
        {
            await ledger.Projects.CreateAsync(Draft(contact) with { Name = $"P{i}" }, Cancellation);
        }

        var first = await ledger.Projects.ListPageAsync(new ProjectQuery { PageSize = 2 }, null, Cancellation);
        var second = await ledger.Projects.ListPageAsync(new ProjectQuery { PageSize = 2 }, first.NextCursor, Cancellation);
        var third = await ledger.Projects.ListPageAsync(new ProjectQuery { PageSize = 2 }, second.NextCursor, Cancellation);

        Assert.Equal((2, 2, 1), (first.Items.Count, second.Items.Count, third.Items.Count));
        Assert.Equal((5, (string?)null), (first.TotalCount, third.NextCursor));
        Assert.Equal(["P0", "P1", "P2", "P3", "P4"], first.Items.Concat(second.Items).Concat(third.Items).Select(p => p.Name));
    }

    [Fact]
    public async Task InputXeroCannotTake_IsRefusedBeforeAnyRequest_FieldByField()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);
        fixture.Sandbox.ClearRequests();

        var cases = new (NewProject Draft, string Field)[]
        {
            (Draft(contact) with { BillingMethod = ProjectBillingMethod.Hourly }, nameof(NewProject.BillingMethod)),
            (Draft(contact) with { HourlyRate = new Money(100m, Nz.Dollar) }, nameof(NewProject.HourlyRate)),
            (Draft(contact) with { Description = "Scope" }, nameof(NewProject.Description)),
            (Draft(contact) with { ContactId = null }, nameof(NewProject.ContactId)),
        };
        foreach (var (draft, field) in cases)
        {
            var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Projects.CreateAsync(draft, Cancellation));
            Assert.Equal((field, "Xero"), (Assert.Single(refused.Errors).Field, refused.Provider));
        }

        Assert.Empty(fixture.Sandbox.Requests);
        var notFound = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Projects.CreateAsync(Draft("not-a-guid"), Cancellation));
        Assert.Equal(EntityKind.Contact, notFound.Entity);
        Assert.Empty(fixture.Sandbox.Requests);
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Projects.DeleteAsync(Guid.NewGuid().ToString(), Cancellation));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Projects.ArchiveAsync(Guid.NewGuid().ToString(), Cancellation));
    }

    [Fact]
    public async Task WrongCurrencyBudget_IsRefusedBeforeAnyWrite()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ContactAsync(ledger);

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Projects.CreateAsync(Draft(contact) with { Budget = new Money(10m, CurrencyCode.USD) }, Cancellation));

        Assert.Equal(nameof(NewProject.Budget), Assert.Single(refused.Errors).Field);
        Assert.DoesNotContain(fixture.Sandbox.Requests, r => r.Method == "POST" && r.Path.StartsWith("/projects.xro/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownContact_IsRecordNotFoundForTheContact_FromXerosModelState()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var missing = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Projects.CreateAsync(Draft(missing), Cancellation));

        Assert.Equal((EntityKind.Contact, missing, "Xero", 400), (error.Entity, error.Id, error.Provider, error.StatusCode));
        Assert.IsType<LedgerValidationException>(error.InnerException);
    }

    [Fact]
    public async Task UnknownProject_IsRecordNotFound()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var id = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Projects.GetAsync(id, Cancellation));

        Assert.Equal((EntityKind.Project, id, 404), (error.Entity, error.Id, error.StatusCode));
    }

    [Fact]
    public async Task MalformedAnswer_IsInvalidProviderResponseWithAnExcerpt()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.MaxRetries = 0);
        var ledger = await fixture.OpenAsync();
        var project = await ledger.Projects.CreateAsync(Draft(await ContactAsync(ledger)), Cancellation);
        fixture.Sandbox.Faults.Add(FaultRule.Malformed("/projects.xro"));

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Projects.GetAsync(project.Id, Cancellation));

        Assert.Equal(("Xero", 200), (invalid.Provider, invalid.StatusCode));
        Assert.InRange(invalid.BodyExcerpt!.Length, 1, 512);
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
