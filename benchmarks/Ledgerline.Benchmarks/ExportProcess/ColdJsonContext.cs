using System.Text.Json.Serialization;
using Ledgerline.Benchmarks.Export;
using Ledgerline.Benchmarks.Support;

namespace Ledgerline.Benchmarks.ExportProcess;

/// <summary>
/// Source-generated JSON for what a Native AOT publish of the child reads and writes: its report and, in the plain loop,
/// the page (<see cref="PlainPageLoop"/> reads it with reflection where the runtime can, as before).
/// </summary>
[JsonSerializable(typeof(ChildReport))]
[JsonSerializable(typeof(PlainListEnvelope))]
internal sealed partial class ColdJsonContext : JsonSerializerContext;
