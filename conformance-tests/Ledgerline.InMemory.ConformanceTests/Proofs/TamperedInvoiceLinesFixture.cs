using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.InMemory.ConformanceTests.Proofs;

/// <summary>
/// InMemory with one behaviour deliberately broken: every invoice change's lines are rewritten by
/// <paramref name="tamper"/> before they reach the provider (e.g. line ids dropped, as an adapter that ignores them would).
/// Used only to prove that the suite notices.
/// </summary>
internal sealed class TamperedInvoiceLinesFixture(Func<NewInvoiceLine, NewInvoiceLine> tamper) : InMemoryConformanceFixture
{
    public override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddLedgerline().UseStoreMiddleware(new TamperingMiddleware(tamper));
    }

    private sealed class TamperingMiddleware(Func<NewInvoiceLine, NewInvoiceLine> tamper) : StoreMiddleware
    {
        public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken) =>
            base.InvokeAsync(
                request.Input is InvoiceChanges { Lines: { } lines } changes ? request with { Input = changes with { Lines = [.. lines.Select(tamper)] } } : request,
                next,
                cancellationToken);
    }
}
