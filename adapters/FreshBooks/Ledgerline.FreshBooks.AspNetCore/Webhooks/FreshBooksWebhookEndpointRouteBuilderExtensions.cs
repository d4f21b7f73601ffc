using System.Diagnostics.CodeAnalysis;
using Ledgerline;
using Ledgerline.FreshBooks.AspNetCore.Webhooks;
using Ledgerline.FreshBooks.Webhooks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the FreshBooks webhook endpoint.</summary>
public static class FreshBooksWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> as FreshBooks' webhook receiver. Every authentic notice becomes a
    /// <see cref="LedgerChange"/> handed to each <see cref="ILedgerChangeHandler"/> registered in dependency injection
    /// (resolved per request). Verification notices are completed with FreshBooks automatically when the account's
    /// connection is known, else handed to <see cref="IFreshBooksWebhookVerificationHandler"/> if registered. Answers:
    /// 200 handled, 202 verification handed over, 400 malformed, 401 bad or missing signature, 500 a handler failed
    /// (FreshBooks delivers again), 503 FreshBooks could not be reached to complete a verification.
    /// </summary>
    /// <exception cref="InvalidOperationException">Ledgerline's FreshBooks webhook services or a change handler are not registered.</exception>
    public static IEndpointConventionBuilder MapFreshBooksWebhooks(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var isService = endpoints.ServiceProvider.GetService<IServiceProviderIsService>();
        if (isService is not null && !isService.IsService(typeof(ILedgerChangeHandler)))
        {
            throw new InvalidOperationException(
                "No ILedgerChangeHandler is registered. Register one (services.AddSingleton<ILedgerChangeHandler, MyHandler>()) " +
                "or pass a delegate: MapFreshBooksWebhooks(pattern, (change, cancellationToken) => …).");
        }

        return Map(endpoints, pattern, handler: null);
    }

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> as FreshBooks' webhook receiver and hands every authentic notice to
    /// <paramref name="handler"/> (instead of the registered <see cref="ILedgerChangeHandler"/>s). Otherwise as
    /// <see cref="MapFreshBooksWebhooks(IEndpointRouteBuilder, string)"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapFreshBooksWebhooks(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Func<LedgerChange, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, handler);
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, Func<LedgerChange, CancellationToken, Task>? handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (endpoints.ServiceProvider.GetService<IFreshBooksWebhookReceiver>() is null)
        {
            throw new InvalidOperationException(
                "Ledgerline's FreshBooks webhook services are not registered. Call services.AddLedgerline().AddFreshBooks(…) " +
                "or services.AddLedgerline().AddFreshBooksWebhooks().");
        }

        var endpoint = new FreshBooksWebhookEndpoint(handler);
        return endpoints.MapPost(pattern, endpoint.HandleAsync)
            .WithDisplayName("FreshBooks webhooks")
            .DisableAntiforgery();
    }
}
