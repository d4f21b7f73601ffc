using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// The identity service for an existing connection (through the auth handler, so the connection's token is refreshed as
/// for every other call): <c>/auth/api/v1/users/me</c>, scope <c>user:profile:read</c>.
/// </summary>
internal interface IFreshBooksIdentityApi
{
    [Get("/auth/api/v1/users/me")]
    Task<IApiResponse<IdentityResult>> GetMeAsync(
        [Property(FreshBooksRequest.ConnectionIdKey)] string connectionId,
        CancellationToken cancellationToken);
}
