// Uses one entry point of each package, so the build proves they compile together at their declared minimums.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Smoke.Minimums;

public static class Registrations
{
    public static LedgerlineBuilder AddEverything(IServiceCollection services) =>
        services.AddLedgerline()
            .AddXero(o => o.ClientId = "smoke")
            .AddFreshBooks(o => o.ClientId = "smoke")
            .AddXeroWebhooks(o => o.SigningKey = "smoke")
            .AddPostgreSqlConnections("Host=127.0.0.1;Database=ledgerline");

    public static void MapWebhooks(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFreshBooksWebhooks("/webhooks/freshbooks");
        endpoints.MapXeroWebhooks("/webhooks/xero");
    }
}
