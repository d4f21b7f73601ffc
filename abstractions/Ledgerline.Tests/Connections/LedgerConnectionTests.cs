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

    [Fact]
    public void ToString_ScopesAndProperties_ShowsScopeNamesAndPropertyNamesOnly()
    {
        var connection = new LedgerConnection
        {
            Id = "tenant-1",
            Provider = "Xero",
            Scopes = new HashSet<string>(["offline_access", "accounting.contacts"], StringComparer.Ordinal),
            Properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["tenant_id"] = "value-KEPT-OUT" },
        };

        var text = connection.ToString();

        Assert.Contains("Scopes = [accounting.contacts, offline_access]", text, StringComparison.Ordinal);
        Assert.Contains("Properties = [tenant_id]", text, StringComparison.Ordinal);
        Assert.Contains("Tokens = null", text, StringComparison.Ordinal);
        Assert.DoesNotContain("value-KEPT-OUT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
    }
}
