using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Ledgerline.Benchmarks.ExportProcess;

/// <summary>
/// The FreshBooks sandbox as its own OS process: the built <c>Ledgerline.FreshBooks.Sandbox.dll</c> (copied into the
/// benchmark's output by its project reference) run with <c>dotnet</c> on <c>http://127.0.0.1:0</c>; the base URL is read
/// from the banner it prints. Tokens come from <c>POST /_sandbox/tokens</c>, the request log from
/// <c>GET /_sandbox/requests</c>: no browser, no in-process access.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private const string UrlMarker = "FRESHBOOKS_API_URL=";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly HttpClient _control;
    private int _logged;

    private SandboxProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _control = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>The sandbox's base URL (API and auth on the same origin), with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The operating-system process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The sandbox's own CPU time so far (server rendering, its GC, Kestrel).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The sandbox dll next to this benchmark's own assembly.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "Ledgerline.FreshBooks.Sandbox.dll");

    /// <summary>Starts a sandbox seeded with <paramref name="invoices"/> invoices and waits for its banner.</summary>
    /// <param name="invoices">Seeded invoices (no default data, so exactly these).</param>
    /// <param name="linesPerInvoice">Lines per invoice.</param>
    /// <param name="latency">Latency added to every <c>/accounting</c> request; zero for none.</param>
    /// <param name="startTime">The sandbox clock's start (pinned, so every run renders the same bytes).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<SandboxProcess> StartAsync(int invoices, int linesPerInvoice, TimeSpan latency, DateTimeOffset startTime, CancellationToken cancellationToken)
    {
        if (!File.Exists(DllPath))
        {
            throw new InvalidOperationException($"{DllPath} is missing: build the benchmark project (it references the sandbox) first.");
        }

        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[]
                 {
                     DllPath, "--urls", "http://127.0.0.1:0", "--no-default-data",
                     "--seed-invoices", invoices.ToString(CultureInfo.InvariantCulture),
                     "--lines-per-invoice", linesPerInvoice.ToString(CultureInfo.InvariantCulture),
                     "--start-time", startTime.ToString("O", CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        if (latency > TimeSpan.Zero)
        {
            start.ArgumentList.Add("--fault");
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"latency:{latency.TotalMilliseconds:F0}ms@/accounting"));
        }

        // ASP.NET Core would log every request at Information to the console; nothing here reads it.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.Trim().StartsWith(UrlMarker, StringComparison.Ordinal))
            {
                url.TrySetResult(new Uri(line.Trim()[UrlMarker.Length..].TrimEnd('/') + "/"));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && errors.Count < 50)
            {
                errors.Enqueue(line);
            }
        };
        process.Exited += (_, _) => url.TrySetException(new InvalidOperationException(
            $"The sandbox exited with code {process.ExitCode} before listening: {string.Join(Environment.NewLine, errors)}"));
        if (!process.Start())
        {
            throw new InvalidOperationException("The sandbox process did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var baseAddress = await url.Task.WaitAsync(StartTimeout, cancellationToken);
            if (!baseAddress.IsLoopback)
            {
                throw new InvalidOperationException($"The sandbox listens on {baseAddress}, not on loopback.");
            }

            return new SandboxProcess(process, baseAddress);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>A new token pair for the sandbox identity (every scope), from <c>POST /_sandbox/tokens</c>.</summary>
    public async Task<SandboxTokenPair> IssueTokensAsync(CancellationToken cancellationToken)
    {
        using var response = await _control.PostAsync(new Uri("_sandbox/tokens", UriKind.Relative), content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = document.RootElement;
        return new SandboxTokenPair(
            root.GetProperty("access_token").GetString()!,
            root.GetProperty("refresh_token").GetString()!,
            DateTimeOffset.UtcNow.AddSeconds(root.GetProperty("expires_in").GetInt64()),
            root.GetProperty("scope").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The account and business the token's user owns first (what <c>users/me</c> lists first).</summary>
    public async Task<(string AccountId, int BusinessId)> PrimaryBusinessAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("auth/api/v1/users/me", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await _control.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var business = document.RootElement.GetProperty("response").GetProperty("business_memberships")[0].GetProperty("business");
        return (business.GetProperty("account_id").GetString()!, business.GetProperty("id").GetInt32());
    }

    /// <summary>
    /// The accounting requests logged since the previous call (or since start), from <c>GET /_sandbox/requests</c>: how
    /// many, how many distinct pages they asked for, and how many did not answer 200.
    /// </summary>
    public async Task<LoggedRequests> TakeAccountingRequestsAsync(CancellationToken cancellationToken)
    {
        var json = await _control.GetStringAsync(new Uri("_sandbox/requests", UriKind.Relative), cancellationToken);
        using var document = JsonDocument.Parse(json);
        var all = document.RootElement.GetProperty("requests");
        var total = all.GetArrayLength();
        if (total >= 99_000)
        {
            throw new InvalidOperationException("The sandbox's request log is near its 100,000-entry cap; counts would be wrong. Run fewer repetitions.");
        }

        var accounting = 0;
        var failed = 0;
        var pages = new HashSet<string>(StringComparer.Ordinal);
        for (var i = _logged; i < total; i++)
        {
            var entry = all[i];
            if (!entry.GetProperty("path").GetString()!.StartsWith("/accounting/", StringComparison.Ordinal))
            {
                continue;
            }

            accounting++;
            failed += entry.GetProperty("status").GetInt32() == 200 ? 0 : 1;
            var query = entry.GetProperty("query").GetString() ?? string.Empty;
            pages.Add(query.Split(['?', '&'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(p => p.StartsWith("page=", StringComparison.Ordinal)) ?? "page=1");
        }

        _logged = total;
        return new LoggedRequests(accounting, pages.Count, failed);
    }

    /// <summary>Stops the sandbox process (it is started by this class and killed by its id).</summary>
    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        Stop(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

/// <summary>A token pair issued by the sandbox.</summary>
internal sealed record SandboxTokenPair(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes)
{
    /// <summary>Never prints the tokens.</summary>
    public override string ToString() => $"sandbox tokens (expire {ExpiresAt:O})";
}

/// <summary>What the sandbox logged under <c>/accounting/</c> for one listing.</summary>
internal readonly record struct LoggedRequests(int Requests, int DistinctPages, int Failed);

/// <summary>Where the <c>dotnet</c> host is: the one running this process when it is <c>dotnet</c>, else the one on PATH.</summary>
internal static class DotnetHost
{
    /// <summary>The host executable.</summary>
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
