using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Projects;

/// <summary>The Projects API: shapes, status codes, rules and Xero's <c>message</c>/<c>modelState</c> errors, never a 500.</summary>
public sealed class ProjectsApiTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string P(string path) => SandboxFixture.Projects(path);

    private async Task<string> ContactIdAsync() =>
        (await f.GetAsync(SandboxFixture.Api("Contacts?page=1"))).First("Contacts")["ContactID"]!.GetValue<string>();

    private async Task<string> UserIdAsync() =>
        (await f.GetAsync(P("ProjectsUsers"))).Body["items"]![0]!["userId"]!.GetValue<string>();

    private async Task<(string Project, string Task)> ProjectWithTaskAsync(string chargeType = "TIME")
    {
        var project = await f.PostAsync(P("Projects"), J.Obj(("contactId", await ContactIdAsync()), ("name", "Fit-out " + Guid.NewGuid().ToString("N")[..6])));
        var id = project.Body["projectId"]!.GetValue<string>();
        var task = await f.PostAsync(P($"Projects/{id}/Tasks"), TaskBody("Labour", 100m, chargeType));
        return (id, task.Body["taskId"]!.GetValue<string>());
    }

    private static JsonObject TaskBody(string name, decimal rate, string chargeType, string currency = "NZD") =>
        J.Obj(("name", name), ("rate", J.Obj(("currency", currency), ("value", rate))), ("chargeType", chargeType));

    private static JsonObject TimeBody(string user, string task, int duration, string date = "2026-11-02T09:00:00Z", string? description = "Work") =>
        J.Obj(("userId", user), ("taskId", task), ("dateUtc", date), ("duration", duration), ("description", description));

    [Fact]
    public async Task CreateProject_201WithCamelCaseMoneyAndStatus_ReadBackAndListedWithPagination()
    {
        var contact = await ContactIdAsync();

        var created = await f.PostAsync(P("Projects"), J.Obj(("contactId", contact), ("name", "New Kitchen"), ("deadlineUtc", "2026-12-10T12:59:59Z"), ("estimateAmount", "99.99")));

        Assert.Equal(201, created.Status);
        var project = created.Body;
        Assert.Equal(("New Kitchen", contact, "NZD", "INPROGRESS"), (project["name"]!.GetValue<string>(), project["contactId"]!.GetValue<string>(),
            project["currencyCode"]!.GetValue<string>(), project["status"]!.GetValue<string>()));
        Assert.Equal(("NZD", 99.99m), (project["estimate"]!["currency"]!.GetValue<string>(), project["estimate"]!["value"]!.GetValue<decimal>()));
        Assert.Equal("2026-12-10T12:59:59Z", project["deadlineUtc"]!.GetValue<string>());
        var id = project["projectId"]!.GetValue<string>();
        Assert.Equal("New Kitchen", (await f.GetAsync(P($"Projects/{id}"))).Body["name"]!.GetValue<string>());
        var listed = await f.GetAsync(P($"Projects?projectIds={id}&pageSize=1"));
        Assert.Equal((1, 1, 1, 1), (listed.Body["pagination"]!["page"]!.GetValue<int>(), listed.Body["pagination"]!["pageSize"]!.GetValue<int>(),
            listed.Body["pagination"]!["pageCount"]!.GetValue<int>(), listed.Body["pagination"]!["itemCount"]!.GetValue<int>()));
        Assert.Equal(id, listed.Body["items"]![0]!["projectId"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateProject_NoNameUnknownContact_400ModelStateNamingEachField()
    {
        var r = await f.PostAsync(P("Projects"), J.Obj(("contactId", Guid.NewGuid().ToString()), ("name", "")));

        Assert.Equal(400, r.Status);
        Assert.Equal("The request is invalid.", r.Body["message"]!.GetValue<string>());
        Assert.Equal("The Project Name cannot be empty", r.Body["modelState"]!["model.Name"]![0]!.GetValue<string>());
        Assert.NotNull(r.Body["modelState"]!["model.ContactId"]);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task MalformedBody_400ModelStateNever500(string body)
    {
        var r = await f.SendAsync(HttpMethod.Post, P("Projects"), body.Length == 0 ? null : body, null, null, []);

        Assert.Equal(400, r.Status);
        Assert.NotNull(r.Body["modelState"]!["model"]);
    }

    [Fact]
    public async Task PutAndPatch_204_ChangeNameEstimateAndStatus_FilteredByStates()
    {
        var (id, _) = await ProjectWithTaskAsync();

        var put = await f.SendAsync(HttpMethod.Put, P($"Projects/{id}"), J.Obj(("name", "Renamed"), ("estimateAmount", 10.5m)), null, null, []);
        var patch = await f.SendAsync(HttpMethod.Patch, P($"Projects/{id}"), J.Obj(("status", "CLOSED")), null, null, []);
        var badPatch = await f.SendAsync(HttpMethod.Patch, P($"Projects/{id}"), J.Obj(("status", "DONE")), null, null, []);

        Assert.Equal((204, 204, 400), (put.Status, patch.Status, badPatch.Status));
        var read = (await f.GetAsync(P($"Projects/{id}"))).Body;
        Assert.Equal(("Renamed", 10.5m, "CLOSED"), (read["name"]!.GetValue<string>(), read["estimate"]!["value"]!.GetValue<decimal>(), read["status"]!.GetValue<string>()));
        var closed = await f.GetAsync(P("Projects?states=CLOSED&pageSize=500"));
        var open = await f.GetAsync(P("Projects?states=INPROGRESS&pageSize=500"));
        Assert.Contains(closed.Body["items"]!.AsArray(), p => p!["projectId"]!.GetValue<string>() == id);
        Assert.DoesNotContain(open.Body["items"]!.AsArray(), p => p!["projectId"]!.GetValue<string>() == id);
        Assert.NotNull(badPatch.Body["modelState"]!["model.Status"]);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=501")]
    [InlineData("page=abc")]
    [InlineData("states=OPEN")]
    [InlineData("projectIds=nope")]
    public async Task ListProjects_BadParameters_400NamingTheParameter(string query)
    {
        var r = await f.GetAsync(P("Projects?" + query));

        Assert.Equal(400, r.Status);
        Assert.Single(r.Body["modelState"]!.AsObject());
    }

    [Fact]
    public async Task ProjectsUsers_ListsTheOrganisationsUsers_DefaultPageSize50()
    {
        var r = await f.GetAsync(P("ProjectsUsers"));

        Assert.Equal(200, r.Status);
        Assert.Equal(50, r.Body["pagination"]!["pageSize"]!.GetValue<int>());
        Assert.True(r.Body["items"]!.AsArray().Count >= 2);
        Assert.All(r.Body["items"]!.AsArray(), u => Assert.Contains("@", u!["email"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tasks_CreateGetUpdateDelete_RateInProjectCurrency()
    {
        var (project, _) = await ProjectWithTaskAsync();

        var created = await f.PostAsync(P($"Projects/{project}/Tasks"), TaskBody("Design", 150m, "TIME"));
        var id = created.Body["taskId"]!.GetValue<string>();
        var update = await f.SendAsync(HttpMethod.Put, P($"Projects/{project}/Tasks/{id}"), TaskBody("Design v2", 160m, "FIXED"), null, null, []);
        var read = await f.GetAsync(P($"Projects/{project}/Tasks/{id}"));
        var wrongCurrency = await f.PostAsync(P($"Projects/{project}/Tasks"), TaskBody("Abroad", 1m, "TIME", "USD"));
        var badType = await f.PostAsync(P($"Projects/{project}/Tasks"), TaskBody("X", 1m, "HOURLY"));
        var longName = await f.PostAsync(P($"Projects/{project}/Tasks"), TaskBody(new string('n', 101), 1m, "TIME"));
        var deleted = await f.SendAsync(HttpMethod.Delete, P($"Projects/{project}/Tasks/{id}"), null, null, null, []);

        Assert.Equal((201, 204, 200), (created.Status, update.Status, read.Status));
        Assert.Equal(("Design v2", 160m, "FIXED", "ACTIVE"), (read.Body["name"]!.GetValue<string>(), read.Body["rate"]!["value"]!.GetValue<decimal>(),
            read.Body["chargeType"]!.GetValue<string>(), read.Body["status"]!.GetValue<string>()));
        Assert.NotNull(wrongCurrency.Body["modelState"]!["model.Rate"]);
        Assert.NotNull(badType.Body["modelState"]!["model.ChargeType"]);
        Assert.NotNull(longName.Body["modelState"]!["model.Name"]);
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, (await f.GetAsync(P($"Projects/{project}/Tasks/{id}"))).Status);
    }

    [Fact]
    public async Task Time_CreateGetUpdateDelete_MinutesAndTotalsOnTaskAndProject()
    {
        var (project, task) = await ProjectWithTaskAsync();
        var user = await UserIdAsync();

        var created = await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(user, task, 90));
        var id = created.Body["timeEntryId"]!.GetValue<string>();
        var entry = (await f.GetAsync(P($"Projects/{project}/Time/{id}"))).Body;
        var projectRead = (await f.GetAsync(P($"Projects/{project}"))).Body;
        var taskRead = (await f.GetAsync(P($"Projects/{project}/Tasks/{task}"))).Body;

        Assert.Equal(201, created.Status);
        Assert.Equal((user, task, project, "2026-11-02T09:00:00Z", 90, "Work", "ACTIVE"), (entry["userId"]!.GetValue<string>(), entry["taskId"]!.GetValue<string>(),
            entry["projectId"]!.GetValue<string>(), entry["dateUtc"]!.GetValue<string>(), entry["duration"]!.GetValue<int>(), entry["description"]!.GetValue<string>(),
            entry["status"]!.GetValue<string>()));
        Assert.Equal((90, 150m), (projectRead["minutesLogged"]!.GetValue<int>(), projectRead["totalTaskAmount"]!["value"]!.GetValue<decimal>()));
        Assert.Equal((90, 90, 150m), (taskRead["totalMinutes"]!.GetValue<int>(), taskRead["minutesToBeInvoiced"]!.GetValue<int>(), taskRead["amountToBeInvoiced"]!["value"]!.GetValue<decimal>()));

        var update = await f.SendAsync(HttpMethod.Put, P($"Projects/{project}/Time/{id}"), TimeBody(user, task, 45, description: null), null, null, []);
        var updated = (await f.GetAsync(P($"Projects/{project}/Time/{id}"))).Body;
        Assert.Equal(204, update.Status);
        Assert.Equal(45, updated["duration"]!.GetValue<int>());
        Assert.Null(updated["description"]);

        Assert.Equal(204, (await f.SendAsync(HttpMethod.Delete, P($"Projects/{project}/Time/{id}"), null, null, null, [])).Status);
        Assert.Equal(404, (await f.GetAsync(P($"Projects/{project}/Time/{id}"))).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59941)]
    [InlineData(-5)]
    public async Task Time_DurationOutside1To59940_400ModelDuration(int minutes)
    {
        var (project, task) = await ProjectWithTaskAsync();

        var r = await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(await UserIdAsync(), task, minutes));

        Assert.Equal(400, r.Status);
        Assert.NotNull(r.Body["modelState"]!["model.Duration"]);
    }

    [Fact]
    public async Task Time_FractionalDurationAndBounds_OnlyWholeMinutes1To59940()
    {
        var (project, task) = await ProjectWithTaskAsync();
        var user = await UserIdAsync();

        var fractional = await f.PostAsync(P($"Projects/{project}/Time"), J.Obj(("userId", user), ("taskId", task), ("dateUtc", "2026-11-02T09:00:00Z"), ("duration", 1.5m)));
        var low = await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(user, task, 1));
        var high = await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(user, task, 59940));

        Assert.Equal((400, 201, 201), (fractional.Status, low.Status, high.Status));
    }

    [Fact]
    public async Task Time_UnknownUserTaskOrProject_XerosAnswersNever500()
    {
        var (project, task) = await ProjectWithTaskAsync();
        var (_, otherTask) = await ProjectWithTaskAsync();
        var user = await UserIdAsync();

        var unknownUser = await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(Guid.NewGuid().ToString(), task, 30));
        var foreignTask = await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(user, otherTask, 30));
        var unknownProject = await f.PostAsync(P($"Projects/{Guid.NewGuid()}/Time"), TimeBody(user, task, 30));
        var missing = await f.PostAsync(P($"Projects/{project}/Time"), J.Obj(("description", "only")));
        var badDate = await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(user, task, 30, date: "yesterday"));

        Assert.Equal((400, 400, 404, 400, 400), (unknownUser.Status, foreignTask.Status, unknownProject.Status, missing.Status, badDate.Status));
        Assert.NotNull(unknownUser.Body["modelState"]!["model.UserId"]);
        Assert.NotNull(foreignTask.Body["modelState"]!["model.TaskId"]);
        Assert.Equal(4, missing.Body["modelState"]!.AsObject().Count);
        Assert.NotNull(badDate.Body["modelState"]!["model.DateUtc"]);
    }

    [Fact]
    public async Task Time_Filters_UserTaskStatesChargeableDates()
    {
        var (project, billable) = await ProjectWithTaskAsync();
        var free = (await f.PostAsync(P($"Projects/{project}/Tasks"), TaskBody("Admin", 0m, "NON_CHARGEABLE"))).Body["taskId"]!.GetValue<string>();
        var user = await UserIdAsync();
        var early = (await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(user, billable, 30, "2026-11-01T08:00:00Z"))).Body["timeEntryId"]!.GetValue<string>();
        var late = (await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(user, free, 30, "2026-11-03T08:00:00Z"))).Body["timeEntryId"]!.GetValue<string>();

        async Task<string[]> Ids(string query) => [.. (await f.GetAsync(P($"Projects/{project}/Time?{query}"))).Body["items"]!.AsArray().Select(e => e!["timeEntryId"]!.GetValue<string>())];

        Assert.Equal([early], await Ids("isChargeable=true"));
        Assert.Equal([late], await Ids("isChargeable=false"));
        Assert.Equal([late], await Ids($"taskId={free}"));
        Assert.Equal([early], await Ids("dateBeforeUtc=2026-11-01T08:00:00Z"));
        Assert.Equal([late], await Ids("dateAfterUtc=2026-11-02T00:00:00Z"));
        Assert.Equal([early, late], await Ids($"userId={user}&states=ACTIVE"));
        Assert.Empty(await Ids("states=INVOICED"));
        Assert.Equal(400, (await f.GetAsync(P($"Projects/{project}/Time?dateAfterUtc=soon"))).Status);
    }

    [Fact]
    public async Task DeleteTask_WithTime_400()
    {
        var (project, task) = await ProjectWithTaskAsync();
        await f.PostAsync(P($"Projects/{project}/Time"), TimeBody(await UserIdAsync(), task, 30));

        var r = await f.SendAsync(HttpMethod.Delete, P($"Projects/{project}/Tasks/{task}"), null, null, null, []);

        Assert.Equal(400, r.Status);
    }

    [Fact]
    public async Task Gates_TokenTenantScopeAndUnknownPaths()
    {
        var readOnly = f.Sandbox.IssueTokens(["projects.read"]).AccessToken;
        var accountingOnly = f.Sandbox.IssueTokens(["accounting.transactions"]).AccessToken;

        Assert.Equal(401, (await f.GetAsync(P("Projects"), token: "")).Status);
        Assert.Equal(403, (await f.GetAsync(P("Projects"), tenant: Guid.NewGuid().ToString())).Status);
        Assert.Equal(200, (await f.GetAsync(P("Projects"), token: readOnly)).Status);
        Assert.Equal(401, (await f.GetAsync(P("Projects"), token: accountingOnly)).Status);
        Assert.Equal(401, (await f.SendAsync(HttpMethod.Post, P("Projects"), J.Obj(("name", "x")), readOnly, null, [])).Status);
        Assert.Equal(404, (await f.GetAsync(P($"Projects/{Guid.NewGuid()}"))).Status);
        Assert.Equal(404, (await f.GetAsync(P("Projects/not-a-guid"))).Status);
        Assert.Equal(404, (await f.GetAsync(P("Nothing"))).Status);
    }

    [Fact]
    public async Task Index_DescribesTheProjectsApi()
    {
        var index = (await f.GetAsync("/")).Body;

        Assert.EndsWith("/projects.xro/2.0", index["projects_api"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(index["projects_resources"]!.AsArray(), r => r!.GetValue<string>() == "ProjectsUsers");
    }

    [Fact]
    public async Task IdempotencyKey_ReplaysTheCreate()
    {
        var body = J.Obj(("contactId", await ContactIdAsync()), ("name", "Once " + Guid.NewGuid().ToString("N")[..6]));
        var key = Guid.NewGuid().ToString();

        var first = await f.SendAsync(HttpMethod.Post, P("Projects"), body, null, null, [("Idempotency-Key", key)]);
        var second = await f.SendAsync(HttpMethod.Post, P("Projects"), body, null, null, [("Idempotency-Key", key)]);

        Assert.Equal((201, 201), (first.Status, second.Status));
        Assert.Equal(first.Body["projectId"]!.GetValue<string>(), second.Body["projectId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeedData_AProjectWithTasksAndTime_ClearDataKeepsUsers()
    {
        await using var sandbox = await XeroSandbox.StartAsync(new XeroSandboxOptions { RateLimits = { Enabled = false } }, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var tenant = sandbox.PrimaryTenant.TenantId;
        http.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.IssueTokens().AccessToken);
        http.DefaultRequestHeaders.Add("xero-tenant-id", tenant.ToString());
        async Task<JsonNode> Get(string path) => JsonNode.Parse(await http.GetStringAsync(P(path), TestContext.Current.CancellationToken))!;

        var projects = (await Get("Projects"))["items"]!.AsArray();
        var project = projects.Single()!["projectId"]!.GetValue<string>();
        Assert.Equal(2, (await Get($"Projects/{project}/Tasks"))["items"]!.AsArray().Count);
        Assert.Equal(2, (await Get($"Projects/{project}/Time"))["items"]!.AsArray().Count);
        Assert.Equal(330, projects[0]!["minutesLogged"]!.GetValue<int>());

        sandbox.ClearData(tenant);

        Assert.Empty((await Get("Projects"))["items"]!.AsArray());
        Assert.Equal(2, (await Get("ProjectsUsers"))["items"]!.AsArray().Count);
    }
}
