using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Connections;

/// <summary>
/// A connection's stored scopes are checked before any request (the sandbox enforces the same scopes as Xero, so a
/// missing check would show as a 401 in its request log).
/// </summary>
public sealed class ScopeTests
{
    /// <summary>What <see cref="XeroOptions.Scopes"/> requests when left empty.</summary>
    private static readonly string[] DefaultScopes = ["offline_access", "accounting.contacts", "accounting.transactions", "accounting.settings"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProjectsListAsync_DefaultScopes_RefusedNamingProjectsBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync(scopes: DefaultScopes);

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await ledger.Projects.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));

        Assert.Equal(("projects", "Xero"), (denied.RequiredScope, denied.Provider));
        Assert.Contains("'projects'", denied.Message, StringComparison.Ordinal);
        Assert.Contains("XeroOptions.Scopes", denied.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task TimeEntriesListAndProjectsCreate_DefaultScopes_RefusedNamingProjectsBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync(scopes: DefaultScopes);

        var listing = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await ledger.TimeEntries.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));
        var creating = await Assert.ThrowsAsync<PermissionDeniedException>(() => ledger.Projects.CreateAsync(
            new NewProject { Name = "Campus network", ContactId = Guid.NewGuid().ToString(), BillingMethod = ProjectBillingMethod.Unknown }, Cancellation));

        Assert.Equal(("projects", "projects"), (listing.RequiredScope, creating.RequiredScope));
        Assert.Contains("list TimeEntry needs", listing.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task ProjectsListAsync_ReadScopeOnly_ReadsButCreateRefused()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync(scopes: [.. DefaultScopes, "projects.read"]);

        Assert.Empty(await ledger.Projects.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => ledger.Projects.CreateAsync(
            new NewProject { Name = "Campus network", ContactId = Guid.NewGuid().ToString(), BillingMethod = ProjectBillingMethod.Unknown }, Cancellation));

        Assert.Equal("projects", denied.RequiredScope);
        Assert.DoesNotContain(fixture.Sandbox.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task AccountingStores_MissingScopes_RefusedBeforeAnyRequest_EachNamingItsScope()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync(scopes: ["offline_access", "accounting.contacts.read", "projects"]);

        var contacts = await Assert.ThrowsAsync<PermissionDeniedException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "Ridgeway" }, Cancellation));
        var taxRates = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await ledger.TaxRates.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));
        var items = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await ledger.Items.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));
        var invoices = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await ledger.Invoices.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));
        var payments = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await ledger.Payments.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));

        Assert.Equal(
            ["accounting.contacts", "accounting.settings", "accounting.settings", "accounting.transactions", "accounting.transactions"],
            new[] { contacts, taxRates, items, invoices, payments }.Select(d => d.RequiredScope));
        Assert.Contains("granular 'accounting.invoices'", items.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Sandbox.Requests);
        // The read scope is enough to read.
        Assert.Empty(await ledger.Contacts.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));
    }

    [Fact]
    public async Task Stores_GranularScopes_Accepted()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync(scopes: ["offline_access", "accounting.invoices", "accounting.payments.read", "accounting.settings.read"]);

        Assert.Empty(await ledger.Items.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));
        Assert.Empty(await ledger.Payments.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));
        Assert.All(fixture.Sandbox.Requests, r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task ProjectsListAsync_ScopesNotRecorded_XerosRefusalNamesTheScope()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync(scopes: DefaultScopes, recordScopes: false);

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(async () => await ledger.Projects.ListAsync(cancellationToken: Cancellation).ToListAsync(Cancellation));

        Assert.Equal((401, "AuthorizationUnsuccessful", "projects"), (denied.StatusCode, denied.ProviderCode, denied.RequiredScope));
        Assert.Contains("XeroOptions.Scopes", denied.Message, StringComparison.Ordinal);
        Assert.Contains(fixture.Sandbox.Requests, r => r.Path.StartsWith("/projects.xro/", StringComparison.Ordinal) && r.StatusCode == 401);
    }
}
