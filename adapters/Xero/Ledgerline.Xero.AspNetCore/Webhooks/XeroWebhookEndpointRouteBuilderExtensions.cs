using System.Diagnostics.CodeAnalysis;
using Ledgerline;
using Ledgerline.Xero.AspNetCore.Webhooks;
using Ledgerline.Xero.Webhooks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Xero webhook endpoint.</summary>
public static class XeroWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> as the app's Xero webhook (the URL configured in Xero's developer
    /// portal). Each request's <c>x-xero-signature</c> is checked over the raw body in constant time; every event of an
    /// authentic request becomes a <see cref="LedgerChange"/> per connection of its organisation, handed to each
    /// <see cref="ILedgerChangeHandler"/> registered in dependency injection (resolved per request), in order, before
    /// the answer; events with no canonical change go to <see cref="IXeroUnmappedWebhookEventHandler"/>s (or are logged).
    /// Answers: 200 with no body (handled, and intent to receive's correctly signed requests), 401 with no body (bad or
    /// missing signature), 400 malformed payload, 413 body over <see cref="XeroWebhookOptions.MaxBodyBytes"/>, 500 a
    /// handler failed and 503 the connections could not be read (Xero delivers the batch again after both). Xero wants
    /// an answer within 5 seconds: handlers should queue long work.
    /// </summary>
    /// <exception cref="InvalidOperationException">Ledgerline's Xero webhook services or a change handler are not registered.</exception>
    public static IEndpointConventionBuilder MapXeroWebhooks(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var isService = endpoints.ServiceProvider.GetService<IServiceProviderIsService>();
        if (isService is not null && !isService.IsService(typeof(ILedgerChangeHandler)))
        {
            throw new InvalidOperationException(
                "No ILedgerChangeHandler is registered. Register one (services.AddSingleton<ILedgerChangeHandler, MyHandler>()) " +
                "or pass a delegate: MapXeroWebhooks(pattern, (change, cancellationToken) => …).");
        }

        return Map(endpoints, pattern, handler: null);
    }

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> as the app's Xero webhook and hands every change to
    /// <paramref name="handler"/> (instead of the registered <see cref="ILedgerChangeHandler"/>s). Otherwise as
    /// <see cref="MapXeroWebhooks(IEndpointRouteBuilder, string)"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Ledgerline's Xero webhook services are not registered.</exception>
    public static IEndpointConventionBuilder MapXeroWebhooks(
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
        if (endpoints.ServiceProvider.GetService<IXeroWebhookReceiver>() is null)
        {
            throw new InvalidOperationException(
                "Ledgerline's Xero webhook services are not registered. Call services.AddLedgerline().AddXeroWebhooks(o => o.SigningKey = …).");
        }

        var endpoint = new XeroWebhookEndpoint(handler);
        return endpoints.MapPost(pattern, endpoint.HandleAsync)
            .WithDisplayName("Xero webhooks")
            .DisableAntiforgery();
    }
}
