using System.Text;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>The connected business, read from <c>/users/me</c> through the adapter's own HTTP stack.</summary>
public sealed class CompanyStoreTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_PrimaryBusiness_NameZoneAndAddressFromItsMembershipAndNoGuessedCurrency()
    {
        var ledger = await fixture.Ledgers.OpenAsync();

        var company = await ledger.Company.GetAsync(Ct);

        Assert.Equal(("LL4X7Q", "Ledgerline Sandbox Co.", "America/New_York"), (company.Id, company.Name, company.TimeZone));
        Assert.Null(company.BaseCurrency);
        Assert.Null(company.CountryCode);
        Assert.Equal(("100 Queen Street W", "Toronto", "Ontario", "M5H 2N2", "Canada"),
            (company.Address?.Street, company.Address?.City, company.Address?.Region, company.Address?.PostalCode, company.Address?.Country));
        Assert.Contains("\"account_id\":\"LL4X7Q\"", company.RawRepresentation?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains(fixture.Ledgers.Sandbox.Requests, r => r.Method == "GET" && r.Path == "/auth/api/v1/users/me");
    }

    [Fact]
    public async Task GetAsync_ConnectionToTheSecondBusiness_DescribesThatBusiness()
    {
        var ledger = await fixture.Ledgers.OpenAsync(business: fixture.Ledgers.Sandbox.Data.SecondaryBusiness);

        var company = await ledger.Company.GetAsync(Ct);

        Assert.Equal(("ZK82PW", "Second Street Studio"), (company.Id, company.Name));
    }

    [Fact]
    public async Task GetAsync_WithoutTheProfileScope_RefusedBeforeAnyRequest()
    {
        var ledger = await fixture.Ledgers.OpenAsync(scopes: ["user:clients:read"]);
        fixture.Ledgers.Sandbox.ClearRequests();

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(() => ledger.Company.GetAsync(Ct));

        Assert.Equal("user:profile:read", error.RequiredScope);
        Assert.Empty(fixture.Ledgers.Sandbox.Requests);
    }

    [Fact]
    public async Task GetAsync_UserNoLongerBelongsToThePinnedBusiness_RecordNotFoundForTheCompany()
    {
        var gone = new SandboxBusiness("GONE01", 499999, Guid.NewGuid().ToString(), "Sold Business", "owner", 1);
        var ledger = await fixture.Ledgers.OpenAsync(business: gone);

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Company.GetAsync(Ct));

        Assert.Equal((EntityKind.Company, "GONE01", "FreshBooks"), (error.Entity, error.Id, error.Provider));
    }

    [Theory]
    [InlineData("\"name\":\"Ledgerline Sandbox Co.\"", "\"name\":\"\"", "no name")]
    [InlineData("\"timezone\":\"America/New_York\"", "\"timezone\":\"Eastern-ish\"", "time zone")]
    [InlineData("\"business_memberships\":[", "\"business_memberships\":7,\"x\":[", "business_memberships")]
    public async Task GetAsync_IdentityAnswerUnreadable_InvalidProviderResponseQuotingIt(string find, string replace, string reason)
    {
        await using var ledgers = await SandboxLedgerFixture.StartAsync(services: s =>
            s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new RewritingHandler("/auth/api/v1/users/me", find, replace))));
        var ledger = await ledgers.OpenAsync();

        var error = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Company.GetAsync(Ct));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("FreshBooks", error.Provider);
    }

    /// <summary>Rewrites one text in the answers to one path: a provider sending what the sandbox never would.</summary>
    private sealed class RewritingHandler(string path, string find, string replace) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri?.AbsolutePath != path)
            {
                return response;
            }

            var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Replace(find, replace, StringComparison.Ordinal);
            var content = new StringContent(body, Encoding.UTF8, "application/json");
            response.Content = content;
            return response;
        }
    }
}
