using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Projects;

/// <summary>Time tracking and projects served by the declarative resource engine, in the project-like family's shapes.</summary>
public sealed class ProjectResourceTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private string TimeEntries => $"timetracking/business/{f.BusinessId}/time_entries";

    private string Projects => $"projects/business/{f.BusinessId}";

    /// <summary>The second business starts with no projects, so its counters are exact.</summary>
    private string SecondProjects => $"projects/business/{f.Sandbox.Data.SecondaryBusiness.BusinessId}";

    private static string Meta(ApiResponse r) => r.Body["meta"]!.ToJsonString();

    [Fact]
    public async Task TimeEntries_UpdateWithWrongTypes_422EveryFieldAndNothingWritten()
    {
        var created = await f.PostAsync(TimeEntries, J.Wrap("time_entry", ("duration", 600), ("started_at", "2024-05-02T15:00:00Z"), ("note", "Before")));
        var id = created.Body["time_entry"]!["id"]!.GetValue<int>();

        var r = await f.PutAsync($"{TimeEntries}/{id}", J.Wrap("time_entry", ("note", 5), ("billable", "sometimes"), ("started_at", "yesterday"), ("duration", -5)));

        Assert.Equal(422, r.Status);
        Assert.Equal(
            """{"errno":2001,"error":{"note":"str type expected","billable":"value could not be parsed to a boolean","started_at":"invalid datetime format","duration":"value is not a valid integer"}}""",
            r.Raw);
        var after = (await f.GetAsync($"{TimeEntries}/{id}")).Body["time_entry"]!;
        Assert.Equal("Before", after["note"]!.GetValue<string>());
        Assert.Equal(600, after["duration"]!.GetValue<int>());
    }

    [Fact]
    public async Task TimeEntries_PatchWithUnknownProject_422AndUnknownFieldsIgnored()
    {
        var created = await f.PostAsync(TimeEntries, J.Wrap("time_entry", ("duration", 60), ("started_at", "2024-05-02T15:00:00Z"), ("not_a_field", true)));
        Assert.Equal(200, created.Status);
        var id = created.Body["time_entry"]!["id"]!.GetValue<int>();

        var r = await f.SendAsync(HttpMethod.Patch, $"{TimeEntries}/{id}", J.Wrap("time_entry", ("project_id", 999)), null, []);

        Assert.Equal(422, r.Status);
        Assert.Equal("""{"errno":2001,"error":{"project_id":"Project not found"}}""", r.Raw);
    }

    [Fact]
    public async Task TimeEntries_BadFilterValues_422ForTheFirstParameter()
    {
        var r = await f.GetAsync($"{TimeEntries}?client_id=abc&billable=maybe");

        Assert.Equal(422, r.Status);
        Assert.Equal("""{"errno":2001,"error":{"billable":"value could not be parsed to a boolean"}}""", r.Raw);
    }

    [Fact]
    public async Task Projects_ListPaging_MetaCountersSliceAndSortEcho()
    {
        foreach (var title in new[] { "Delta", "alpha", "Charlie", "bravo", "Echo" })
        {
            Assert.Equal(200, (await f.PostAsync($"{SecondProjects}/projects", J.Wrap("project", ("title", title)))).Status);
        }

        var page2 = await f.GetAsync($"{SecondProjects}/projects?per_page=2&page=2&sort=title");
        Assert.Equal(200, page2.Status);
        Assert.Equal("""{"total":5,"per_page":2,"page":2,"pages":3,"sort":["title"]}""", Meta(page2));
        var projects = page2.Body["projects"]!.AsArray();
        Assert.Equal(["Charlie", "Delta"], projects.Select(p => p!["title"]!.GetValue<string>()));
        Assert.All(projects, p =>
        {
            Assert.NotNull(p!["group_id"]);
            Assert.Null(p["group"]);
            Assert.True(p.AsObject().ContainsKey("logged_duration"));
            Assert.Null(p["logged_duration"]);
        });

        var last = await f.GetAsync($"{SecondProjects}/projects?per_page=2&page=3&sort=-title");
        Assert.Equal(["alpha"], last.Body["projects"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()));

        var past = await f.GetAsync($"{SecondProjects}/projects?per_page=2&page=9&sort=unknown");
        Assert.Empty(past.Body["projects"]!.AsArray());
        Assert.Equal("""{"total":5,"per_page":2,"page":9,"pages":3,"sort":[]}""", Meta(past));
    }

    [Theory]
    [InlineData("per_page=0", """{"errno":1013,"error":{"per_page":"Invalid per_page value."}}""")]
    [InlineData("page=first", """{"errno":1014,"error":{"page":"Invalid page number."}}""")]
    [InlineData("active=perhaps", """{"errno":2001,"error":{"active":"value could not be parsed to a boolean"}}""")]
    public async Task Projects_BadListParameters_ErrorInProjectShape(string query, string body)
    {
        var r = await f.GetAsync($"{Projects}/projects?{query}");

        Assert.Equal(query.StartsWith("active", StringComparison.Ordinal) ? 422 : 400, r.Status);
        Assert.Equal(body, r.Raw);
    }

    [Fact]
    public async Task Projects_GetCarriesAbilitiesAndGroup_WritesDoNot()
    {
        var created = await f.PostAsync($"{Projects}/project", J.Wrap("project", ("title", "Abilities")));
        Assert.Null(created.Body["abilities"]);
        Assert.NotNull(created.Body["project"]!["group"]);
        Assert.Equal(0, created.Body["project"]!["logged_duration"]!.GetValue<long>());
        var id = created.Body["project"]!["id"]!.GetValue<int>();

        var get = await f.GetAsync($"{Projects}/project/{id}");

        Assert.Equal("can_edit", get.Body["abilities"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(id + 500000, get.Body["project"]!["group"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Projects_WrongTypesAndMissingTitle_ReportedTogether()
    {
        var r = await f.PostAsync($"{Projects}/projects", J.Wrap("project", ("project_type", "daily"), ("due_date", "soon"), ("fixed_price", "lots")));

        Assert.Equal(422, r.Status);
        Assert.Equal(
            """{"errno":2001,"error":{"project_type":"value is not a valid enumeration member","due_date":"invalid date format","fixed_price":"value is not a valid decimal","title":"field required"}}""",
            r.Raw);
    }

    [Fact]
    public async Task Projects_MalformedBodyAndWrongMethod_FamilyShapes()
    {
        var malformed = await f.PostAsync($"{Projects}/projects", "{oops");
        Assert.Equal(400, malformed.Status);
        Assert.Equal("""{"errno":2001,"error":{"__root__":"Invalid JSON body."}}""", malformed.Raw);

        var postToRecord = await f.PostAsync($"{Projects}/project/1201", J.Wrap("project", ("title", "x")));
        Assert.Equal(405, postToRecord.Status);
        Assert.Equal("""{"message":"The method is not allowed for the requested URL."}""", postToRecord.Raw);
    }

    [Fact]
    public async Task Patch_ProjectLikeUpdates_AccountingRefuses()
    {
        var created = await f.PostAsync($"{Projects}/projects", J.Wrap("project", ("title", "Patchable")));
        var id = created.Body["project"]!["id"]!.GetValue<int>();

        var patched = await f.SendAsync(HttpMethod.Patch, $"{Projects}/projects/{id}", J.Wrap("project", ("complete", true)), null, []);
        var accounting = await f.SendAsync(HttpMethod.Patch, f.Accounting("users/clients/72001"), J.Wrap("client", ("fname", "x")), null, []);

        Assert.True(patched.Body["project"]!["complete"]!.GetValue<bool>());
        Assert.Equal(405, accounting.Status);
        Assert.Equal(1004, accounting.FirstError["errno"]!.GetValue<int>());
    }
}
