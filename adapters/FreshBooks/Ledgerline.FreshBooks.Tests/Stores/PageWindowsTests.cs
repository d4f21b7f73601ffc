namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>The plan of overlapping windows, checked for every total a listing is likely to have.</summary>
public sealed class PageWindowsTests
{
    [Fact]
    public void After_EveryTotalUpTo20000_WindowsOverlapByOneOrMoreAndEndAtTotal()
    {
        var worstExtra = 0;
        for (var total = 0; total <= 20_000; total++)
        {
            var read = Math.Min(100, total);
            var requests = 1;
            foreach (var window in PageWindows.After(100, total))
            {
                requests++;
                Assert.InRange(window.PerPage, 1, PageWindows.MaxPerPage);
                Assert.True(window.Start <= read - 1, $"total {total}: {window} does not reach back to offset {read - 1}");
                Assert.True(window.End > read, $"total {total}: {window} adds nothing after {read}");
                read = (int)Math.Min(window.End, total);
            }

            Assert.Equal(total, read);
            var today = Math.Max(1, (total + 99) / 100);
            Assert.InRange(requests, today, today + (today / 7) + 1);
            worstExtra = Math.Max(worstExtra, requests - today);
        }

        Assert.Equal(28, worstExtra);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(199, 3)]
    [InlineData(200, 3)]
    [InlineData(1_000, 11)]
    [InlineData(10_003, 114)]
    [InlineData(20_000, 228)]
    public void After_Total_RequestCount(int total, int requests) =>
        Assert.Equal(requests, 1 + PageWindows.After(100, total).Count());

    [Fact]
    public void After_AHundredRead_SecondWindowIsPage2At99()
    {
        Assert.Equal(new PageWindow(2, 99), PageWindows.After(100, 10_003).First());
        Assert.Equal(new PageWindow(2, 99), PageWindows.After(100, 198).Single());
    }

    [Fact]
    public void Next_EveryPageSizeAndPosition_AddsAtLeastOneRecordAndOverlaps()
    {
        for (var pageSize = 1; pageSize <= 100; pageSize++)
        {
            for (var read = 1; read <= 1_500; read++)
            {
                foreach (var total in new[] { read + 1, read + 2, read + 57, int.MaxValue })
                {
                    var window = PageWindows.Next(read, total, pageSize);
                    var added = Math.Min(window.End, total) - read;
                    Assert.InRange(window.PerPage, 2, PageWindows.MaxPerPage);
                    Assert.True(window.Start <= read - 1 && added >= 1, $"read {read} of {total} at {pageSize}: {window}");
                }
            }
        }
    }

    [Fact]
    public void Next_NearIntMaxValue_NoOverflow()
    {
        var window = PageWindows.Next(int.MaxValue - 1, int.MaxValue, 100);

        Assert.True(window.Start <= int.MaxValue - 2);
        Assert.True(window.End >= int.MaxValue);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    public void Next_NothingLeftToRead_Throws(int read, int total) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PageWindows.Next(read, total, 100));
}
