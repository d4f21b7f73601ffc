using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Errors;

/// <summary>Xero's error answers, as the sandbox sends them over loopback HTTP, through the one error table and the retry policy.</summary>
public sealed class ErrorTableTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("minute")]
    [InlineData("day")]
    public async Task RateLimit_LongerThanMaxRetryAfter_IsRateLimitedWithTheLimitAndWait(string limit)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Faults.Add(FaultRule.TooManyRequests(TimeSpan.FromMinutes(2), "/api.xro", problem: limit));
        fixture.Sandbox.ClearRequests();

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => ledger.Contacts.GetAsync(Guid.NewGuid().ToString(), Cancellation));

        Assert.Equal((TimeSpan.FromMinutes(2), limit, 429, "Xero"), (limited.RetryAfter, limited.ProviderCode, limited.StatusCode, limited.Provider));
        Assert.Single(fixture.AccountingRequests());
    }

    [Fact]
    public async Task ServerError_OnARead_IsRetriedAndSucceeds()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Retry" }, Cancellation);
        fixture.Sandbox.Faults.AddServerError(503, "/api.xro", times: 1);
        fixture.Sandbox.ClearRequests();

        var read = await ledger.Contacts.GetAsync(contact.Id, Cancellation);

        Assert.Equal(contact.Id, read.Id);
        Assert.Equal([503, 200], fixture.AccountingRequests().Select(r => r.StatusCode));
    }

    [Fact]
    public async Task ServerError_OnAWrite_IsOutcomeUnknownAndNotRepeated()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Faults.AddServerError(500, "/api.xro", times: 1);
        fixture.Sandbox.ClearRequests();

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "Once" }, Cancellation));

        Assert.Equal((EntityKind.Contact, "create", 500), (unknown.Entity, unknown.Operation, unknown.StatusCode));
        Assert.NotNull(unknown.SentAt);
        Assert.Single(fixture.AccountingRequests());
    }

    [Fact]
    public async Task UnconnectedTenant_IsXeros403AsReauthorizationRequired()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync(Guid.NewGuid());

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => ledger.Contacts.GetAsync(Guid.NewGuid().ToString(), Cancellation));

        Assert.Equal((403, "AuthenticationUnsuccessful"), (refused.StatusCode, refused.ProviderCode));
    }

    [Fact]
    public async Task MalformedBody_IsInvalidProviderResponseWithABoundedExcerpt()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.MaxRetries = 0);
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.SeedContacts(fixture.TenantId, 40);
        fixture.Sandbox.Faults.Add(FaultRule.Malformed("/api.xro"));

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in ledger.Contacts.ListAsync(null, Cancellation))
            {
            }
        });

        Assert.Equal(("Xero", 200), (invalid.Provider, invalid.StatusCode));
        Assert.NotNull(invalid.BodyExcerpt);
        Assert.InRange(invalid.BodyExcerpt!.Length, 1, 512);
    }

    [Fact]
    public async Task ScopeMissing_IsPermissionDenied()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var tokens = fixture.Sandbox.IssueTokens(["offline_access", "accounting.contacts.read"]);
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Ledgerline.Connections.IConnectionStore>(fixture.Services);
        await store.SaveAsync(new Ledgerline.Connections.LedgerConnection
        {
            Id = "narrow",
            Provider = "Xero",
            Tokens = new Ledgerline.Connections.ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt),
            Properties = new Dictionary<string, string> { [XeroConnectionProperties.TenantId] = fixture.TenantId.ToString() },
        }, Cancellation);
        var ledger = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ILedgerFactory>(fixture.Services).Open("narrow");

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "No scope" }, Cancellation));

        Assert.Equal((401, "AuthorizationUnsuccessful"), (denied.StatusCode, denied.ProviderCode));
    }
}
