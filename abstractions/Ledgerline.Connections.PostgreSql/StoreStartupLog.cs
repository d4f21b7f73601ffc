using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Connections.PostgreSql;

/// <summary>Logs, once per store, that tokens are stored in clear outside Development.</summary>
internal static partial class StoreStartupLog
{
    public static void WarnIfUnencrypted(IServiceProvider services, ConnectionTokenProtector protector, string target)
    {
        if (protector.IsEncrypting)
        {
            return;
        }

        var environment = services.GetService<IHostEnvironment>()?.EnvironmentName
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;
        if (string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Ledgerline.Connections.PostgreSql");
        if (logger is not null)
        {
            LogUnencrypted(logger, target, environment);
        }
    }

    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Warning,
        Message = "The PostgreSQL connection store ({Target}) keeps provider tokens UNENCRYPTED in the {Environment} environment: " +
            "anyone who can read the database or a backup can use them. Call services.AddDataProtection() with a shared key ring " +
            "and ProtectConnectionTokens() to encrypt them.")]
    private static partial void LogUnencrypted(ILogger logger, string target, string environment);
}
