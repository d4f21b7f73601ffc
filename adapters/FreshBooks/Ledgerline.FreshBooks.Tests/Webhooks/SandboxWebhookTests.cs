using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Sandbox.Webhooks;
using Ledgerline.FreshBooks.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Webhooks;

/// <summary>
/// Subscriptions against the sandbox and deliveries end to end: a change made over FreshBooks' API becomes a signed
/// delivery from the sandbox and a canonical change in the receiving app, all over loopback.
/// </summary>
public sealed class SandboxWebhookTests : IAsyncLifetime
{
    private const string ConnectionId = "conn-1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private FreshBooksSandbox _sandbox = null!;
    private ReceiverApp _app = null!;
    private SandboxTokens _tokens = null!;

    private string AccountId => _sandbox.Data.PrimaryBusiness.AccountId;

    private IFreshBooksWebhookSubscriptions Subscriptions => _app.Services.GetRequiredService<IFreshBooksWebhookSubscriptions>();

    public async ValueTask InitializeAsync()
    {
        _sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        _tokens = _sandbox.IssueTokens();
        var store = new InMemoryConnectionStore();
        await store.SaveAsync(new LedgerConnection
        {
            Id = ConnectionId,
            Provider = "FreshBooks",
            Tokens = new ConnectionTokens(_tokens.AccessToken, _tokens.RefreshToken, _tokens.ExpiresAt),
            Properties = new Dictionary<string, string>
            {
                ["freshbooks.account_id"] = AccountId,
                ["freshbooks.business_id"] = _sandbox.Data.PrimaryBusiness.BusinessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        }, TestContext.Current.CancellationToken);
        _app = await ReceiverApp.StartAsync(
            services: s =>
            {
                s.AddSingleton<IConnectionStore>(store);
                s.Configure<FreshBooksOptions>(o =>
                {
                    o.ApiBaseUrl = _sandbox.BaseAddress;
                    o.AuthBaseUrl = _sandbox.BaseAddress;
                    o.ClientId = _sandbox.Options.ClientId;
                    o.ClientSecret = _sandbox.Options.ClientSecret;
                });
            },
            seed: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task ListAsync_150Callbacks_EveryOneOnceWithTheSecondRequestOverlappingTheFirst()
    {
        var created = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            // Nothing listens there: the verification notices fail, the callbacks stay unverified, which listing ignores.
            created.Add((await Subscriptions.SubscribeAsync(
                ConnectionId, new LedgerChangeTopic(EntityKind.Contact), new Uri($"http://127.0.0.1:9/hook/{i}"), TestContext.Current.CancellationToken)).Id);
        }

        _sandbox.ClearRequests();

        var listed = await Subscriptions.ListAsync(ConnectionId, TestContext.Current.CancellationToken);

        var requests = _sandbox.Requests.Where(r => r.Path.EndsWith("/events/callbacks", StringComparison.Ordinal) && r.Method == "GET").ToArray();
        Assert.Equal(created, listed.Select(c => c.Id));
        Assert.Equal(2, requests.Length);
        Assert.Contains("page=1&per_page=100", requests[0].Query, StringComparison.Ordinal);
        Assert.Contains("page=2&per_page=99", requests[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribeAsync_Sandbox_VerificationCompletesByItselfAndTheCallbackIsLive()
    {
        var callback = await Subscriptions.SubscribeAsync(ConnectionId, new LedgerChangeTopic(EntityKind.Contact), _app.Url, TestContext.Current.CancellationToken);

        Assert.Equal("client", callback.EventName);
        Assert.Equal(new LedgerChangeTopic(EntityKind.Contact), callback.Topic);
        var verification = await VerificationDeliveredAsync(callback.Id);
        Assert.Equal([200], verification.StatusCodes);
        var listed = Assert.Single(await Subscriptions.ListAsync(ConnectionId, TestContext.Current.CancellationToken));
        Assert.True(listed.Verified);
        var secret = await _app.Services.GetRequiredService<IWebhookSecretStore>().GetAsync(callback.Id, TestContext.Current.CancellationToken);
        Assert.Equal((AccountId, ConnectionId, "client"), (secret!.AccountId, secret.ConnectionId, secret.EventName));
        Assert.NotNull(secret.Verifier);
    }

    [Fact]
    public async Task Delivery_ClientCreatedThroughTheApi_BecomesACanonicalChangeInTheReceiver()
    {
        var callback = await Subscriptions.SubscribeAsync(ConnectionId, new LedgerChangeTopic(EntityKind.Contact, ChangeKind.Created), _app.Url, TestContext.Current.CancellationToken);
        await VerificationDeliveredAsync(callback.Id);

        var clientId = await CreateClientAsync("Ada Lovelace Ltd");

        var change = await ChangeAsync(c => c.EntityId == clientId);
        Assert.Equal((EntityKind.Contact, ChangeKind.Created, "client.create"), (change.Entity, change.Kind, change.EventName));
        Assert.Equal((AccountId, ConnectionId), (change.AccountId, change.ConnectionId));
        Assert.Equal($"FreshBooks:{AccountId}:client.create:{clientId}", change.DedupeKey);
        var delivery = _sandbox.Webhooks.Deliveries.Single(d => !d.IsVerification && d.ObjectId.ToString(System.Globalization.CultureInfo.InvariantCulture) == clientId);
        await delivery.WhenCompleted.WaitAsync(Wait, TestContext.Current.CancellationToken);
        Assert.Equal([200], delivery.StatusCodes);
    }

    [Fact]
    public async Task Delivery_TaxCreatedThroughTheApi_BecomesATaxRateChange()
    {
        var callback = await Subscriptions.SubscribeAsync(ConnectionId, new LedgerChangeTopic(EntityKind.TaxRate), _app.Url, TestContext.Current.CancellationToken);
        await VerificationDeliveredAsync(callback.Id);

        using var http = ApiClient();
        using var response = await http.PostAsJsonAsync(
            $"accounting/account/{AccountId}/taxes/taxes", new { tax = new { name = "HST", amount = "13" } }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var taxId = json.RootElement.GetProperty("response").GetProperty("result").GetProperty("tax").GetProperty("id").GetRawText();

        var change = await ChangeAsync(c => c.EntityId == taxId);
        Assert.Equal((EntityKind.TaxRate, ChangeKind.Created, "tax.create"), (change.Entity, change.Kind, change.EventName));
    }

    [Fact]
    public async Task Delivery_SubscribedToOneChangeKind_OtherKindsAreNotDelivered()
    {
        var callback = await Subscriptions.SubscribeAsync(ConnectionId, new LedgerChangeTopic(EntityKind.Contact, ChangeKind.Updated), _app.Url, TestContext.Current.CancellationToken);
        await VerificationDeliveredAsync(callback.Id);

        var clientId = await CreateClientAsync("Grace Hopper Inc");
        await UpdateClientAsync(clientId, "Grace Hopper Corp");

        var change = await ChangeAsync(c => c.EntityId == clientId);
        Assert.Equal(ChangeKind.Updated, change.Kind);
        Assert.DoesNotContain(_app.Handler.Changes, c => c.Kind == ChangeKind.Created);
    }

    [Fact]
    public async Task Delivery_SignedWithAnotherVerifier_IsRefusedWith401()
    {
        var callback = await Subscriptions.SubscribeAsync(ConnectionId, new LedgerChangeTopic(EntityKind.Contact), _app.Url, TestContext.Current.CancellationToken);
        await VerificationDeliveredAsync(callback.Id);

        // A forged notice, signed the right way but with a key that is not the callback's verifier.
        var fields = FreshBooksWebhookSignatureTests.Pairs(["name", "client.delete", "object_id", "1", "account_id", AccountId]);
        using var response = await _app.PostAsync(
            $"name=client.delete&object_id=1&account_id={AccountId}", FreshBooksWebhookSignature.Compute("guessed", fields));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_app.Handler.Changes);
    }

    [Fact]
    public async Task Verification_ForgedVerifierForARealCallback_IsRefusedAndNothingIsStored()
    {
        var callback = await Subscriptions.SubscribeAsync(ConnectionId, new LedgerChangeTopic(EntityKind.Invoice), _app.Url, TestContext.Current.CancellationToken);
        await VerificationDeliveredAsync(callback.Id);
        var secrets = _app.Services.GetRequiredService<IWebhookSecretStore>();
        var genuine = (await secrets.GetAsync(callback.Id, TestContext.Current.CancellationToken))!.Verifier;

        using var response = await _app.PostAsync($"name=callback.verify&object_id={callback.Id}&verifier=forged&account_id={AccountId}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(genuine, (await secrets.GetAsync(callback.Id, TestContext.Current.CancellationToken))!.Verifier);
    }

    [Fact]
    public async Task ResendVerificationAsync_Sandbox_PostsTheVerificationAgain()
    {
        var callback = await Subscriptions.SubscribeAsync(ConnectionId, new LedgerChangeTopic(EntityKind.Payment), _app.Url, TestContext.Current.CancellationToken);
        await VerificationDeliveredAsync(callback.Id);

        await Subscriptions.ResendVerificationAsync(ConnectionId, callback.Id, TestContext.Current.CancellationToken);

        await WaitUntilAsync(() => _sandbox.Webhooks.Deliveries.Count(d => d.IsVerification && Id(d) == callback.Id) == 2);
    }

    [Fact]
    public async Task DeleteAsync_Sandbox_RemovesTheCallbackAndForgetsItsVerifier()
    {
        var callback = await Subscriptions.SubscribeAsync(ConnectionId, new LedgerChangeTopic(EntityKind.Expense), _app.Url, TestContext.Current.CancellationToken);
        await VerificationDeliveredAsync(callback.Id);

        await Subscriptions.DeleteAsync(ConnectionId, callback.Id, TestContext.Current.CancellationToken);

        Assert.Empty(await Subscriptions.ListAsync(ConnectionId, TestContext.Current.CancellationToken));
        Assert.Null(await _app.Services.GetRequiredService<IWebhookSecretStore>().GetAsync(callback.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task VerifyAsync_WrongVerifier_IsAValidationErrorFromFreshBooks()
    {
        var callback = await Subscriptions.SubscribeAsync(
            ConnectionId, new LedgerChangeTopic(EntityKind.TimeEntry), new Uri("http://127.0.0.1:9/unused"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Subscriptions.VerifyAsync(ConnectionId, callback.Id, "wrong", TestContext.Current.CancellationToken));

        Assert.Equal("FreshBooks", error.Provider);
        Assert.Contains(error.Errors, e => e.Field == "verifier");
    }

    [Fact]
    public async Task DeleteAsync_UnknownCallback_IsAProviderErrorWith404()
    {
        var error = await Assert.ThrowsAsync<LedgerlineException>(
            () => Subscriptions.DeleteAsync(ConnectionId, "987654", TestContext.Current.CancellationToken));

        Assert.Equal(404, error.StatusCode);
    }

    private static string Id(WebhookDelivery d) => d.ObjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<WebhookDelivery> VerificationDeliveredAsync(string callbackId)
    {
        var delivery = await _sandbox.Webhooks.WaitForDeliveryAsync(d => d.IsVerification && Id(d) == callbackId, Wait, TestContext.Current.CancellationToken);
        await delivery.WhenCompleted.WaitAsync(Wait, TestContext.Current.CancellationToken);
        Assert.True(delivery.Succeeded, $"verification delivery answered {string.Join(",", delivery.StatusCodes)}");
        await WaitUntilAsync(async () => (await _app.Services.GetRequiredService<IWebhookSecretStore>().GetAsync(callbackId))?.Verifier is not null);
        return delivery;
    }

    private async Task<LedgerChange> ChangeAsync(Func<LedgerChange, bool> predicate)
    {
        await WaitUntilAsync(() => _app.Handler.Changes.Any(predicate));
        return _app.Handler.Changes.First(predicate);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the condition.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private async Task<string> CreateClientAsync(string organization)
    {
        using var http = ApiClient();
        using var response = await http.PostAsJsonAsync(
            $"accounting/account/{AccountId}/users/clients",
            new { client = new { organization, email = "billing@example.test" } },
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var client = json.RootElement.GetProperty("response").GetProperty("result").GetProperty("client");
        return client.GetProperty("id").GetRawText().Trim('"');
    }

    private async Task UpdateClientAsync(string clientId, string organization)
    {
        using var http = ApiClient();
        using var response = await http.PutAsJsonAsync(
            $"accounting/account/{AccountId}/users/clients/{clientId}",
            new { client = new { organization } },
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private HttpClient ApiClient()
    {
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = _sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.AccessToken);
        return http;
    }
}
