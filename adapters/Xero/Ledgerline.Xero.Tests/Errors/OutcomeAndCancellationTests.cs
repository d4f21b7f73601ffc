using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.Tests.Errors;

/// <summary>
/// What a caller is told when an answer is lost, unreadable, late or cancelled, over loopback HTTP against the sandbox's
/// faults: reads fail as reads, writes whose outcome cannot be known say so, and the caller's cancellation stays one.
/// </summary>
public sealed class OutcomeAndCancellationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListPageAsync_CancelledAfterTheAnswerArrived_IsOperationCanceled_NotAnUnreadableBody()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        await using var fixture = await XeroLedgerFixture.StartAsync(services: s => s.ConfigureHttpClientDefaults(
            b => b.AddHttpMessageHandler(() => new CancelOnAnswerHandler("/Contacts", cancel))));
        var ledger = await fixture.OpenAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ledger.Contacts.ListPageAsync(null, null, cancel.Token));

        Assert.Single(fixture.AccountingRequests(), r => r.StatusCode == 200);
    }

    [Fact]
    public async Task CreateAsync_CancelledAfterTheAnswerArrived_IsOperationCanceled()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        await using var fixture = await XeroLedgerFixture.StartAsync(services: s => s.ConfigureHttpClientDefaults(
            b => b.AddHttpMessageHandler(() => new CancelOnAnswerHandler("/Contacts", cancel))));
        var ledger = await fixture.OpenAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "Cancelled late" }, cancel.Token));
    }

    [Fact]
    public async Task CreateAsync_MalformedSuccessAnswer_IsOutcomeUnknownWithTheExcerpt_AndTheRecordWasWritten()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Faults.Add(FaultRule.Malformed("/api.xro/2.0/Contacts", times: 1));

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "Written anyway" }, Cancellation));

        Assert.Equal((EntityKind.Contact, "create", 200, "Xero"), (unknown.Entity, unknown.Operation, unknown.StatusCode, unknown.Provider));
        Assert.NotNull(unknown.SentAt);
        Assert.Contains("HTTP 200", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no answer was read", unknown.Message, StringComparison.Ordinal);
        var invalid = Assert.IsType<InvalidProviderResponseException>(unknown.InnerException);
        Assert.InRange(invalid.BodyExcerpt!.Length, 1, 512);
        Assert.Contains(await ledger.Contacts.ListAsync(null, Cancellation).ToListAsync(Cancellation), c => c.Organization == "Written anyway");
    }

    [Fact]
    public async Task GetAsync_MalformedAnswer_StaysInvalidProviderResponse()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.MaxRetries = 0);
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Read me" }, Cancellation);
        fixture.Sandbox.Faults.Add(FaultRule.Malformed("/api.xro", times: 1));

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Contacts.GetAsync(contact.Id, Cancellation));

        Assert.Equal(200, invalid.StatusCode);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    public async Task CreateAsync_ServerError_IsOutcomeUnknownSayingWhichAnswerWasRead(int status)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Faults.AddServerError(status, "/api.xro", times: 1);

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "Maybe" }, Cancellation));

        Assert.Equal(status, unknown.StatusCode);
        Assert.Contains($"Xero answered HTTP {status}", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no answer was read", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AnswerLaterThanRequestTimeout_IsUnavailableInsteadOfWaitingForHttpClientsDefault()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => { o.RequestTimeout = TimeSpan.FromMilliseconds(300); o.MaxRetries = 1; });
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Faults.AddLatency(TimeSpan.FromSeconds(130), "/api.xro/2.0/Organisation");

        var unavailable = await Assert.ThrowsAsync<ProviderUnavailableException>(() => ledger.Company.GetAsync(Cancellation));

        Assert.Contains("timed out", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_AnswerLaterThanRequestTimeout_IsOutcomeUnknown()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Faults.AddLatency(TimeSpan.FromSeconds(130), "/api.xro/2.0/Contacts");

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "Slow" }, Cancellation));

        Assert.Contains("timed out", unknown.ProviderMessage, StringComparison.Ordinal);
    }

    /// <summary>The outermost handler: once an answer to <paramref name="pathPart"/> has been read whole, cancels the caller's token.</summary>
    private sealed class CancelOnAnswerHandler(string pathPart, CancellationTokenSource cancel) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.Contains(pathPart, StringComparison.OrdinalIgnoreCase))
            {
                await cancel.CancelAsync();
            }

            return response;
        }
    }
}
