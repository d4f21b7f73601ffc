using Ledgerline.Xero.Http;
using Refit;

namespace Ledgerline.Xero.Api;

/// <summary>
/// Xero's Projects API (<c>/projects.xro/2.0</c>): projects and a project's tasks and time entries. Bodies are bare
/// camelCase records (no envelope); writes other than creates answer 204 without a body.
/// </summary>
internal interface IXeroProjectsApi
{
    [Get("/projects.xro/2.0/Projects/{projectId}")]
    Task<IApiResponse<ProjectWire>> GetProjectAsync(
        string projectId, [Header(XeroRequest.TenantHeader)] string tenantId, [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/projects.xro/2.0/Projects")]
    Task<IApiResponse<ProjectsResult>> ListProjectsAsync(
        [Query] XeroProjectsQuery query, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Post("/projects.xro/2.0/Projects")]
    Task<IApiResponse<ProjectWire>> CreateProjectAsync(
        [Body(buffered: true)] ProjectWrite body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/projects.xro/2.0/Projects/{projectId}")]
    Task<IApiResponse> UpdateProjectAsync(
        string projectId, [Body(buffered: true)] ProjectWrite body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Patch("/projects.xro/2.0/Projects/{projectId}")]
    Task<IApiResponse> PatchProjectAsync(
        string projectId, [Body(buffered: true)] ProjectPatchWrite body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/projects.xro/2.0/Projects/{projectId}/Tasks/{taskId}")]
    Task<IApiResponse<TaskWire>> GetTaskAsync(
        string projectId, string taskId, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/projects.xro/2.0/Projects/{projectId}/Tasks")]
    Task<IApiResponse<TasksResult>> ListTasksAsync(
        string projectId, [Query] XeroPageQuery query, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/projects.xro/2.0/Projects/{projectId}/Time/{timeEntryId}")]
    Task<IApiResponse<TimeEntryWire>> GetTimeEntryAsync(
        string projectId, string timeEntryId, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Get("/projects.xro/2.0/Projects/{projectId}/Time")]
    Task<IApiResponse<TimeEntriesResult>> ListTimeEntriesAsync(
        string projectId, [Query] XeroTimeQuery query, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Post("/projects.xro/2.0/Projects/{projectId}/Time")]
    Task<IApiResponse<TimeEntryWire>> CreateTimeEntryAsync(
        string projectId, [Body(buffered: true)] TimeEntryWrite body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Put("/projects.xro/2.0/Projects/{projectId}/Time/{timeEntryId}")]
    Task<IApiResponse> UpdateTimeEntryAsync(
        string projectId, string timeEntryId, [Body(buffered: true)] TimeEntryWrite body, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);

    [Delete("/projects.xro/2.0/Projects/{projectId}/Time/{timeEntryId}")]
    Task<IApiResponse> DeleteTimeEntryAsync(
        string projectId, string timeEntryId, [Header(XeroRequest.TenantHeader)] string tenantId,
        [Property(XeroRequest.ConnectionIdKey)] string connectionId, CancellationToken cancellationToken);
}
