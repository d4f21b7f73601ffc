using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Projects;

/// <summary>
/// The Projects API pages exactly as asked, at every page size it accepts: page k at p a page holds the listing's
/// records [(k − 1)p, kp) in order, with <c>pagination</c> naming that page and size and the whole listing's count. The
/// Xero adapter's overlapping windows rely on it (any size from 1 to 500, not only 50 or 500).
/// </summary>
public sealed class ProjectsPagingTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private const int Seeded = 1001;

    [Fact]
    public async Task ListProjects_EveryPageSizeFrom1To500_HoldsExactlyTheRecordsOfItsOffsets()
    {
        // A contact of their own: the listing filtered by it holds exactly the seeded projects, whatever else the books hold.
        var contact = Guid.NewGuid();
        var all = f.Sandbox.SeedProjects(f.Sandbox.PrimaryTenant.TenantId, contact, Seeded).Select(id => id.ToString()).ToList();

        for (var size = 1; size <= 500; size++)
        {
            var last = (Seeded + size - 1) / size;
            foreach (var page in new[] { 1, 2, (Seeded / 2 / size) + 1, last })
            {
                var answer = (await f.GetAsync(SandboxFixture.Projects($"Projects?contactID={contact}&page={page}&pageSize={size}"))).Body;
                var pagination = answer["pagination"]!;
                Assert.Equal((page, size, last, Seeded), (pagination["page"]!.GetValue<int>(), pagination["pageSize"]!.GetValue<int>(),
                    pagination["pageCount"]!.GetValue<int>(), pagination["itemCount"]!.GetValue<int>()));
                Assert.Equal(all.Skip((page - 1) * size).Take(size), answer["items"]!.AsArray().Select(p => p!["projectId"]!.GetValue<string>()));
            }
        }
    }
}
