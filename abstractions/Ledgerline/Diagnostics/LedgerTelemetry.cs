using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Diagnostics;

/// <summary>Ledgerline's activity source, tag names and instruments, one set per meter.</summary>
internal sealed class LedgerTelemetry
{
    public const string ProviderTag = "ledgerline.provider";
    public const string ConnectionIdTag = "ledgerline.connection_id";
    public const string EntityTag = "ledgerline.entity";
    public const string OperationTag = "ledgerline.operation";
    public const string RecordIdTag = "ledgerline.record_id";
    public const string RecordsTag = "ledgerline.records";
    public const string CancelledTag = "ledgerline.cancelled";
    public const string ErrorTypeTag = "error.type";

    private static readonly string? Version = typeof(LedgerTelemetry).Assembly.GetName().Version?.ToString();

    // Instruments are created once per meter: ledgers are opened per call site, and a meter factory owns its meters.
    private static readonly ConditionalWeakTable<IMeterFactory, LedgerTelemetry> ByFactory = [];
    private static readonly Lazy<LedgerTelemetry> Fallback = new(() => new LedgerTelemetry(new Meter(LedgerlineDiagnostics.MeterName, Version)));

    private LedgerTelemetry(Meter meter)
    {
        Duration = meter.CreateHistogram<double>(
            LedgerlineDiagnostics.OperationDurationInstrumentName, unit: "s", description: "Duration of Ledgerline store calls.");
        Refused = meter.CreateCounter<long>(
            LedgerlineDiagnostics.OperationRefusedInstrumentName, unit: "{call}", description: "Store calls refused as invalid or unsupported.");
    }

    public static ActivitySource Source { get; } = new(LedgerlineDiagnostics.ActivitySourceName, Version);

    /// <summary>Instruments on a static meter, for applications that register no <see cref="IMeterFactory"/>.</summary>
    public static LedgerTelemetry Shared => Fallback.Value;

    public Histogram<double> Duration { get; }

    public Counter<long> Refused { get; }

    /// <summary>The application's meter when it registered an <see cref="IMeterFactory"/>, as .NET advises for DI apps; the shared one otherwise.</summary>
    public static LedgerTelemetry For(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<IMeterFactory>() is { } factory
            ? ByFactory.GetValue(factory, f => new LedgerTelemetry(f.Create(new MeterOptions(LedgerlineDiagnostics.MeterName) { Version = Version })))
            : Shared;
    }
}
