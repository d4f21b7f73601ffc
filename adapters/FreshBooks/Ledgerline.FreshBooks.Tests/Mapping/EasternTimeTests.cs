using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Tests.Mapping;

public sealed class EasternTimeTests
{
    [Theory]
    [InlineData("2019-11-14 11:27:45", "2019-11-14T16:27:45Z")] // FreshBooks' own example (EST)
    [InlineData("2022-10-17 14:29:14", "2022-10-17T18:29:14Z")] // EDT
    [InlineData("2024-03-10 01:59:59", "2024-03-10T06:59:59Z")] // last second before spring forward (EST)
    [InlineData("2024-03-10 02:00:00", "2024-03-10T07:00:00Z")] // skipped hour: pre-jump offset, same as 03:00 EDT
    [InlineData("2024-03-10 02:30:00", "2024-03-10T07:30:00Z")] // skipped hour
    [InlineData("2024-03-10 03:00:00", "2024-03-10T07:00:00Z")] // first EDT minute
    [InlineData("2024-11-03 00:59:59", "2024-11-03T04:59:59Z")] // before fall back (EDT)
    [InlineData("2024-11-03 01:00:00", "2024-11-03T06:00:00Z")] // ambiguous: the later (EST) instant
    [InlineData("2024-11-03 01:30:00", "2024-11-03T06:30:00Z")] // ambiguous: the later (EST) instant
    [InlineData("2024-11-03 02:00:00", "2024-11-03T07:00:00Z")] // after fall back (EST)
    public void ParseToUtc_EasternWallClock_UtcByDocumentedPolicy(string eastern, string expectedUtc)
    {
        var utc = EasternTime.ParseToUtc(eastern);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(TimeSpan.Zero, utc!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024-13-45 99:00:00")]
    [InlineData("yesterday")]
    public void ParseToUtc_AbsentOrJunk_Null(string? text) => Assert.Null(EasternTime.ParseToUtc(text));

    [Fact]
    public void DateOf_InstantAfterEasternMidnightUtcNextDay_EasternCalendarDate()
    {
        // 2024-07-16T03:30Z is still July 15 in New York: the day FreshBooks' updated_min compares against.
        Assert.Equal(new DateOnly(2024, 7, 15), EasternTime.DateOf(new DateTimeOffset(2024, 7, 16, 3, 30, 0, TimeSpan.Zero)));
    }
}
