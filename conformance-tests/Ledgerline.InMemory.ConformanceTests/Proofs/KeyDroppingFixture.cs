using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.InMemory.ConformanceTests.Proofs;

/// <summary>
/// InMemory declaring idempotency keys but deliberately losing them before the provider sees them, as a provider would that
/// sent no key header: every create runs again. Used only to prove that the suite notices.
/// </summary>
internal sealed class KeyDroppingFixture : InMemoryConformanceFixture
{
    public override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddLedgerline().UseStoreMiddleware(new KeyDroppingMiddleware());
    }

    private sealed class KeyDroppingMiddleware : StoreMiddleware
    {
        public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken) =>
            base.InvokeAsync(request with { IdempotencyKey = null }, next, cancellationToken);
    }
}
