using System.Net;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Connections;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Sandbox;

namespace Ledgerline.FreshBooks.Tests.Connections;

public sealed class FreshBooksConnectorTests : IAsyncLifetime
{
    private FreshBooksSandbox _sandbox = null!;

    private const string MePath = "/auth/api/v1/users/me";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: Cancellation);

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task CreateAuthorizationRequest_Scopes_BuildsTheConsentUrlWithARandomState()
    {
        await using var stack = new ConnectionsStack(_sandbox);

        var request = stack.Connector.CreateAuthorizationRequest(["user:profile:read", "user:invoices:read"]);
        var other = stack.Connector.CreateAuthorizationRequest(["user:profile:read"]);
        var query = ParseQuery(request.AuthorizationUrl);

        Assert.Equal(new Uri(_sandbox.BaseAddress, "oauth/authorize").AbsolutePath, request.AuthorizationUrl.AbsolutePath);
        Assert.Equal(_sandbox.Options.ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(ConnectionsStack.RedirectUri, query["redirect_uri"]);
        Assert.Equal("user:profile:read user:invoices:read", query["scope"]);
        Assert.Equal(request.State, query["state"]);
        Assert.True(request.State.Length >= 43);
        Assert.NotEqual(request.State, other.State);
    }

    [Fact]
    public async Task IsExpectedState_OtherOrMissingState_IsFalse()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var request = stack.Connector.CreateAuthorizationRequest();

        Assert.True(request.IsExpectedState(request.State));
        Assert.False(request.IsExpectedState(request.State + "x"));
        Assert.False(request.IsExpectedState(null));
        Assert.False(request.IsExpectedState(string.Empty));
    }

    [Fact]
    public async Task CreateAuthorizationRequest_NoRedirectUri_ThrowsLedgerlineExceptionNamingTheOption()
    {
        await using var stack = new ConnectionsStack(_sandbox, configure: o => o.RedirectUri = null);

        var refused = Assert.Throws<LedgerlineException>(() => stack.Connector.CreateAuthorizationRequest());

        Assert.Contains("RedirectUri", refused.Message, StringComparison.Ordinal);
        Assert.Equal("FreshBooks", refused.Provider);
    }

    [Fact]
    public async Task ConnectAsync_AfterConsent_StoresAConnectionPinnedToTheChosenBusinessThatWorks()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var request = stack.Connector.CreateAuthorizationRequest(["user:profile:read", "user:clients:read"]);
        var redirect = await ConsentAsync(request.AuthorizationUrl);
        var returned = ParseQuery(redirect);
        Assert.True(request.IsExpectedState(returned["state"]));

        var grant = await stack.Connector.ExchangeCodeAsync(returned["code"], Cancellation);
        var chosen = grant.Businesses.Single(b => b.AccountId == _sandbox.Data.SecondaryBusiness.AccountId);
        var connection = await stack.Connector.ConnectAsync("tenant-7", grant, chosen, Cancellation);
        using var me = await stack.GetMeAsync("tenant-7", cancellationToken: Cancellation);

        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
        Assert.Equal(_sandbox.Data.Identity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), grant.IdentityId);
        Assert.Equal(_sandbox.Data.Identity.Email, grant.Email);
        Assert.Equal(_sandbox.Data.SecondaryBusiness.Name, chosen.Name);
        Assert.Equal(_sandbox.Data.SecondaryBusiness.Role, chosen.Role);
        Assert.Equal(_sandbox.Data.SecondaryBusiness.BusinessId.ToString(System.Globalization.CultureInfo.InvariantCulture), chosen.BusinessId);

        var stored = await stack.Store.GetAsync("tenant-7", Cancellation);
        Assert.NotNull(stored);
        Assert.Equal(connection.Version, stored.Version);
        Assert.Equal("FreshBooks", stored.Provider);
        Assert.Equal(ConnectionStatus.Active, stored.Status);
        Assert.Equal(chosen.AccountId, stored.Properties[FreshBooksRequest.AccountIdProperty]);
        Assert.Equal(chosen.BusinessId, stored.Properties[FreshBooksRequest.BusinessIdProperty]);
        Assert.Equal(chosen.Name, stored.Properties[FreshBooksRequest.BusinessNameProperty]);
        Assert.Equal(grant.IdentityId, stored.Properties[FreshBooksRequest.IdentityIdProperty]);
        Assert.True(stored.Scopes.SetEquals(["user:profile:read", "user:clients:read"]));
        Assert.True(stored.Tokens!.ExpiresAt > DateTimeOffset.UtcNow.AddHours(11));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(stored.Tokens.AccessToken, _sandbox.Requests[^1].BearerToken);
    }

    [Fact]
    public async Task ImportTokensAsync_PairFromTheSandboxTokenEndpoint_ConnectsAWorkingConnection()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        using var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        using var issued = await http.PostAsync("_sandbox/tokens", content: null, Cancellation);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await issued.Content.ReadAsStringAsync(Cancellation))!;

        var grant = await stack.Connector.ImportTokensAsync(
            body["access_token"]!.GetValue<string>(),
            body["refresh_token"]!.GetValue<string>(),
            DateTimeOffset.UtcNow.AddSeconds(body["expires_in"]!.GetValue<long>()),
            body["scope"]!.GetValue<string>().Split(' '),
            Cancellation);
        await stack.Connector.ConnectAsync("imported", grant, grant.Businesses[0], Cancellation);
        using var me = await stack.GetMeAsync("imported", cancellationToken: Cancellation);

        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
        Assert.True(grant.Scopes.SetEquals(_sandbox.Options.AppScopes));
        Assert.DoesNotContain(body["access_token"]!.GetValue<string>(), grant.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var stored = await stack.Store.GetAsync("imported", Cancellation);
        Assert.Equal(body["refresh_token"]!.GetValue<string>(), stored!.Tokens!.RefreshToken);
    }

    [Theory]
    [InlineData("abc\ndef", "accessToken")]
    [InlineData("t\u00f6k\u00e9n", "accessToken")]
    [InlineData("abc\u0000def", "refreshToken")]
    [InlineData("long", "refreshToken")]
    public async Task ImportTokensAsync_TokenNoOAuthServerIssues_IsRefusedTypedBeforeAnyRequest_NeverQuoted(string token, string field)
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var bad = token == "long" ? new string('a', FreshBooksConnector.MaxTokenLength + 1) : token;
        var before = _sandbox.Requests.Count;

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => field == "accessToken"
            ? stack.Connector.ImportTokensAsync(bad, "refresh", DateTimeOffset.UtcNow.AddHours(1), [], Cancellation)
            : stack.Connector.ImportTokensAsync("access", bad, DateTimeOffset.UtcNow.AddHours(1), [], Cancellation));

        Assert.Equal((field, "MalformedToken", "FreshBooks"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code, refused.Provider));
        Assert.DoesNotContain(bad, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.Requests.Count);
    }

    [Fact]
    public async Task ImportTokensAsync_TokenFreshBooksRefuses_IsReauthorizationRequired_WithoutTheToken()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        const string Forged = "not-a-token-the-sandbox-issued";

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() =>
            stack.Connector.ImportTokensAsync(Forged, "refresh-" + Forged, DateTimeOffset.UtcNow.AddHours(1), ["user:profile:read"], Cancellation));

        Assert.Equal((string.Empty, "FreshBooks", 401), (refused.ConnectionId, refused.Provider, refused.StatusCode));
        Assert.DoesNotContain(Forged, refused.ToString(), StringComparison.Ordinal);
        Assert.Contains(_sandbox.Requests, r => r.Path == MePath && r.StatusCode == 401);
        Assert.Equal(0, _sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task ImportTokensAsync_AccessTokenAlreadyExpired_IsTaken_AndRefreshedBeforeItsFirstUse()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var tokens = _sandbox.IssueTokens();

        var grant = await stack.Connector.ImportTokensAsync(tokens.AccessToken, tokens.RefreshToken, DateTimeOffset.UtcNow.AddDays(-400), [], Cancellation);
        await stack.Connector.ConnectAsync("migrated", grant, grant.Businesses[0], Cancellation);
        using var me = await stack.GetMeAsync("migrated", cancellationToken: Cancellation);
        var stored = await stack.Store.GetAsync("migrated", Cancellation);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.NotEqual(tokens.RefreshToken, stored!.Tokens!.RefreshToken);
        Assert.True(stored.Tokens.ExpiresAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task ImportTokensAsync_AccessTokenExpiredAtFreshBooks_RefreshesFirst_ThenReadsTheIdentity()
    {
        await using var stack = new ConnectionsStack(_sandbox, timeProvider: _sandbox.Clock);
        var tokens = _sandbox.IssueTokens();
        _sandbox.Clock.Advance(TimeSpan.FromHours(13));

        var grant = await stack.Connector.ImportTokensAsync(
            tokens.AccessToken, tokens.RefreshToken, _sandbox.Clock.GetUtcNow().AddHours(-1), tokens.Scope.Split(' '), Cancellation);
        await stack.Connector.ConnectAsync("migrated", grant, grant.Businesses[0], Cancellation);
        using var me = await stack.GetMeAsync("migrated", cancellationToken: Cancellation);
        var stored = await stack.Store.GetAsync("migrated", Cancellation);

        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.NotEqual(tokens.RefreshToken, stored!.Tokens!.RefreshToken);
        Assert.True(grant.ExpiresAt > _sandbox.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.DoesNotContain(_sandbox.Requests, r => r.BearerToken == tokens.AccessToken);
    }

    [Fact]
    public async Task ImportTokensAsync_ExpiredPairRefreshedButIdentityUnreadable_NewPairInTheException_ListBusinessesReadsIt()
    {
        await using var stack = new ConnectionsStack(_sandbox, timeProvider: _sandbox.Clock, configure: o => o.MaxRetries = 0);
        var tokens = _sandbox.IssueTokens();
        _sandbox.Clock.Advance(TimeSpan.FromHours(13));
        _sandbox.Faults.AddServerError(503, MePath, times: 1);

        var kept = await Assert.ThrowsAsync<FreshBooksIdentityUnavailableException>(() => stack.Connector.ImportTokensAsync(
            tokens.AccessToken, tokens.RefreshToken, _sandbox.Clock.GetUtcNow().AddHours(-1), tokens.Scope.Split(' '), Cancellation));
        var grant = await stack.Connector.ListBusinessesAsync(kept.Grant, Cancellation);

        Assert.IsType<ProviderUnavailableException>(kept.InnerException);
        Assert.Contains("refreshed the tokens", kept.Message, StringComparison.Ordinal);
        Assert.True(kept.Grant.ExpiresAt > _sandbox.Clock.GetUtcNow());
        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
        Assert.Equal(1, _sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task ImportTokensAsync_ExpiredPairWhoseRefreshTokenIsRefused_IsReauthorizationRequired_WithoutTheToken()
    {
        await using var stack = new ConnectionsStack(_sandbox, timeProvider: _sandbox.Clock);
        const string Forged = "not-a-refresh-token-the-sandbox-issued";

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => stack.Connector.ImportTokensAsync(
            "access-" + Forged, Forged, _sandbox.Clock.GetUtcNow().AddHours(-1), ["user:profile:read"], Cancellation));

        Assert.Equal((string.Empty, "FreshBooks"), (refused.ConnectionId, refused.Provider));
        Assert.Contains("invalid_grant", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.DoesNotContain(_sandbox.Requests, r => r.Path == MePath);
    }

    [Fact]
    public async Task ListBusinessesAsync_GrantWhoseAccessTokenIsDue_RefreshesFirst_GrantHoldsTheNewPair()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        _sandbox.AccessTokenLifetime = TimeSpan.FromDays(3650);
        var request = stack.Connector.CreateAuthorizationRequest();
        var code = ParseQuery(await ConsentAsync(request.AuthorizationUrl))["code"];
        var kept = await Assert.ThrowsAsync<FreshBooksIdentityUnavailableException>(() => stack.Connector.ExchangeCodeAsync(code, Cancellation));
        _sandbox.AccessTokenLifetime = TimeSpan.FromHours(12);

        var grant = await stack.Connector.ListBusinessesAsync(kept.Grant, Cancellation);

        Assert.Equal(2, _sandbox.TokenRequestCount);
        Assert.True(grant.ExpiresAt > DateTimeOffset.UtcNow.AddHours(11));
        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
        await Assert.ThrowsAsync<LedgerValidationException>(() => stack.Connector.ListBusinessesAsync(kept.Grant, Cancellation));
    }

    [Fact]
    public async Task ExchangeCodeAsync_TokenAnswerLivingTenYears_IsInvalidProviderResponseNotAnExpiryFarAway_TheTokensKeptDue()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        _sandbox.AccessTokenLifetime = TimeSpan.FromDays(3650);
        var request = stack.Connector.CreateAuthorizationRequest();
        var code = ParseQuery(await ConsentAsync(request.AuthorizationUrl))["code"];
        var before = DateTimeOffset.UtcNow;

        var kept = await Assert.ThrowsAsync<FreshBooksIdentityUnavailableException>(() => stack.Connector.ExchangeCodeAsync(code, Cancellation));

        var refused = Assert.IsType<InvalidProviderResponseException>(kept.InnerException);
        Assert.Equal(("FreshBooks", 200), (refused.Provider, refused.StatusCode));
        Assert.Contains("expires_in", refused.Message, StringComparison.Ordinal);
        Assert.Null(refused.BodyExcerpt);
        Assert.InRange(kept.Grant.ExpiresAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task ConnectAsync_SameGrantTwice_RefusesTheSecond()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var grant = await GrantAsync(stack);
        await stack.Connector.ConnectAsync("first", grant, grant.Businesses[0], Cancellation);

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => stack.Connector.ConnectAsync("second", grant, grant.Businesses[1], Cancellation));

        Assert.Equal(("grant", "GrantUsed", "FreshBooks"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code, refused.Provider));
        Assert.Null(await stack.Store.GetAsync("second", Cancellation));
    }

    [Fact]
    public async Task ConnectAsync_BusinessNotInTheGrant_Throws()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var grant = await GrantAsync(stack);

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(
            () => stack.Connector.ConnectAsync("x", grant, new FreshBooksBusiness("Other", "owner", "ZZZ", "1"), Cancellation));

        Assert.Equal(("business", "UnknownBusiness"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
        Assert.Null(await stack.Store.GetAsync("x", Cancellation));
    }

    [Fact]
    public async Task ExchangeCodeAsync_UsersMeFailsOnce_IsRetriedLikeAnyGet()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        _sandbox.Faults.AddServerError(503, MePath, times: 1);

        var grant = await GrantAsync(stack);

        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
        Assert.Equal([503, 200], _sandbox.Requests.Where(r => r.Path == MePath).Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData("503")]
    [InlineData("drop")]
    [InlineData("malformed")]
    public async Task ExchangeCodeAsync_UsersMeKeepsFailing_KeepsTheGrantSoTheBusinessesCanBeReadAgainWithoutConsent(string fault)
    {
        await using var stack = new ConnectionsStack(_sandbox, configure: o => o.MaxRetries = 1);
        var request = stack.Connector.CreateAuthorizationRequest();
        var code = ParseQuery(await ConsentAsync(request.AuthorizationUrl))["code"];
        _sandbox.Faults.Add(Sandbox.Faults.FaultRule.Parse(fault + "@" + MePath));

        var failed = await Assert.ThrowsAsync<FreshBooksIdentityUnavailableException>(() => stack.Connector.ExchangeCodeAsync(code, Cancellation));
        var unconnectable = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            stack.Connector.ConnectAsync("too-soon", failed.Grant, new FreshBooksBusiness("Any", "owner", "A1", "1"), Cancellation));
        _sandbox.Faults.Clear();
        var grant = await stack.Connector.ListBusinessesAsync(failed.Grant, Cancellation);
        var reused = await Assert.ThrowsAsync<LedgerValidationException>(() => stack.Connector.ListBusinessesAsync(failed.Grant, Cancellation));
        await stack.Connector.ConnectAsync("after-retry", grant, grant.Businesses[0], Cancellation);
        using var me = await stack.GetMeAsync("after-retry", cancellationToken: Cancellation);

        Assert.Equal("FreshBooks", failed.Provider);
        Assert.IsType(fault == "malformed" ? typeof(InvalidProviderResponseException) : typeof(ProviderUnavailableException), failed.InnerException);
        Assert.Equal((string.Empty, 0), (failed.Grant.IdentityId, failed.Grant.Businesses.Count));
        Assert.Contains("ListBusinessesAsync", failed.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { failed.Grant.Tokens.AccessToken, failed.Grant.Tokens.RefreshToken })
        {
            Assert.DoesNotContain(secret, failed.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, failed.Grant.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, unconnectable.Message + reused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);
        Assert.Equal(_sandbox.Data.Identity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), grant.IdentityId);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Null(await stack.Store.GetAsync("too-soon", Cancellation));
        Assert.Equal(1, _sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task ConnectAsync_ConnectionNeedingReauthorization_IsActiveAgain()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var old = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-7", DateTimeOffset.UtcNow.AddHours(1));
        await stack.Store.TryUpdateAsync(old with { Status = ConnectionStatus.ReauthorizationRequired }, old.Version, Cancellation);
        var grant = await GrantAsync(stack);

        await stack.Connector.ConnectAsync("tenant-7", grant, grant.Businesses[0], Cancellation);
        using var me = await stack.GetMeAsync("tenant-7", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(ConnectionStatus.Active, (await stack.Store.GetAsync("tenant-7", Cancellation))!.Status);
    }

    [Fact]
    public async Task ExchangeCodeAsync_UnknownCode_ThrowsWithTheProviderCode()
    {
        await using var stack = new ConnectionsStack(_sandbox);

        var error = await Assert.ThrowsAsync<AuthorizationCodeRefusedException>(() => stack.Connector.ExchangeCodeAsync("not-a-code", Cancellation));

        Assert.Equal("invalid_grant", error.ProviderCode);
        Assert.Contains("authorization code", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.StatusCode);
        Assert.DoesNotContain(_sandbox.Options.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeUsedTwice_SecondFails()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var request = stack.Connector.CreateAuthorizationRequest();
        var code = ParseQuery(await ConsentAsync(request.AuthorizationUrl))["code"];
        await stack.Connector.ExchangeCodeAsync(code, Cancellation);

        await Assert.ThrowsAsync<AuthorizationCodeRefusedException>(() => stack.Connector.ExchangeCodeAsync(code, Cancellation));
    }

    [Fact]
    public async Task AuthorizationRequest_RestoredFromItsStoredValues_ChecksTheSameState()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var original = stack.Connector.CreateAuthorizationRequest();
        var other = stack.Connector.CreateAuthorizationRequest();

        var restored = FreshBooksAuthorizationRequest.Restore(new Uri(original.AuthorizationUrl.AbsoluteUri), original.State, [.. original.Scopes]);

        Assert.Equal((original.AuthorizationUrl, original.State), (restored.AuthorizationUrl, restored.State));
        Assert.Equal(original.Scopes, restored.Scopes);
        Assert.True(restored.IsExpectedState(original.State));
        var mismatched = Assert.Throws<LedgerValidationException>(() => FreshBooksAuthorizationRequest.Restore(original.AuthorizationUrl, other.State, original.Scopes));
        var missing = Assert.Throws<LedgerValidationException>(() => FreshBooksAuthorizationRequest.Restore(original.AuthorizationUrl, " ", original.Scopes));
        Assert.Equal(("authorizationUrl", "MismatchedRequest"), (Assert.Single(mismatched.Errors).Field, mismatched.Errors[0].Code));
        Assert.Equal(("state", "Required"), (Assert.Single(missing.Errors).Field, missing.Errors[0].Code));
    }

    [Fact]
    public async Task ToString_Grant_ShowsNoToken()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var grant = await GrantAsync(stack);
        await stack.Connector.ConnectAsync("tenant-7", grant, grant.Businesses[0], Cancellation);
        var tokens = (await stack.Store.GetAsync("tenant-7", Cancellation))!.Tokens!;

        var text = grant + " " + (await stack.Store.GetAsync("tenant-7", Cancellation));

        Assert.DoesNotContain(tokens.AccessToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisconnectAsync_StoredConnection_RevokesTheGrantAndDeletesIt()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", DateTimeOffset.UtcNow.AddHours(1));

        var disconnected = await stack.Connector.DisconnectAsync("tenant-a", Cancellation);
        using var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        using var me = new HttpRequestMessage(HttpMethod.Get, "auth/api/v1/users/me");
        me.Headers.Authorization = new("Bearer", seeded.Tokens!.AccessToken);
        using var answer = await http.SendAsync(me, Cancellation);

        Assert.True(disconnected);
        Assert.Null(await stack.Store.GetAsync("tenant-a", Cancellation));
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.False(await stack.Connector.DisconnectAsync("tenant-a", Cancellation));
    }

    [Fact]
    public async Task ExchangeCodeAsync_TokenEndpointSilentPastTokenRequestTimeout_ProviderUnavailableNotAHang()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var stack = new ConnectionsStack(_sandbox, clock, configure: o => o.TokenRequestTimeout = TimeSpan.FromSeconds(30));
        var request = stack.Connector.CreateAuthorizationRequest();
        var code = ParseQuery(await ConsentAsync(request.AuthorizationUrl))["code"];
        _sandbox.Faults.AddLatency(TimeSpan.FromMinutes(10), "/auth/oauth/token");

        var failure = await Tests.Support.ClockSteps.FailureAsClockPassesAsync(clock, t => stack.Connector.ExchangeCodeAsync(code, t), Cancellation);

        var unavailable = Assert.IsType<ProviderUnavailableException>(failure);
        Assert.Contains("timed out", unavailable.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(code, unavailable.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<FreshBooksGrant> GrantAsync(ConnectionsStack stack)
    {
        var request = stack.Connector.CreateAuthorizationRequest();
        var code = ParseQuery(await ConsentAsync(request.AuthorizationUrl))["code"];
        return await stack.Connector.ExchangeCodeAsync(code, Cancellation);
    }

    /// <summary>Plays the user: opens the consent page, then allows, and returns where FreshBooks redirects.</summary>
    internal static async Task<Uri> ConsentAsync(Uri authorizationUrl)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        using var page = await browser.GetAsync(authorizationUrl, Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("decision", await page.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);

        var fields = ParseQuery(authorizationUrl);
        fields["decision"] = "allow";
        using var form = new FormUrlEncodedContent(fields);
        using var answer = await browser.PostAsync(new Uri(authorizationUrl.GetLeftPart(UriPartial.Path)), form, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    internal static Dictionary<string, string> ParseQuery(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty, StringComparer.Ordinal);
}
