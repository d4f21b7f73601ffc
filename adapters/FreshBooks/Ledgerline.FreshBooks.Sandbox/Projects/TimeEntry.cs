using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Projects;

/// <summary>A time entry; <c>IsLogged</c> false is a running timer, <c>Active</c> false a deleted entry.</summary>
internal sealed class TimeEntry : Entity
{
    public int IdentityId { get; set; }

    public bool IsLogged { get; set; } = true;

    public DateTimeOffset StartedAt { get; set; }

    public int? Duration { get; set; }

    public string? Note { get; set; }

    public int? ClientId { get; set; }

    public int? ProjectId { get; set; }

    public int? TaskId { get; set; }

    public int? ServiceId { get; set; }

    public bool Billable { get; set; } = true;

    public bool Billed { get; set; }

    public bool Internal { get; set; }

    public bool Active { get; set; } = true;
}
