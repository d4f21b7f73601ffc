using Microsoft.Extensions.DependencyInjection;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Errors;

/// <summary>
/// The error table driven end to end: the sandbox's faults and refusals over loopback HTTP, with retries switched off so
/// that each fault reaches the adapter as it is.
/// </summary>
public sealed class FaultTests : IAsyncLifetime
{
    private SandboxLedgerFixture _fixture = null!;
    private ILedger _ledger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SandboxFaults Faults => _fixture.Sandbox.Faults;

    public async ValueTask InitializeAsync()
    {
        _fixture = await SandboxLedgerFixture.StartAsync(o => o.MaxRetries = 0);
        _ledger = await _fixture.OpenAsync();
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task GetAsync_MalformedBody_InvalidProviderResponseWithBoundedExcerpt()
    {
        var contact = await _ledger.Contacts.CreateAsync(new NewContact { Organization = "Malformed Ltd." }, Ct);
        Faults.Add(FaultRule.Malformed("/accounting", times: 1));

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => _ledger.Contacts.GetAsync(contact.Id, Ct));

        Assert.Equal("FreshBooks", invalid.Provider);
        Assert.Equal(200, invalid.StatusCode);
        Assert.NotNull(invalid.BodyExcerpt);
        Assert.StartsWith("{\"response\"", invalid.BodyExcerpt, StringComparison.Ordinal);
        Assert.True(invalid.BodyExcerpt!.Length <= FreshBooksErrorTable.MaxExcerptLength);
        Assert.DoesNotContain("Bearer", invalid.Message + invalid.BodyExcerpt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ListAsync_MalformedLaterPage_TranslatedWhileEnumerating()
    {
        _fixture.Sandbox.Data.SeedClients(_fixture.AccountId, 150);
        var seen = 0;
        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var contact in _ledger.Contacts.ListAsync(cancellationToken: Ct))
            {
                if (++seen == 1)
                {
                    Faults.Add(FaultRule.Malformed("/accounting", times: 1));
                }
            }
        });

