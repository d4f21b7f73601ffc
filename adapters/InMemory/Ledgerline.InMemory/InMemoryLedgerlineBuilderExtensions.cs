using Ledgerline;
using Ledgerline.InMemory;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-memory provider.</summary>
public static class InMemoryLedgerlineBuilderExtensions
{
    /// <summary>
    /// Adds the in-memory provider, named <c>InMemory</c>: each connection id is its own isolated, thread-safe ledger that
    /// lives as long as the service provider. It follows Ledgerline's canonical semantics exactly, so applications can
    /// test against it. Calling it again changes nothing but adds <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">From <c>services.AddLedgerline()</c>.</param>
    /// <param name="configure">Restricts what the provider claims to support, to simulate a limited provider.</param>
    /// <returns>The builder, for chaining.</returns>
    public static LedgerlineBuilder AddInMemory(this LedgerlineBuilder builder, Action<InMemoryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<InMemoryOptions>();
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder.AddProvider<InMemoryLedgerProvider>();
    }
}
