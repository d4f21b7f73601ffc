using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a expense create or update: <c>{"expense": {…}}</c>.</summary>
internal sealed record ExpenseBody([property: JsonPropertyName("expense")] ExpenseWrite Fields);
