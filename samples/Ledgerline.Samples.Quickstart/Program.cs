// The Ledgerline quickstart: `dotnet run --project samples/Ledgerline.Samples.Quickstart`.
// With no configuration it runs on an in-process FreshBooks sandbox; with FreshBooks credentials in environment
// variables or user secrets it runs the same story on real FreshBooks. With `--provider xero` it runs the same story on an
// in-process Xero sandbox. See README.md next to this file.
using Ledgerline.Samples.Quickstart;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var configuration = new ConfigurationBuilder()
        .AddUserSecrets(typeof(QuickstartStory).Assembly, optional: true)
        .AddEnvironmentVariables()
        .Build();
    var options = QuickstartConfiguration.Read(configuration, args);
    var result = await QuickstartStory.RunAsync(Console.Out, new QuickstartOptions
    {
        Provider = options.Provider,
        FreshBooks = options.FreshBooks,

        // Library logs go to standard error, warnings and up unless Logging__LogLevel__Default says otherwise,
        // so the story on standard output stays readable.
        ConfigureLogging = logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace),
    }, cancellation.Token);

    if (!result.Succeeded)
    {
        Console.Error.WriteLine($"Error: {result.Error}");
    }

    return result.ExitCode;
}
catch (QuickstartException ex)
{
    Console.Error.WriteLine($"Error: {ex.Message}");
    return 2;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Quickstart cancelled.");
    return 130;
}
#pragma warning disable CA1031 // The top of a console app: any other failure still ends in one clear line and a non-zero exit.
catch (Exception ex)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"Error: unexpected {ex.GetType().Name}: {ex.Message}");
    return 1;
}