        Assert.True(seen >= 1);
        Assert.Equal("FreshBooks", invalid.Provider);
    }

    [Fact]
    public async Task GetAsync_TruncatedBody_InvalidProviderResponseOrUnavailable()
    {
        var contact = await _ledger.Contacts.CreateAsync(new NewContact { Organization = "Truncated Ltd." }, Ct);
        Faults.Add(FaultRule.Truncate("/accounting", times: 1));

        var error = await Assert.ThrowsAnyAsync<LedgerlineException>(() => _ledger.Contacts.GetAsync(contact.Id, Ct));

        Assert.True(error is InvalidProviderResponseException or ProviderUnavailableException, error.GetType().Name);
        Assert.Equal("FreshBooks", error.Provider);
    }

    [Fact]
    public async Task GetAsync_ServerError_ProviderUnavailable()
    {
        Faults.Add(FaultRule.ServerError(503, "/accounting", times: 1));

        var unavailable = await Assert.ThrowsAsync<ProviderUnavailableException>(() => _ledger.Contacts.GetAsync("1", Ct));

        Assert.Equal(503, unavailable.StatusCode);
    }

    [Fact]
    public async Task CreateAsync_ServerErrorOnPost_OutcomeUnknownSentOnce()
    {
        Faults.Add(new FaultRule { Kind = FaultKind.ServerError, StatusCode = 500, PathPrefix = "/accounting", Method = "POST", Times = 1 });
        _fixture.Sandbox.ClearRequests();

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => _ledger.Contacts.CreateAsync(new NewContact { Organization = "Maybe Ltd." }, Ct));

        Assert.Equal(EntityKind.Contact, unknown.Entity);
        Assert.Equal("create", unknown.Operation);
        Assert.False(string.IsNullOrEmpty(unknown.OperationId));
        Assert.Equal(_fixture.Sandbox.Clock.GetUtcNow().Date, unknown.SentAt?.Date);
        Assert.Equal(500, unknown.StatusCode);
        Assert.Contains("FreshBooks answered HTTP 500", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no answer was read", unknown.Message, StringComparison.Ordinal);
        Assert.Single(_fixture.Sandbox.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task CreateAsync_MalformedSuccessAnswer_OutcomeUnknownWithTheExcerpt_AndTheRecordWasWritten()
    {
        Faults.Add(FaultRule.Malformed("/accounting", times: 1) with { Method = "POST" });

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => _ledger.Contacts.CreateAsync(new NewContact { Organization = "Written Ltd." }, Ct));

        Assert.Equal((EntityKind.Contact, "create", 200), (unknown.Entity, unknown.Operation, unknown.StatusCode));
        Assert.NotNull(unknown.SentAt);
        Assert.Contains("HTTP 200", unknown.Message, StringComparison.Ordinal);
        var invalid = Assert.IsType<InvalidProviderResponseException>(unknown.InnerException);
        Assert.InRange(invalid.BodyExcerpt!.Length, 1, FreshBooksErrorTable.MaxExcerptLength);
        Assert.Contains(await _ledger.Contacts.ListAsync(cancellationToken: Ct).ToListAsync(Ct), c => c.Organization == "Written Ltd.");
    }

    [Theory]
    [InlineData("1000000000000000")]
    [InlineData("79228162514264337593543950335")]
    public async Task CreateInvoice_UnitPriceFreshBooksCannotTake_ValidationOnTheCanonicalLineField(string unitPrice)
    {
        var contact = await _ledger.Contacts.CreateAsync(new NewContact { Organization = "Huge Ltd." }, Ct);
        var price = new Money(decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture), CurrencyCode.USD);

        var invalid = await Assert.ThrowsAsync<LedgerValidationException>(() => _ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id,
            Currency = CurrencyCode.USD,
            IssueDate = new DateOnly(2025, 5, 1),
            Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = price }],
        }, Ct));

        Assert.Contains(invalid.Errors, e => e.Field == "Lines[0].UnitPrice");
        Assert.DoesNotContain(invalid.Errors, e => e.Field.StartsWith("lines[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_DroppedConnectionOnPost_OutcomeUnknown()
    {
        Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, PathPrefix = "/accounting", Method = "POST", Times = 1 });

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => _ledger.Contacts.CreateAsync(new NewContact { Organization = "Dropped Ltd." }, Ct));

        Assert.NotNull(unknown.InnerException);
    }

    [Fact]
    public async Task GetAsync_TooManyRequests_RateLimitedWithRetryAfter()
    {
        Faults.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(7), "/accounting", times: 1));

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => _ledger.Contacts.GetAsync("1", Ct));

        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
        Assert.Equal(429, limited.StatusCode);
    }

    [Fact]
    public async Task GetAsync_CallerCancels_OperationCanceledUnwrapped()
    {
        Faults.AddLatency(TimeSpan.FromSeconds(5), "/accounting");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _ledger.Contacts.GetAsync("1", cancel.Token));

        Assert.IsNotAssignableFrom<LedgerlineException>(cancelled);
    }

    [Fact]
    public async Task GetAsync_RevokedToken_ReauthorizationRequired()
    {
        var connectionId = await _fixture.ConnectAsync();
        var store = _fixture.Services.GetRequiredService<Ledgerline.Connections.IConnectionStore>();
        var connection = (await store.GetAsync(connectionId, Ct))!;
        _fixture.Sandbox.RevokeToken(connection.Tokens!.AccessToken);
        var ledger = _fixture.Services.GetRequiredService<ILedgerFactory>().Open(connectionId);

        var reauth = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => ledger.Contacts.GetAsync("1", Ct));

        Assert.Equal(connectionId, reauth.ConnectionId);
        Assert.DoesNotContain(connection.Tokens.AccessToken, reauth.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_InsufficientScopeFromServer_PermissionDenied()
    {
        // The stored connection claims the scope, the token does not have it: FreshBooks' own 403 is translated.
        var connectionId = await _fixture.ConnectAsync(scopes: ["user:profile:read"]);
        var store = _fixture.Services.GetRequiredService<Ledgerline.Connections.IConnectionStore>();
        var connection = (await store.GetAsync(connectionId, Ct))!;
        await store.SaveAsync(connection with { Scopes = new HashSet<string>() }, Ct);
        var ledger = _fixture.Services.GetRequiredService<ILedgerFactory>().Open(connectionId);

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => ledger.Invoices.GetAsync("1", Ct));

        Assert.Equal("user:invoices:read", denied.RequiredScope);
        Assert.Equal(403, denied.StatusCode);
    }
}
