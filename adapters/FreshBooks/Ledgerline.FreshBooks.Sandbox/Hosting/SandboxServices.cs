using Ledgerline.FreshBooks.Sandbox.Auth;

namespace Ledgerline.FreshBooks.Sandbox.Hosting;

/// <summary>The sandbox's shared state, handed to every endpoint group.</summary>
internal sealed class SandboxServices
{
    public required SandboxOptions Options { get; init; }

    public required SandboxClock Clock { get; init; }

    public required SandboxData Data { get; init; }

    public required TokenStore Tokens { get; init; }

    public required AuthGate Gate { get; init; }

    public Func<TimeSpan> AccessTokenLifetime { get; init; } = () => TimeSpan.FromHours(12);

    public int TokenRequests;

    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");
}
