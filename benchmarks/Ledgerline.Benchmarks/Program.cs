using Ledgerline.Benchmarks.Export;
using Ledgerline.Benchmarks.Micro;

// Dispatch: no arguments or `micro [--quick] [BenchmarkDotNet args]` → micro benchmarks; `export [...]` → export benchmark.
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
    default:
        await Console.Error.WriteLineAsync(
            "usage: Ledgerline.Benchmarks [micro [--quick] [BenchmarkDotNet options]] | export [--quick] [--invoices N] [--latency-ms L] [--repeat R] [--concurrency 1,2,4,8]");
        return 2;
}
