using Ledgerline.Mapping;
using Ledgerline.Xero.Api;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero projects as canonical projects: <c>projectId</c>, <c>name</c>, <c>contactId</c>, <c>deadlineUtc</c> as the due
/// day in the organisation's time zone, <c>estimate</c> as the budget (in its own currency), <c>status</c>
/// <c>CLOSED</c> as complete (<c>INPROGRESS</c> open; any other value is an invalid answer). Xero keeps no description,
/// no change time and no billing method on a project (its tasks carry the rates), so those read as null and
/// <see cref="ProjectBillingMethod.Unknown"/>; it never archives or deletes one, so every project is active.
/// </summary>
internal sealed class ProjectRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<XeroProject, Project>()
            .Map(d => d.Id, s => XeroValues.Required(s.Wire.ProjectId, "projectId"))
            .Map(d => d.UpdatedAt, s => (DateTimeOffset?)null)
            .Map(d => d.State, s => RecordState.Active)
            .Map(d => d.Name, s => XeroValues.Required(s.Wire.Name, "name"))
            .Map(d => d.ContactId, s => XeroValues.Text(s.Wire.ContactId))
            .Map(d => d.Description, s => (string?)null)
            .Map(d => d.DueDate, s => ProjectsValues.Deadline(s.Wire.DeadlineUtc, s.Zone))
            .Map(d => d.BillingMethod, s => ProjectBillingMethod.Unknown)
            .Map(d => d.FixedPrice, s => (Money?)null)
            .Map(d => d.HourlyRate, s => (Money?)null)
            .Map(d => d.Budget, s => Budget(s.Wire))
            .Map(d => d.IsComplete, s => IsComplete(s.Wire.Status))
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<XeroProject, Project>(s => new Project
        {
            Id = XeroValues.Required(s.Wire.ProjectId, "projectId"),
            UpdatedAt = null,
            State = RecordState.Active,
            Name = XeroValues.Required(s.Wire.Name, "name"),
            ContactId = XeroValues.Text(s.Wire.ContactId),
            Description = null,
            DueDate = ProjectsValues.Deadline(s.Wire.DeadlineUtc, s.Zone),
            BillingMethod = ProjectBillingMethod.Unknown,
            FixedPrice = null,
            HourlyRate = null,
            Budget = Budget(s.Wire),
            IsComplete = IsComplete(s.Wire.Status),
        });
    }

    private static Money? Budget(ProjectWire wire) => wire.Estimate is { } estimate
        ? new Money(XeroValues.Required(estimate.Value, "estimate.value"), XeroValues.Currency(estimate.Currency ?? wire.CurrencyCode, "estimate.currency"))
        : null;

    private static bool IsComplete(string? status) => status switch
    {
        "INPROGRESS" => false,
        "CLOSED" => true,
        _ => throw new FormatException($"Xero sent the project status '{status}', neither INPROGRESS nor CLOSED."),
    };
}
