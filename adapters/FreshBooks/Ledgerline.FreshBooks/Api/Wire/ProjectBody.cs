using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a project create or update: <c>{"project": {…}}</c>.</summary>
internal sealed record ProjectBody([property: JsonPropertyName("project")] ProjectWrite Fields);
