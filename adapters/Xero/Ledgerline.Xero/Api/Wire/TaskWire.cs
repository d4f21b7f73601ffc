using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A project task: what a time entry is logged against; its charge type says whether its time is billable.</summary>
internal sealed class TaskWire
{
    [JsonPropertyName("taskId")]
    public string? TaskId { get; set; }

    [JsonPropertyName("projectId")]
    public string? ProjectId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary><c>TIME</c>, <c>FIXED</c> or <c>NON_CHARGEABLE</c>.</summary>
    [JsonPropertyName("chargeType")]
    public string? ChargeType { get; set; }
}
