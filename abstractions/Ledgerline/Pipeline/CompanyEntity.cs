namespace Ledgerline.Pipeline;

/// <summary>
/// The connected business: read-only and without an id to ask for, so not an <see cref="ILedgerStore{TRecord, TDraft, TChanges, TQuery}"/>,
/// but behind the same pipeline (capabilities, telemetry, application middleware) as <see cref="StoreOperation.GetCompany"/>.
/// </summary>
internal sealed class CompanyEntity() : LedgerEntity(EntityKind.Company, typeof(ICompanyStore))
{
    public override EntityValidators ResolveValidators(IServiceProvider services) => new(null, null, null);

    public override object OpenStore(StoreScope scope, object? provider, IReadOnlyList<StoreMiddleware> middleware) =>
        new CompanyStore(scope, provider as ICompanyStore, middleware);

    private sealed class CompanyStore : ICompanyStore
    {
        private readonly StoreScope _scope;
        private readonly ICompanyStore? _provider;
        private readonly StoreRequestHandler _invoke;

        public CompanyStore(StoreScope scope, ICompanyStore? provider, IReadOnlyList<StoreMiddleware> middleware)
        {
            _scope = scope;
            _provider = provider;
            (_invoke, _) = StoreChain.Compose(middleware, ProviderBoundary.Guard(ProviderAsync), static (request, _) =>
                throw new InvalidOperationException($"{request.Entity} cannot be listed."));
        }

        public async Task<Company> GetAsync(CancellationToken cancellationToken = default)
        {
            var result = await _invoke(_scope.Request(StoreOperation.GetCompany), cancellationToken);
            return result as Company ?? throw new InvalidOperationException(
                $"A store middleware produced {(result is null ? "null" : result.GetType().Name)} where Company was expected.");
        }

        private async ValueTask<object?> ProviderAsync(StoreRequest request, CancellationToken cancellationToken) =>
            request.Operation == StoreOperation.GetCompany
                ? await (_provider ?? throw new OperationNotSupportedException(request.ProviderName, request.Entity, nameof(StoreOperations.Get))).GetAsync(cancellationToken)
                : throw new InvalidOperationException($"Company has no {request.Operation} operation.");
    }
}
