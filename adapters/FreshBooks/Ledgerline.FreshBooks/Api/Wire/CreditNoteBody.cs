using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a credit note create or update: <c>{"credit_note": {…}}</c> (singular, as FreshBooks documents it).</summary>
internal sealed record CreditNoteBody([property: JsonPropertyName("credit_note")] CreditNoteWrite Fields);
