namespace Ledgerline.Tests.Stores;

/// <summary>The query oracle for records whose provider keeps no change time (<see cref="LedgerRecord.UpdatedAt"/> null).</summary>
public sealed class RecordQueryMatchesTests
{
    private static readonly TaxRate Untimed = new() { Id = "OUTPUT2", UpdatedAt = null, Name = "15% GST on Income", Percent = 15m };

    [Fact]
    public void Matches_RecordWithoutUpdatedAt_NeverMatchesUpdatedSince()
    {
        var since = new TaxRateQuery { UpdatedSince = DateTimeOffset.UnixEpoch };

        Assert.False(since.Matches(Untimed));
    }

    [Fact]
    public void Matches_RecordWithoutUpdatedAt_MatchesEveryOtherFilter()
    {
        Assert.True(new TaxRateQuery().Matches(Untimed));
        Assert.True(new TaxRateQuery { NameContains = "gst" }.Matches(Untimed));
        Assert.False(new TaxRateQuery { NameContains = "vat" }.Matches(Untimed));
    }
}
