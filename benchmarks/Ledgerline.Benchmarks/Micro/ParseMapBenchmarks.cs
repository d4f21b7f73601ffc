using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ledgerline.Benchmarks.Support;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Mapster;

namespace Ledgerline.Benchmarks.Micro;

/// <summary>
/// One FreshBooks list page (100 invoices × 5 lines, the sandbox's bytes): what the adapter does with it, step by step,
/// against plain System.Text.Json reading the same bytes into the same wire records in one call (the floor).
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet derives its generated runner from benchmark classes.</remarks>
[MemoryDiagnoser]
public class ParseMapBenchmarks
{
    private static readonly JsonSerializerOptions PlainOptions = new();

    // The adapter's converters over the benchmark's own plain envelope (the adapter's resolver knows only its wire types).
    private static readonly JsonSerializerOptions AdapterOptions = new(FreshBooksJson.Options) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    private byte[] _page = [];
    private FreshBooksResponse _response = null!;
    private InvoiceWire[] _wires = [];

    /// <summary>Captures the page from the sandbox and deserializes it once for the map-only case.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        var bodies = await SampleBodies.CaptureAsync();
        _page = bodies.Page;
        _response = new FreshBooksResponse(new FreshBooksCall(EntityKind.Invoice, "list", BenchmarkLedger.ConnectionId), 200, _page);
        _wires = [.. JsonSerializer.Deserialize<PlainListEnvelope>(_page, PlainOptions)!.Response!.Result!.Invoices!];
        _ = FreshBooksMapping.Config;
        if (ParseAndMap() != 100 || _wires.Length != 100)
        {
            throw new InvalidOperationException("The sample page does not hold 100 invoices.");
        }
    }

    /// <summary>The floor: plain System.Text.Json, default options, whole page into wire records.</summary>
    [Benchmark(Baseline = true, Description = "STJ plain → wire records (floor)")]
    public int StjPlain() => JsonSerializer.Deserialize<PlainListEnvelope>(_page, PlainOptions)!.Response!.Result!.Invoices!.Count;

    /// <summary>The same call with the adapter's lenient converters: the cost of tolerating FreshBooks' loose types.</summary>
    [Benchmark(Description = "STJ adapter options → wire records")]
    public int StjAdapterOptions() => JsonSerializer.Deserialize<PlainListEnvelope>(_page, AdapterOptions)!.Response!.Result!.Invoices!.Count;

    /// <summary>The adapter's parse step alone: envelope checks on a JsonDocument, then one deserialize per element.</summary>
    [Benchmark(Description = "Adapter parse (document + per-record read)")]
    public int AdapterParse()
    {
        using var document = FreshBooksEnvelope.Parse(_response);
        var (items, _) = FreshBooksEnvelope.AccountingList(_response, document, "invoices");
        var n = 0;
        foreach (var element in items.EnumerateArray())
        {
            n += FreshBooksEnvelope.Read<InvoiceWire>(_response, element).Lines?.Count > 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>
    /// Mapping alone: 100 wire invoices to canonical ones through the adapter's Mapster configuration. Each call maps
    /// fresh copies (<c>wire with { }</c>, a shallow copy) because the invoice mapping caches what it derives per wire
    /// instance; mapping the same instances again would measure only that cache. In a listing every wire record is new.
    /// </summary>
    [Benchmark(Description = "Adapter map only (Mapster, 100 fresh wire invoices)")]
    public int MapOnly()
    {
        var config = FreshBooksMapping.Config;
        var n = 0;
        foreach (var wire in _wires)
        {
            n += (wire with { }).Adapt<InvoiceWire, Invoice>(config).Lines.Count > 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>The cost of the fresh copies <see cref="MapOnly"/> makes, to subtract from it.</summary>
    [Benchmark(Description = "Shallow copies of 100 wire invoices (MapOnly's overhead)")]
    public int CopyOnly()
    {
        var n = 0;
        foreach (var wire in _wires)
        {
            n += (wire with { }).Lines?.Count > 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>The line conversion alone (<c>PricedInvoice.ReadLines</c>: quantities, money, taxes) for 100 invoices.</summary>
    [Benchmark(Description = "PricedInvoice.ReadLines only (100 invoices, once each)")]
    public int LinesOnly()
    {
        var n = 0;
        foreach (var wire in _wires)
        {
            n += PricedInvoice.ReadLines(wire, PricedInvoice.CurrencyOf(wire)).Count;
        }

        return n;
    }

    /// <summary>Parse + map as below but without keeping <c>RawRepresentation</c>: isolates the cost of the per-record clone.</summary>
    [Benchmark(Description = "Adapter parse + map, no RawRepresentation clone")]
    public int ParseAndMapWithoutRaw()
    {
        var config = FreshBooksMapping.Config;
        using var document = FreshBooksEnvelope.Parse(_response);
        var (items, _) = FreshBooksEnvelope.AccountingList(_response, document, "invoices");
        var records = new List<Invoice>(items.GetArrayLength());
        foreach (var element in items.EnumerateArray())
        {
            records.Add(FreshBooksEnvelope.Read<InvoiceWire>(_response, element).Adapt<InvoiceWire, Invoice>(config));
        }

        return records.Count;
    }

    /// <summary>
    /// Parse + map exactly as a store's list fetch does it (AccountingStore.FetchAsync): parse, envelope, per record read,
    /// map, and keep a clone of the record's JSON as <c>RawRepresentation</c>.
    /// </summary>
    [Benchmark(Description = "Adapter parse + map (as ListAsync)")]
    public int ParseAndMap()
    {
        var config = FreshBooksMapping.Config;
        using var document = FreshBooksEnvelope.Parse(_response);
        var (items, _) = FreshBooksEnvelope.AccountingList(_response, document, "invoices");
        var records = new List<Invoice>(items.GetArrayLength());
        foreach (var element in items.EnumerateArray())
        {
            var current = element;
            records.Add(FreshBooksEnvelope.Map(_response, current, keepRaw: true,
                () => FreshBooksEnvelope.Read<InvoiceWire>(_response, current).Adapt<InvoiceWire, Invoice>(config)));
        }

        return records.Count;
    }
}
