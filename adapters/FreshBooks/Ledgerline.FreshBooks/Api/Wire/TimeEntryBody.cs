using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a time_entry create or update: <c>{"time_entry": {…}}</c>.</summary>
internal sealed record TimeEntryBody([property: JsonPropertyName("time_entry")] TimeEntryWrite Fields);
