using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Projects;

/// <summary>A project; it has no vis_state: <c>Active</c> false archives it, <c>Complete</c> marks it done.</summary>
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
