using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Projects;

public sealed class ProjectTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private string TimeEntries => $"timetracking/business/{f.BusinessId}/time_entries";

    private string Projects => $"projects/business/{f.BusinessId}";

    [Fact]
    public async Task TimeEntries_ListHasMetaAndUtcTimes()
    {
        var r = await f.GetAsync(TimeEntries);
        Assert.Equal(200, r.Status);
        var meta = r.Body["meta"]!;
        Assert.Equal(30, meta["per_page"]!.GetValue<int>());
        Assert.True(meta["total_logged"]!.GetValue<long>() >= 7200);
        var entry = r.Body["time_entries"]![0]!;
        Assert.EndsWith("Z", entry["started_at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", entry["started_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task TimeEntries_CreateFilterUpdateDelete()
    {
        var created = await f.PostAsync(TimeEntries, J.Wrap("time_entry", ("is_logged", true), ("duration", 1800), ("note", "Call"),
            ("started_at", "2024-05-02T15:00:00.000Z"), ("billable", false)));
        Assert.Equal(200, created.Status);
        var id = created.Body["time_entry"]!["id"]!.GetValue<int>();
        Assert.Equal("2024-05-02T15:00:00Z", created.Body["time_entry"]!["started_at"]!.GetValue<string>());

        var filtered = await f.GetAsync($"{TimeEntries}?billable=false&started_from=2024-05-01T00:00:00Z&started_to=2024-05-03T00:00:00Z");
        Assert.Equal(id, Assert.Single(filtered.Body["time_entries"]!.AsArray())!["id"]!.GetValue<int>());
        Assert.Equal(1800, filtered.Body["meta"]!["total_logged"]!.GetValue<long>());
        Assert.Equal(0, filtered.Body["meta"]!["total_unbilled"]!.GetValue<long>());

        var updated = await f.PutAsync($"{TimeEntries}/{id}", J.Wrap("time_entry", ("duration", 3600)));
        Assert.Equal(3600, updated.Body["time_entry"]!["duration"]!.GetValue<int>());

        var deleted = await f.DeleteAsync($"{TimeEntries}/{id}");
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, (await f.GetAsync($"{TimeEntries}/{id}")).Status);
    }

    [Fact]
    public async Task TimeEntries_Validation_Errno2001Shapes()
    {
        var noStart = await f.PostAsync(TimeEntries, J.Wrap("time_entry", ("duration", 60)));
        Assert.Equal(422, noStart.Status);
        Assert.Equal("""{"errno":2001,"error":{"started_at":"field required"}}""", noStart.Raw);

        var noDuration = await f.PostAsync(TimeEntries, J.Wrap("time_entry", ("is_logged", true), ("started_at", "2024-05-02T15:00:00Z")));
        Assert.Equal("""{"errno":2001,"error":{"__root__":"Logged entries must have a duration"}}""", noDuration.Raw);

        var wrongType = await f.PostAsync(TimeEntries, J.Wrap("time_entry", ("duration", "long"), ("started_at", "2024-05-02T15:00:00Z")));
        Assert.Equal(2001, wrongType.Body["errno"]!.GetValue<int>());
        Assert.NotNull(wrongType.Body["error"]!["duration"]);

        var malformed = await f.PostAsync(TimeEntries, "{nope");
        Assert.Equal(400, malformed.Status);
    }

    [Fact]
    public async Task Projects_ListSingleCreateBothPathsAndDelete()
    {
        var list = await f.GetAsync($"{Projects}/projects");
        Assert.Equal(30, list.Body["meta"]!["per_page"]!.GetValue<int>());
        Assert.NotNull(list.Body["projects"]![0]!["group_id"]);

        var single = await f.PostAsync($"{Projects}/project", J.Wrap("project", ("title", "Singular"), ("project_type", "fixed_price"), ("fixed_price", "600")));
        Assert.Equal(200, single.Status);
        Assert.Equal("600.00", single.Body["project"]!["fixed_price"]!.GetValue<string>());
        var plural = await f.PostAsync($"{Projects}/projects", J.Wrap("project", ("title", "Plural")));
        Assert.Equal(200, plural.Status);

        var id = single.Body["project"]!["id"]!.GetValue<int>();
        var get = await f.GetAsync($"{Projects}/project/{id}");
        Assert.NotNull(get.Body["abilities"]);
        Assert.NotNull(get.Body["project"]!["group"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", get.Body["project"]!["created_at"]!.GetValue<string>());
        Assert.Equal("Renamed", (await f.PutAsync($"{Projects}/projects/{id}", J.Wrap("project", ("title", "Renamed")))).Body["project"]!["title"]!.GetValue<string>());
        Assert.Equal(204, (await f.DeleteAsync($"{Projects}/project/{id}")).Status);
        var missing = await f.GetAsync($"{Projects}/project/{id}");
        Assert.Equal("""{"error":"Requested resource could not be found."}""", missing.Raw);
    }

    [Fact]
    public async Task Projects_FiltersAndSort()
    {
        await f.PostAsync($"{Projects}/projects", J.Wrap("project", ("title", "Zeta done"), ("complete", true)));
        var complete = await f.GetAsync($"{Projects}/projects?complete=true");
        Assert.All(complete.Body["projects"]!.AsArray(), p => Assert.True(p!["complete"]!.GetValue<bool>()));
        var sorted = await f.GetAsync($"{Projects}/projects?sort=-title");
        var titles = sorted.Body["projects"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(titles.OrderDescending(StringComparer.Ordinal).ToList(), titles);
        Assert.Equal("-title", sorted.Body["meta"]!["sort"]![0]!.GetValue<string>());
        var logged = await f.GetAsync($"{Projects}/projects?include_logged_duration=true");
        Assert.Contains(logged.Body["projects"]!.AsArray(), p => p!["logged_duration"]!.GetValue<long>() >= 7200);
    }

    [Fact]
    public async Task Projects_MissingTitle_Errno2001()
    {
        var r = await f.PostAsync($"{Projects}/projects", J.Wrap("project", ("description", "untitled")));
        Assert.Equal("""{"errno":2001,"error":{"title":"field required"}}""", r.Raw);
    }

    [Fact]
    public async Task AccountIdInBusinessPath_NotFound()
    {
        var r = await f.GetAsync($"timetracking/business/{f.AccountId}/time_entries");
        Assert.Equal(404, r.Status);
        Assert.Equal("Requested resource could not be found.", r.Body["error"]!.GetValue<string>());
        Assert.Equal(404, (await f.GetAsync($"projects/business/{f.AccountId}/projects")).Status);
    }

    [Fact]
    public async Task Paging_PerPageCappedAndInvalid()
    {
        var capped = await f.GetAsync($"{TimeEntries}?per_page=1000");
        Assert.Equal(100, capped.Body["meta"]!["per_page"]!.GetValue<int>());
        var invalid = await f.GetAsync($"{TimeEntries}?page=x");
        Assert.Equal(400, invalid.Status);
        Assert.Equal(1014, invalid.Body["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task MissingScope_403()
    {
        var token = f.Sandbox.IssueTokens(["user:profile:read", "user:projects:read"]).AccessToken;
        Assert.Equal(200, (await f.GetAsync($"{Projects}/projects", token)).Status);
        Assert.Equal(403, (await f.GetAsync(TimeEntries, token)).Status);
    }
}
