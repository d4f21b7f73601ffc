namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>A task of a project: what time is logged against and how it is charged.</summary>
internal sealed class ProjectTask
{
    public Guid TaskId { get; init; }

    public Guid ProjectId { get; init; }

    public required string Name { get; set; }

    /// <summary>The rate, in the project's currency: per hour for <c>TIME</c>, the whole price for <c>FIXED</c>.</summary>
    public decimal Rate { get; set; }

    /// <summary><c>TIME</c>, <c>FIXED</c> or <c>NON_CHARGEABLE</c>.</summary>
    public required string ChargeType { get; set; }

    public int? EstimateMinutes { get; set; }

    /// <summary><c>ACTIVE</c>; the sandbox never invoices, so never <c>INVOICED</c> or <c>LOCKED</c> unless seeded so.</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>Whether time on this task can be invoiced (<c>TIME</c> or <c>FIXED</c>): the time filter <c>isChargeable</c>.</summary>
    public bool IsChargeable => ChargeType is "TIME" or "FIXED";
}
