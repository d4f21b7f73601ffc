using Ledgerline.Connections;

namespace Ledgerline.Tests.Connections;

public sealed class LedgerConnectionTests
{
    [Fact]
    public void ToString_ConnectionWithTokens_ShowsNeitherToken()
    {
        var connection = new LedgerConnection
        {
            Id = "tenant-1",
            Provider = "FreshBooks",
            Tokens = new ConnectionTokens("access-SECRET-123", "refresh-SECRET-456", DateTimeOffset.UnixEpoch),
        };

        var text = connection.ToString();

        Assert.Contains("tenant-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("access-SECRET-123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-SECRET-456", text, StringComparison.Ordinal);
    }
}
