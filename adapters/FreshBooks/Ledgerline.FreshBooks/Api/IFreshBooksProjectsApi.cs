using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// The projects service: <c>/projects/business/{businessId}/…</c>, keyed by the business id, with bare
/// <c>{"project":…}</c> bodies and a <c>meta</c> block on lists. Single-record routes use the singular <c>project</c>
/// (FreshBooks' SDKs; the plural is accepted too). Answers come back as <see cref="IApiResponse{T}"/> so that every status
/// and body goes through the one error table.
/// </summary>
internal interface IFreshBooksProjectsApi
{
    [Get("/projects/business/{businessId}/projects")]
    Task<IApiResponse<ProjectResult>> ListProjectsAsync(
        string businessId,
        [Query] ProjectSearch query,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Get("/projects/business/{businessId}/project/{id}")]
    Task<IApiResponse<ProjectResult>> GetProjectAsync(
        string businessId,
        long id,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Post("/projects/business/{businessId}/project")]
    Task<IApiResponse<ProjectResult>> CreateProjectAsync(
        string businessId,
        [Body(buffered: true)] ProjectBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Put("/projects/business/{businessId}/project/{id}")]
    Task<IApiResponse<ProjectResult>> UpdateProjectAsync(
        string businessId,
        long id,
        [Body(buffered: true)] ProjectBody body,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);

    [Delete("/projects/business/{businessId}/project/{id}")]
    Task<IApiResponse> DeleteProjectAsync(
        string businessId,
        long id,
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);
}
