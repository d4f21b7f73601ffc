namespace Ledgerline.FreshBooks.Tests.Support;

/// <summary>One sandbox and adapter per test class (xunit class fixture).</summary>
public sealed class SandboxClassFixture : IAsyncLifetime
{
    private SandboxLedgerFixture? _fixture;

    public SandboxLedgerFixture Ledgers => _fixture ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _fixture = await SandboxLedgerFixture.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }
}
