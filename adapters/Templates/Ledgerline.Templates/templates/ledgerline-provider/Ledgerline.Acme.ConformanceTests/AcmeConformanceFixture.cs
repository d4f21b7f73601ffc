using Ledgerline.ConformanceTests;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Acme.ConformanceTests;

/// <summary>
/// The seam between the conformance suite and Acme: how to register the provider, what it promises, and how to get a
/// fresh, empty, isolated ledger for each test. See PROVIDER-GUIDE.md, "Running the conformance suite".
/// </summary>
public sealed class AcmeConformanceFixture : LedgerConformanceFixture
{
    public override string ProviderName => "Acme";

    /// <summary>What Acme promises; the Registration suite checks the provider reports exactly this.</summary>
    public override LedgerCapabilities ExpectedCapabilities => AcmeCapabilities.Ledger;

    // TODO: point the provider at a local server that speaks Acme's API (a sandbox of your own, started in
    // InitializeAsync before the base builds the services), never at a real account. Nothing is sent to this address until
    // AcmeCapabilities declares a store.
    public override void AddProvider(LedgerlineBuilder builder) => builder.AddAcme(o =>
    {
        o.ClientId = "conformance";
        o.ClientSecret = "conformance-secret";
        o.ApiBaseUrl = new Uri("http://127.0.0.1:9/");
    });

    // TODO: each ledger must be empty and isolated. Provision an account on your sandbox and store its connection, e.g.
    //   var connection = new LedgerConnection { Id = id, Provider = ProviderName, Tokens = new ConnectionTokens(access, refresh, expiresAt) };
    //   await Services.GetRequiredService<IConnectionStore>().SaveAsync(connection, cancellationToken);
    //   (an override of CreateConnectionAsync; the default, a new id per ledger, is enough while no store is declared).
    //
    // TODO: when your sandbox has a clock you can move, override AdvanceClockAsync (the default waits in real time), and
    // override RequestCount to count the HTTP requests it received (the default counts calls that reached the provider).
}
