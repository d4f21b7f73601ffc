using System.Diagnostics;
using Ledgerline.Benchmarks.Export;
using Ledgerline.Benchmarks.ExportProcess;
using Ledgerline.Benchmarks.Micro;

// Taken first, for the cold-start child's own phases (export-child).
var programStart = Stopwatch.GetTimestamp();

// Dispatch: no arguments or `micro [--quick] [BenchmarkDotNet args]` → micro benchmarks; `export [...]` → export benchmark
// with the sandbox in-process; `export-process [...]` → export benchmark with the sandbox, the Node SDK and cold starts as
// separate processes; `export-child` is the cold-start child export-process starts (not for direct use).
var mode = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "micro";
var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
switch (mode)
{
    case "micro":
        return MicroBenchmarks.Run(rest);
    case "export":
        ExportSettings settings;
        try
        {
            settings = ExportSettings.Parse(rest);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        return await ExportBenchmark.RunAsync(settings, Console.Out);
    case "export-process":
        ProcessExportSettings processSettings;
        try
        {
            processSettings = ProcessExportSettings.Parse(rest);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        return await ProcessExportBenchmark.RunAsync(processSettings, Console.Out);
    case ExportChild.Command:
        return await ExportChild.RunAsync(rest, programStart);
    case ProfileLoop.Command:
        return await ProfileLoop.RunAsync(rest);
    default:
        await Console.Error.WriteLineAsync(
            "usage: Ledgerline.Benchmarks [micro [--quick] [BenchmarkDotNet options]]\n" +
            "       | export [--quick] [--invoices N] [--latency-ms L] [--repeat R] [--concurrency 1,2,4,8]\n" +
            "       | export-process [--quick] [--invoices N] [--latency-ms 50,150] [--repeat R] [--concurrency 1,4,8] [--no-node]");
        return 2;
}
