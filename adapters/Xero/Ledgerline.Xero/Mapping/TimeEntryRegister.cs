using Ledgerline.Mapping;
using Ledgerline.Xero.Api;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero time entries as canonical ones: the id is <c>{projectId}:{timeEntryId}</c> (Xero reads an entry only through its
/// project), <c>dateUtc</c> the start, <c>duration</c> whole minutes (0 to <see cref="MaxMinutes"/>), <c>description</c>
/// the note, <c>taskId</c> and <c>userId</c> as they are; billable when the task is <c>TIME</c> or <c>FIXED</c>, billed
/// when <c>INVOICED</c>, the contact the project's. Xero runs no timers and keeps no change time (<c>dateEnteredUtc</c> is
/// the creation), so entries are never running and have no <see cref="LedgerRecord.UpdatedAt"/>; deleted ones are gone.
/// </summary>
internal sealed class TimeEntryRegister : IRegister
{
    /// <summary>Xero's longest entry: 59940 minutes (999 hours).</summary>
    public const long MaxMinutes = 59940;

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<XeroTimeEntry, TimeEntry>()
            .Map(d => d.Id, s => ProjectsValues.TimeEntryId(XeroValues.Required(s.Wire.ProjectId, "projectId"), XeroValues.Required(s.Wire.TimeEntryId, "timeEntryId")))
            .Map(d => d.UpdatedAt, s => (DateTimeOffset?)null)
            .Map(d => d.State, s => RecordState.Active)
            .Map(d => d.StartedAt, s => ProjectsValues.Instant(s.Wire.DateUtc, "dateUtc"))
            .Map(d => d.Duration, s => Minutes(s.Wire.Duration))
            .Map(d => d.IsRunning, s => false)
            .Map(d => d.Billable, s => s.Billable)
            .Map(d => d.Billed, s => s.Wire.Status == "INVOICED")
            .Map(d => d.ContactId, s => s.ContactId)
            .Map(d => d.ProjectId, s => s.Wire.ProjectId)
            .Map(d => d.Note, s => XeroValues.Text(s.Wire.Description))
            .Map(d => d.TaskId, s => XeroValues.Required(s.Wire.TaskId, "taskId"))
            .Map(d => d.UserId, s => XeroValues.Required(s.Wire.UserId, "userId"))
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<XeroTimeEntry, TimeEntry>(s => new TimeEntry
        {
            Id = ProjectsValues.TimeEntryId(XeroValues.Required(s.Wire.ProjectId, "projectId"), XeroValues.Required(s.Wire.TimeEntryId, "timeEntryId")),
            UpdatedAt = null,
            State = RecordState.Active,
            StartedAt = ProjectsValues.Instant(s.Wire.DateUtc, "dateUtc"),
            Duration = Minutes(s.Wire.Duration),
            IsRunning = false,
            Billable = s.Billable,
            Billed = s.Wire.Status == "INVOICED",
            ContactId = s.ContactId,
            ProjectId = s.Wire.ProjectId,
            Note = XeroValues.Text(s.Wire.Description),
            TaskId = XeroValues.Required(s.Wire.TaskId, "taskId"),
            UserId = XeroValues.Required(s.Wire.UserId, "userId"),
        });
    }

    private static TimeSpan? Minutes(long? minutes) => minutes switch
    {
        null => throw new FormatException("Xero sent no duration."),
        >= 0 and <= MaxMinutes => TimeSpan.FromMinutes(minutes.Value),
        _ => throw new FormatException($"Xero sent the duration {minutes.Value} minutes, not from 0 to {MaxMinutes}."),
    };
}
