namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>A project of the Projects API; its money is in <see cref="CurrencyCode"/>, its totals are computed from its tasks and time.</summary>
internal sealed class ProjectRecord
{
    public Guid ProjectId { get; init; }

    public Guid ContactId { get; init; }

    public required string Name { get; set; }

    public required string CurrencyCode { get; init; }

    /// <summary>The estimate (<c>estimateAmount</c> in, <c>estimate</c> out); null when none was given.</summary>
    public decimal? Estimate { get; set; }

    public DateTimeOffset? DeadlineUtc { get; set; }

    /// <summary><c>INPROGRESS</c> or <c>CLOSED</c>.</summary>
    public string Status { get; set; } = "INPROGRESS";
}
