using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A state change; FreshBooks discards every other field of a body that carries <c>vis_state</c>, so it travels alone.</summary>
internal sealed record VisStateWrite([property: JsonPropertyName("vis_state")] int VisState);
