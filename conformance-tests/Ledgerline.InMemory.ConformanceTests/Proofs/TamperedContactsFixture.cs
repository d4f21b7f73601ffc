using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.InMemory.ConformanceTests.Proofs;

/// <summary>
/// InMemory with one behaviour deliberately broken: every contact query is rewritten by <paramref name="tamper"/> before it
/// reaches the provider (e.g. dropping UpdatedSince). Used only to prove that the suite notices.
/// </summary>
internal sealed class TamperedContactsFixture(Func<ContactQuery, ContactQuery> tamper) : InMemoryConformanceFixture
{
    public override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddLedgerline().UseStoreMiddleware(new TamperingMiddleware(tamper));
    }

    private sealed class TamperingMiddleware(Func<ContactQuery, ContactQuery> tamper) : StoreMiddleware
    {
        public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken) =>
            base.InvokeAsync(Tamper(request), next, cancellationToken);

        public override IAsyncEnumerable<LedgerRecord> ListAsync(StoreRequest request, StoreListHandler next, CancellationToken cancellationToken) =>
            base.ListAsync(Tamper(request), next, cancellationToken);

        private StoreRequest Tamper(StoreRequest request) =>
            request.Query is ContactQuery query ? request with { Query = tamper(query) } : request;
    }
}
