using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Ledgerline.Benchmarks.Support;

/// <summary>Describes the machine a run happened on, so figures are never quoted without it.</summary>
internal static class MachineInfo
{
    /// <summary>One line: processors, CPU model, memory, OS, runtime, GC mode.</summary>
    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} logical CPUs ({CpuModel()}), {MemTotal()} RAM, {RuntimeInformation.OSDescription}, " +
        $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");

    /// <summary>The 1/5/15-minute load averages from <c>/proc/loadavg</c>, or "n/a" off Linux.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string CpuModel() =>
        ProcLine("/proc/cpuinfo", "model name") is { } line ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemTotal()
    {
        if (ProcLine("/proc/meminfo", "MemTotal") is { } line &&
            long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0 / 1024.0:F1} GiB");
        }

        return "unknown";
    }

    private static string? ProcLine(string path, string prefix)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
