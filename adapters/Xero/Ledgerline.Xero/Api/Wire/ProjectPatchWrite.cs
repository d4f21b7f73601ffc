using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>The body of <c>PATCH /Projects/{id}</c>: <c>{"status":"INPROGRESS"|"CLOSED"}</c>.</summary>
internal sealed record ProjectPatchWrite([property: JsonPropertyName("status")] string Status);
