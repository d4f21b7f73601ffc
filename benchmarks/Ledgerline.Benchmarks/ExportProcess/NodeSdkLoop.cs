using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledgerline.Benchmarks.ExportProcess;

/// <summary>
/// The official FreshBooks Node SDK (<c>@freshbooks/api</c>, pinned by <c>benchmarks/node/package-lock.json</c>) listing every
/// invoice with its own page loop (<c>benchmarks/node/sdk-export.js</c>), one fresh <c>node</c> process per run. The script
/// times the loop itself; this class times the whole process, from start to exit.
/// </summary>
internal static class NodeSdkLoop
{
    private const string Script = "sdk-export.js";

    /// <summary>The <c>benchmarks/node</c> folder, found by walking up from the benchmark's output folder.</summary>
    public static string? Folder { get; } = FindFolder();

    /// <summary>
    /// Checks that <c>node</c> runs and that the pinned SDK is installed, running <c>npm ci</c> (untimed) when
    /// <c>node_modules</c> is missing. Returns the node version, or null and the reason the Node rows are left out.
    /// </summary>
    public static async Task<(string? Version, string? Reason)> PrepareAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (Folder is null)
        {
            return (null, "benchmarks/node/package.json was not found above the benchmark's output folder");
        }

        var (exit, version, _) = await RunToolAsync("node", ["--version"], Folder, cancellationToken);
        if (exit != 0)
        {
            return (null, "`node` is not on PATH");
        }

        if (!File.Exists(Path.Combine(Folder, "node_modules", "@freshbooks", "api", "package.json")))
        {
            output.WriteLine($"Installing the pinned Node SDK: npm ci in {Folder} (not timed)");
            var (npmExit, _, npmError) = await RunToolAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], Folder, cancellationToken);
            if (npmExit != 0)
            {
                return (null, $"`npm ci` failed (exit {npmExit}): {npmError.Trim()}");
            }
        }

        return (version.Trim(), null);
    }

    /// <summary>The installed SDK version, from its package.json.</summary>
    public static string InstalledSdkVersion()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder!, "node_modules", "@freshbooks", "api", "package.json")));
        return document.RootElement.GetProperty("version").GetString() ?? "?";
    }

    /// <summary>One run: a new node process lists every invoice through the SDK and exits.</summary>
    public static async Task<NodeRun> RunAsync(Uri baseAddress, string accessToken, string accountId, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.Environment["FRESHBOOKS_API_URL"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["FRESHBOOKS_AUTH_URL"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["SANDBOX_ACCESS_TOKEN"] = accessToken;
        start.Environment["SANDBOX_ACCOUNT_ID"] = accountId;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        var text = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Node SDK loop failed (exit {process.ExitCode}): {(await stderr).Trim()}");
        }

        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException("The Node SDK loop printed nothing.");
        var report = JsonSerializer.Deserialize<NodeReport>(line) ?? throw new InvalidOperationException($"Unreadable Node report: {line}");
        return new NodeRun(report, clock.Elapsed);
    }

    private static async Task<(int Exit, string Output, string Error)> RunToolAsync(string file, string[] args, string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await stdout, await stderr);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, string.Empty, exception.Message);
        }
    }

    private static string? FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "benchmarks", "node");
            if (File.Exists(Path.Combine(candidate, "package.json")) && File.Exists(Path.Combine(candidate, Script)))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>The JSON line <c>sdk-export.js</c> prints.</summary>
internal sealed record NodeReport
{
    [JsonPropertyName("invoices")]
    public int Invoices { get; init; }

    [JsonPropertyName("distinct")]
    public int Distinct { get; init; }

    [JsonPropertyName("pages")]
    public int Pages { get; init; }

    [JsonPropertyName("loopMs")]
    public double LoopMs { get; init; }

    [JsonPropertyName("loadMs")]
    public double LoadMs { get; init; }

    [JsonPropertyName("cpuMs")]
    public double CpuMs { get; init; }

    [JsonPropertyName("maxRssKiB")]
    public long MaxRssKiB { get; init; }
}

/// <summary>One Node run: the script's report and the whole process's wall time.</summary>
internal sealed record NodeRun(NodeReport Report, TimeSpan ProcessWall);
