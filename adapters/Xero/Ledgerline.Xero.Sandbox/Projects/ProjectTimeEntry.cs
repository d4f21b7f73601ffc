namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>Time logged by a user against a task of a project, in whole minutes.</summary>
internal sealed class ProjectTimeEntry
{
    public Guid TimeEntryId { get; init; }

    public Guid ProjectId { get; init; }

    public Guid TaskId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset DateUtc { get; set; }

    public DateTimeOffset DateEnteredUtc { get; init; }

    /// <summary>Minutes, 1–59940.</summary>
    public int Duration { get; set; }

    public string? Description { get; set; }

    /// <summary><c>ACTIVE</c>, <c>LOCKED</c> or <c>INVOICED</c>.</summary>
    public string Status { get; set; } = "ACTIVE";
}
