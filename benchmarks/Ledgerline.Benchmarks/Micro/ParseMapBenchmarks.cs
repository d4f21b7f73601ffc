using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ledgerline.Benchmarks.Support;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.FreshBooks.Stores;
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

    private static readonly RecordPath Invoices = AccountingEntities.Invoices.Path;

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

    /// <summary>
    /// The same call with the adapter's options (source-generated metadata, lenient converters) into the adapter's own
    /// envelope types: the cost of tolerating FreshBooks' loose types.
    /// </summary>
    [Benchmark(Description = "STJ adapter options → wire records")]
    public int StjAdapterOptions() =>
        JsonSerializer.Deserialize(_page, FreshBooksJson.Info<AccountingEnvelope<InvoiceResult>>())!.Response!.Result!.Records!.Count;

    /// <summary>The adapter's parse step alone: the typed read with its envelope checks (what Refit hands the store).</summary>
    [Benchmark(Description = "Adapter parse (typed envelope)")]
    public int AdapterParse()
    {
        var result = FreshBooksEnvelope.Result(FreshBooksEnvelope.Deserialize<AccountingEnvelope<InvoiceResult>>(_response), Invoices);
        var n = 0;
        foreach (var wire in result.Records!)
        {
            n += wire.Lines?.Count > 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>
    /// Mapping alone: 100 wire invoices to canonical ones through the adapter's Mapster configuration. Each call maps
    /// fresh copies (<c>wire with { }</c>, a shallow copy), as in earlier runs, so that the figures compare; the mapping
    /// keeps nothing per wire instance any more.
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

    /// <summary>Parse + map as below but without keeping <c>RawRepresentation</c>: isolates the cost of the raw form.</summary>
    [Benchmark(Description = "Adapter parse + map, no RawRepresentation")]
    public int ParseAndMapWithoutRaw() => ParseAndMap(keepRaw: false);

    /// <summary>
    /// Parse + map exactly as a store's list fetch does it (AccountingStore.FetchAsync): typed read, envelope checks, map,
    /// and keep each record's JSON as <c>RawRepresentation</c> (a <c>RawJson</c> over the record's slice of the body, noted
    /// while reading).
    /// </summary>
    [Benchmark(Description = "Adapter parse + map (as ListAsync)")]
    public int ParseAndMap() => ParseAndMap(keepRaw: true);

    private int ParseAndMap(bool keepRaw)
    {
        var config = FreshBooksMapping.Config;
        var answer = FreshBooksEnvelope.Deserialize<AccountingEnvelope<InvoiceResult>>(_response);
        var page = FreshBooksEnvelope.Page<InvoiceWire, Invoice>(_response, FreshBooksEnvelope.Result(answer, Invoices), Invoices, keepRaw,
            wire => wire.Adapt<InvoiceWire, Invoice>(config));
        return page.Items.Count;
    }
}
