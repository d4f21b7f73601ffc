using System.Diagnostics;

namespace Ledgerline.Xero.Sandbox.Tests.Conformance;

/// <summary>
/// Runs the unmodified official Xero Node SDK (xero-node 20.0.0, <c>fidelity/check.js</c>) against an in-process
/// sandbox with Xero's rate limits on. Needs <c>npm ci</c> in the fidelity folder first (CI does it); without
/// node_modules or Node.js the test reports itself skipped.
/// </summary>
public sealed class XeroNodeFidelityTests
{
    private static string? FindFidelityFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "adapters", "Xero", "Ledgerline.Xero.Sandbox.Tests", "fidelity");
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
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "xero-node")))
        {
            Assert.Skip($"Official SDK not installed: run `npm ci --prefix {folder}` (needs Node.js and the npm registry).");
        }

        // The scenario makes more than Xero's 60 calls a minute on one organisation (contacts through projects, quotes and
        // time); the limits stay on, with more room per minute, so the SDK still reads the limit headers on every answer.
        // The limits themselves are tested in RateLimits/.
        var options = new XeroSandboxOptions();
        options.RateLimits.PerMinute = 1_000;
        await using var sandbox = await XeroSandbox.StartAsync(options, TestContext.Current.CancellationToken);
        var psi = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("check.js");
        psi.Environment["XERO_SANDBOX_URL"] = sandbox.BaseAddress.ToString().TrimEnd('/');
        psi.Environment["SANDBOX_CLIENT_ID"] = sandbox.Options.ClientId;
        psi.Environment["SANDBOX_CLIENT_SECRET"] = sandbox.Options.ClientSecret;
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
            // The SDK really went through the sandbox: its token endpoint, its connections and its Accounting API.
            Assert.Contains(sandbox.Requests, r => r.Path == "/connect/token");
            Assert.Contains(sandbox.Requests, r => r.Path == "/connect/revocation");
            Assert.Contains(sandbox.Requests, r => r.Method == "DELETE" && r.Path.StartsWith("/connections/", StringComparison.Ordinal));
            Assert.Contains(sandbox.Requests, r => r.Path.StartsWith("/api.xro/2.0/Invoices", StringComparison.Ordinal));
            Assert.Contains(sandbox.Requests, r => r.Method == "POST" && r.Path.StartsWith("/api.xro/2.0/Quotes/", StringComparison.Ordinal) && r.StatusCode == 400);
            Assert.DoesNotContain(sandbox.Requests, r => r.StatusCode >= 500);
        }
    }
}
