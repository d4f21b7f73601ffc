using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Projects;

internal sealed class Project : Entity
{
    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public DateOnly? DueDate { get; set; }

    public int? ClientId { get; set; }

    public bool Internal { get; set; }

    public int? Budget { get; set; }

    public decimal? FixedPrice { get; set; }

    public decimal? Rate { get; set; }

    public string? BillingMethod { get; set; }

    public string ProjectType { get; set; } = "hourly_rate";

    public int? ProjectManagerId { get; set; }

    public bool Active { get; set; } = true;

    public bool Complete { get; set; }
}

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
