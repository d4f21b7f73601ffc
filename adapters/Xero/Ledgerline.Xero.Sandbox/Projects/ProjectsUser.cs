namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>A user of the organisation who can log time (<c>GET /ProjectsUsers</c>): <c>{userId, name, email}</c>.</summary>
internal sealed record ProjectsUser(Guid UserId, string Name, string Email);
