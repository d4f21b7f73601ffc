namespace Ledgerline.Xero.Tests.Stores;

/// <summary>
/// The windows planned for the Projects API (<see cref="PageWindows.Next"/> with up to 500 a page): each starts at or
/// before the last record read, and a <c>ListPageAsync</c> page (at most <see cref="RecordQuery.MaxPageSize"/>) is always
/// filled while the listing has the records.
/// </summary>
public sealed class ProjectsPageWindowsTests
{
    private const int ProjectsMax = 500;

    [Fact]
    public void Next_AfterAFullFirstPage_Page2At499()
    {
        Assert.Equal(new PageWindow(2, 499), PageWindows.Next(500, 1001, ProjectsMax, ProjectsMax));
        Assert.Equal(new PageWindow(167, 6), PageWindows.Next(998, 1001, ProjectsMax, ProjectsMax));
    }

    [Fact]
    public void Next_AnyPositionAndCursorPageSize_OverlapsTheLastRecordAndFillsThePage()
    {
        foreach (var pageSize in new[] { 1, 2, 3, 7, 50, 99, 100 })
        {
            for (var read = 1; read < 3000; read += read < 200 ? 1 : 37)
            {
                var total = read + 250;
                var window = PageWindows.Next(read, total, pageSize, ProjectsMax);
                Assert.InRange(window.PerPage, 1, ProjectsMax);
                Assert.True(window.Start <= read - 1, $"read {read}, page size {pageSize}: {window} starts after the last record read");
                Assert.True(Math.Min(window.End, total) - read >= pageSize, $"read {read}, page size {pageSize}: {window} adds fewer than {pageSize}");
            }
        }
    }

    [Fact]
    public void Next_DefaultMax_Is100AsForFreshBooks()
    {
        Assert.Equal(PageWindows.Next(100, 10_003, 100), PageWindows.Next(100, 10_003, 100, PageWindows.MaxPerPage));
        Assert.Equal(new PageWindow(2, 99), PageWindows.Next(100, 10_003, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageWindows.Next(100, 10_003, 101));
    }
}
