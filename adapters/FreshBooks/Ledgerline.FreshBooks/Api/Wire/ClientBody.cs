using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a client create or update: <c>{"client": {…}}</c>.</summary>
internal sealed record ClientBody([property: JsonPropertyName("client")] ClientWrite Fields);
