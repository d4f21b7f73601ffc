using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>Routes <c>/accounting/account/{accountId}/{service}/{resource}[/{id}]</c> to the collections.</summary>
internal static class AccountingEndpoints
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    public static void Map(WebApplication app, SandboxServices s)
    {
        var resources = AccountingResources.Create()
            .SelectMany(r => r.Paths.Select(path => (path, r)))
            .ToDictionary(p => p.path, p => p.r, StringComparer.Ordinal);
        app.MapMethods("/accounting/account/{accountId}/{service}/{resource}", Verbs,
            (HttpContext c, string accountId, string service, string resource) => HandleAsync(c, s, resources, accountId, service + "/" + resource, null));
        app.MapMethods("/accounting/account/{accountId}/{service}/{resource}/{id}", Verbs,
            (HttpContext c, string accountId, string service, string resource, string id) => HandleAsync(c, s, resources, accountId, service + "/" + resource, id));
    }

    private static async Task HandleAsync(HttpContext context, SandboxServices s, Dictionary<string, IResource> resources,
        string accountId, string path, string? id)
    {
        if (!resources.TryGetValue(path, out var resource))
        {
            if (await s.Gate.AuthorizeAsync(context, ServiceFamily.Accounting, null) is not null)
            {
                await Errors.AccountingAsync(context, 404, new ApiError(1012, null, "The requested resource could not be found.", null, path));
            }

            return;
        }

        var access = context.Request.Method == "GET" ? "read" : "write";
        if (await s.Gate.AuthorizeAsync(context, ServiceFamily.Accounting, $"user:{resource.Scope}:{access}") is null)
        {
            return;
        }

        // A business id (or any account the identity is not a member of) where an account id belongs: FreshBooks denies access.
        var account = s.Data.ByAccount(accountId);
        if (account is null)
        {
            await Errors.AccountingUnauthorizedAsync(context);
            return;
        }

        await resource.HandleAsync(context, account, id, s.Clock.GetUtcNow());
    }
}
