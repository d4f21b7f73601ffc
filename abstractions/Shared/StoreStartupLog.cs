using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Connections;

/// <summary>
/// Logs, once per store, that tokens are stored in clear outside Development. One source file compiled into each durable
/// connection store package (SQLite, PostgreSQL), so the warning reads the same and the core package needs no hosting
/// dependency.
/// </summary>
internal static partial class StoreStartupLog
{
    /// <param name="services">The application's services (environment and logging).</param>
    /// <param name="protector">The store's token protector.</param>
    /// <param name="store">The store's name in the message, e.g. <c>SQLite</c>.</param>
    /// <param name="category">The logger category, the store's package name.</param>
    /// <param name="target">Where the store keeps its rows (a file path, a host and database), never a secret.</param>
    public static void WarnIfUnencrypted(IServiceProvider services, ConnectionTokenProtector protector, string store, string category, string target)
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

        if (services.GetService<ILoggerFactory>()?.CreateLogger(category) is { } logger)
        {
            LogUnencrypted(logger, store, target, environment);
        }
    }

    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Warning,
        Message = "The {Store} connection store ({Target}) keeps provider tokens UNENCRYPTED in the {Environment} environment: " +
            "anyone who can read its rows or a backup can use them. Call services.AddDataProtection() with a shared key ring " +
            "and ProtectConnectionTokens() to encrypt them.")]
    private static partial void LogUnencrypted(ILogger logger, string store, string target, string environment);
}
