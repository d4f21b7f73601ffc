using System.Globalization;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Projects;

/// <summary>Routes <c>/{service}/business/{businessId}/{resource}[/{id}]</c> to the project-like collections.</summary>
internal static class ProjectEndpoints
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static void Map(WebApplication app, SandboxServices s)
    {
        foreach (var resource in ProjectResources.Create(s.Data.Identity))
        {
            foreach (var path in resource.Paths)
            {
                var slash = path.IndexOf('/', StringComparison.Ordinal);
                var route = $"/{path[..slash]}/business/{{businessId}}/{path[(slash + 1)..]}";
                app.MapMethods(route, Verbs, (HttpContext c, string businessId) => HandleAsync(c, s, resource, businessId, null));
                app.MapMethods(route + "/{id}", Verbs, (HttpContext c, string businessId, string id) => HandleAsync(c, s, resource, businessId, id));
            }
        }
    }

    private static async Task HandleAsync(HttpContext context, SandboxServices s, IResource resource, string businessId, string? id)
    {
        var access = context.Request.Method == "GET" ? "read" : "write";
        if (await s.Gate.AuthorizeAsync(context, ServiceFamily.Projects, $"user:{resource.Scope}:{access}") is null)
        {
            return;
        }

        // The business id is an integer route segment: an account id ("ABC123") there simply does not route (404).
        if (!int.TryParse(businessId, NumberStyles.None, CultureInfo.InvariantCulture, out var bid) || s.Data.ByBusiness(bid) is not { } account)
        {
            await Errors.ProjectsNotFoundAsync(context);
            return;
        }

        await resource.HandleAsync(context, account, id, s.Clock.GetUtcNow());
    }
}
