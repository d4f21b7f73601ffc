using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.Mapping;
using Ledgerline.FreshBooks.Connections;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>Everything the stores of one ledger share: the connection, the HTTP clients and the settings.</summary>
internal sealed class FreshBooksLedgerContext(
    FreshBooksConnectionContext connection,
    IFreshBooksAccountingApi accounting,
    IFreshBooksTimeTrackingApi timeTracking,
    IFreshBooksProjectsApi projects,
    IFreshBooksIdentityApi identity,
    FreshBooksHttp http,
    FreshBooksOptions options,
    LedgerMapper<FreshBooksMapping> mapping)
{
    public FreshBooksConnectionContext Connection { get; } = connection;

    public string ConnectionId => Connection.ConnectionId;

    public IFreshBooksAccountingApi Accounting { get; } = accounting;

    public IFreshBooksTimeTrackingApi TimeTracking { get; } = timeTracking;

    public IFreshBooksProjectsApi Projects { get; } = projects;

    public IFreshBooksIdentityApi Identity { get; } = identity;

    public FreshBooksHttp Http { get; } = http;

    public FreshBooksOptions Options { get; } = options;

    public LedgerMapper<FreshBooksMapping> Mapping { get; } = mapping;
}
