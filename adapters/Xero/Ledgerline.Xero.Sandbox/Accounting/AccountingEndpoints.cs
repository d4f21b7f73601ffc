using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Identity;
using Ledgerline.Xero.Sandbox.Idempotency;
using Ledgerline.Xero.Sandbox.RateLimits;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// Routes <c>/api.xro/2.0/{Resource}[/{id}]</c> and <c>/api.xro/2.0/CreditNotes/{id}/Allocations</c> (case-insensitive, as
/// Xero's paths are) after the token (401) and
/// tenant (403) checks and the rate limits (429); an unknown resource is Xero's plain-text 404.
/// </summary>
internal static class AccountingEndpoints
{
    public const string BasePath = "/api.xro/2.0";

    public static void Map(WebApplication app, SandboxServices s)
    {
        IAccountingResource[] resources =
        [
            ContactResource.Create(s),
            InvoiceResource.Create(s),
            PaymentResource.Create(s),
            BankTransactionResource.Create(s),
            ItemResource.Create(s),
            TaxRateResource.Create(s),
            AccountResource.Create(s),
            new OrganisationResource(s),
            CreditNoteResource.Create(s),
            QuoteResource.Create(s),
        ];
        var byName = resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var allocations = new CreditNoteAllocations(s);
        string[] methods = ["GET", "PUT", "POST", "DELETE", "PATCH"];
        app.MapMethods(BasePath + "/{resource}", methods, (HttpContext c, string resource) =>
            HandleAsync(c, s, Find(byName, resource, null, c)));
        app.MapMethods(BasePath + "/{resource}/{id}", methods, (HttpContext c, string resource, string id) =>
            HandleAsync(c, s, Find(byName, resource, id, c)));
        app.MapMethods(BasePath + "/CreditNotes/{id}/Allocations", methods, (HttpContext c, string id) =>
            HandleAsync(c, s, (grant, book) => allocations.HandleAsync(c, grant, book, id)));
        app.MapMethods(BasePath + "/{**rest}", methods, (HttpContext c) => Problems.NotFoundAsync(c));
    }

    private static Func<Grant, TenantBook, Task>? Find(Dictionary<string, IAccountingResource> resources, string name, string? id, HttpContext context) =>
        resources.TryGetValue(name, out var resource) ? (grant, book) => resource.HandleAsync(context, grant, book, id) : null;

    private static async Task HandleAsync(HttpContext context, SandboxServices s, Func<Grant, TenantBook, Task>? handle)
    {
        if (await ApiGate.TokenAsync(context, s) is not { } grant)
        {
            return;
        }

        if (await ApiGate.TenantAsync(context, s, grant) is not { } book)
        {
            return;
        }

        if (handle is null)
        {
            await Problems.NotFoundAsync(context);
            return;
        }

        var tenant = book.Tenant.TenantId;
        var decision = s.Limiter.Enter(grant.ClientId, tenant);
        RateLimiter.WriteHeaders(context.Response, decision);
        if (decision.Problem is not null)
        {
            // Xero's 429 is told apart by its headers; the body is empty.
            context.Response.StatusCode = 429;
            return;
        }

        try
        {
            await IdempotencyGate.InvokeAsync(context, s.Idempotency, grant.ClientId, tenant, () => handle(grant, book));
        }
        finally
        {
            s.Limiter.Release(grant.ClientId, tenant);
        }
    }
}
