namespace Ledgerline.InMemory.Companies;

/// <summary>The connection's business as <see cref="InMemoryOptions.Company"/> describes it, with the connection id as its id.</summary>
internal sealed class InMemoryCompanyStore(InMemoryLedger ledger, Company company) : ICompanyStore
{
    public Task<Company> GetAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<Company>(cancellationToken)
            : Task.FromResult(company with { Id = ledger.ConnectionId });
}
