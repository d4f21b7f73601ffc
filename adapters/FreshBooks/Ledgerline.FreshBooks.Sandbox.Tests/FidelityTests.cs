using System.Diagnostics;

namespace Ledgerline.FreshBooks.Sandbox.Tests;

/// <summary>
/// Runs the unmodified official FreshBooks Node SDK (fidelity/check.js) against an in-process sandbox.
/// Needs <c>npm ci</c> in the fidelity folder first; without node_modules the test reports itself skipped.
/// </summary>
public sealed class FidelityTests
{
    private static string? FindFidelityFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "fidelity");
            if (File.Exists(Path.Combine(candidate, "check.js")))
            {
                return candidate;
            }
        }

        return null;
    }

    [Fact]
    public async Task OfficialNodeSdk_AgainstSandbox_AllChecksPass()
    {
        var folder = FindFidelityFolder();
        Assert.NotNull(folder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@freshbooks", "api")))
        {
            Assert.Skip($"Official SDK not installed: run `npm ci --prefix {folder}` (needs Node.js and the npm registry).");
        }

        await using var sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var baseUrl = sandbox.BaseAddress.ToString().TrimEnd('/');
        var psi = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("check.js");
        psi.Environment["FRESHBOOKS_API_URL"] = baseUrl;
        psi.Environment["FRESHBOOKS_AUTH_URL"] = baseUrl;
        Process? process;
        try
        {
            process = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("Node.js is not on PATH.");
            return;
        }

        Assert.NotNull(process);
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = await stdout + await stderr;
            Assert.True(process.ExitCode == 0, output);
            Assert.Contains("all checks passed", output, StringComparison.Ordinal);
            Assert.Contains(sandbox.Requests, r => r.Path == "/auth/oauth/token");
        }
    }
}
