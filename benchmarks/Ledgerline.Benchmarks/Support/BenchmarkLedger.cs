using Ledgerline.Connections;
using Ledgerline.FreshBooks;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Ledgerline.Benchmarks.Support;

/// <summary>
/// Builds an app's service provider the way an app does (<c>AddLedgerline().AddFreshBooks(…)</c>) and stores one
/// connection pinned to a FreshBooks account, with tokens valid for hours so no refresh happens while measuring.
/// </summary>
internal static class BenchmarkLedger
{
    /// <summary>The connection id used by the injected default ledger.</summary>
    public const string ConnectionId = "bench";

    /// <summary>
    /// The provider. <paramref name="primaryHandler"/> replaces the socket handler of every client (in-memory runs);
    /// <paramref name="configure"/> adjusts the adapter options after the defaults below.
    /// </summary>
    public static ServiceProvider Build(Uri apiBaseUrl, Func<HttpMessageHandler>? primaryHandler = null, Action<FreshBooksOptions>? configure = null)
    {
        var services = new ServiceCollection();
        if (primaryHandler is not null)
        {
            // Post-configured so it runs after every client's own handler setup (Refit's included) and always wins.
            services.PostConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = primaryHandler()));
        }

        services.AddLedgerline(o => o.DefaultConnectionId = ConnectionId).AddFreshBooks(o =>
        {
            o.ClientId = "ledgerline-sandbox";
            o.ClientSecret = "ledgerline-sandbox-secret";
            o.RedirectUri = new Uri("http://127.0.0.1/callback");
            o.ApiBaseUrl = apiBaseUrl;
            o.AuthBaseUrl = apiBaseUrl;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Stores the benchmark connection with the given tokens, pinned to <paramref name="accountId"/>.</summary>
    public static async Task ConnectAsync(
        IServiceProvider services, string accountId, int businessId, string accessToken, string refreshToken, DateTimeOffset expiresAt)
    {
        var store = services.GetRequiredService<IConnectionStore>();
        await store.SaveAsync(new LedgerConnection
        {
            Id = ConnectionId,
            Provider = FreshBooksRequest.ProviderName,
            Tokens = new ConnectionTokens(accessToken, refreshToken, expiresAt),
            Properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FreshBooksRequest.AccountIdProperty] = accountId,
                [FreshBooksRequest.BusinessIdProperty] = businessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });
    }
}
