using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary><c>GET /connections</c> (the tenants a token reaches) and <c>DELETE /connections/{id}</c>.</summary>
internal static class ConnectionEndpoints
{
    public static void Map(WebApplication app, SandboxServices s)
    {
        app.MapGet("/connections", (HttpContext c) => ListAsync(c, s));
        app.MapDelete("/connections/{id}", (HttpContext c, string id) => DeleteAsync(c, s, id));
    }

    private static async Task ListAsync(HttpContext context, SandboxServices s)
    {
        if (await ApiGate.TokenAsync(context, s) is not { } grant)
        {
            return;
        }

        var connections = s.Connections.For(grant);
        var authEvent = context.Request.Query["authEventId"].ToString();
        if (authEvent.Length > 0)
        {
            // An unparseable id matches nothing rather than failing: the filter narrows, it never errs.
            connections = Guid.TryParse(authEvent, out var e) ? [.. connections.Where(c => c.AuthEventId == e)] : [];
        }

        await HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartArray();
            foreach (var c in connections)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("authEventId", c.AuthEventId);
                w.WriteString("tenantId", c.Tenant.TenantId);
                w.WriteString("tenantType", "ORGANISATION");
                w.WriteString("tenantName", c.Tenant.Name);
                w.WriteString("createdDateUtc", XeroDates.Connection(c.CreatedDateUtc));
                w.WriteString("updatedDateUtc", XeroDates.Connection(c.UpdatedDateUtc));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static async Task DeleteAsync(HttpContext context, SandboxServices s, string id)
    {
        if (await ApiGate.TokenAsync(context, s) is not { } grant)
        {
            return;
        }

        if (Guid.TryParse(id, out var connectionId) && s.Connections.Remove(grant, connectionId))
        {
            context.Response.StatusCode = 204;
            return;
        }

        await Problems.NotFoundAsync(context);
    }
}
