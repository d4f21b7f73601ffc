using System.Text.Json.Serialization;

namespace Ledgerline.Connections;

/// <summary>
/// Source-generated serialization of the JSON columns a durable connection store keeps (scopes, properties), so no row is
/// read or written by reflection (reflection-based serialization is disabled in trimmed and Native AOT apps). One source
/// file compiled into each store package; the text is the same the default options write.
/// </summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ConnectionColumnsJson : JsonSerializerContext;
