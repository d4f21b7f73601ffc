using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Time entries. Their timestamps are already UTC (ISO, with or without <c>Z</c>). FreshBooks documents no
/// <c>updated_at</c> on time entries, so <see cref="LedgerRecord.UpdatedAt"/> falls back to <c>created_at</c> (never to
/// <c>started_at</c>, which says nothing about changes). Id, <c>started_at</c>, that timestamp, <c>is_logged</c>,
/// <c>active</c>, <c>billable</c> and <c>billed</c> are required; <c>duration</c> (absent while a timer runs) must be a
/// whole number of seconds from 0 to <see cref="MaxDurationSeconds"/>.
/// </summary>
internal sealed class TimeEntryRegister : IRegister
{
    /// <summary>The longest duration read: a year, far beyond any entry FreshBooks accepts.</summary>
    public const long MaxDurationSeconds = 366L * 24 * 60 * 60;

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<TimeEntryWire, TimeEntry>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.Id, null))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredUtc(s.UpdatedAt, "updated_at", s.CreatedAt, "created_at"))
            .Map(d => d.State, s => FreshBooksValues.RequiredFlag(s.Active, "active") ? RecordState.Active : RecordState.Deleted)
            .Map(d => d.StartedAt, s => FreshBooksValues.RequiredUtc(s.StartedAt, "started_at"))
            .Map(d => d.Duration, s => Duration(s.Duration))
            .Map(d => d.IsRunning, s => (s.Timer != null && s.Timer.IsRunning == true) || !FreshBooksValues.RequiredFlag(s.IsLogged, "is_logged"))
            .Map(d => d.Billable, s => FreshBooksValues.RequiredFlag(s.Billable, "billable"))
            .Map(d => d.Billed, s => FreshBooksValues.RequiredFlag(s.Billed, "billed"))
            .Map(d => d.ContactId, s => FreshBooksValues.Reference(s.ClientId))
            .Map(d => d.ProjectId, s => FreshBooksValues.Reference(s.ProjectId))
            .Map(d => d.Note, s => FreshBooksValues.Text(s.Note))
            .Map(d => d.TaskId, s => FreshBooksValues.Reference(s.TaskId))
            .Map(d => d.UserId, s => FreshBooksValues.Reference(s.IdentityId))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewTimeEntry, TimeEntryWrite>()
            .Map(d => d.IsLogged, s => true)
            .Map(d => d.StartedAt, s => FreshBooksValues.Utc(s.StartedAt))
            .Map(d => d.Duration, s => (long)s.Duration.TotalSeconds)
            .Map(d => d.Billable, s => s.Billable)
            .Map(d => d.ClientId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.ProjectId, s => s.ProjectId == null ? null : FreshBooksValues.ParseId(s.ProjectId))
            .Map(d => d.Note, s => s.Note)
            .Map(d => d.TaskId, s => s.TaskId == null ? null : FreshBooksValues.ParseId(s.TaskId));

        config.NewConfig<TimeEntryChanges, TimeEntryWrite>()
            .Ignore(d => d.IsLogged)
            .Map(d => d.StartedAt, s => s.StartedAt.HasValue ? FreshBooksValues.Utc(s.StartedAt.Value) : null)
            .Map(d => d.Duration, s => s.Duration.HasValue ? (long)s.Duration.Value.TotalSeconds : (long?)null)
            .Map(d => d.Billable, s => s.Billable)
            .Map(d => d.ClientId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.ProjectId, s => s.ProjectId == null ? null : FreshBooksValues.ParseId(s.ProjectId))
            .Map(d => d.Note, s => s.Note)
            .Map(d => d.TaskId, s => s.TaskId == null ? null : FreshBooksValues.ParseId(s.TaskId));
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<TimeEntryWire, TimeEntry>(s => new TimeEntry
        {
            Id = FreshBooksValues.RequiredId(s.Id, null),
            UpdatedAt = FreshBooksValues.RequiredUtc(s.UpdatedAt, "updated_at", s.CreatedAt, "created_at"),
            State = FreshBooksValues.RequiredFlag(s.Active, "active") ? RecordState.Active : RecordState.Deleted,
            StartedAt = FreshBooksValues.RequiredUtc(s.StartedAt, "started_at"),
            Duration = Duration(s.Duration),
            IsRunning = (s.Timer != null && s.Timer.IsRunning == true) || !FreshBooksValues.RequiredFlag(s.IsLogged, "is_logged"),
            Billable = FreshBooksValues.RequiredFlag(s.Billable, "billable"),
            Billed = FreshBooksValues.RequiredFlag(s.Billed, "billed"),
            ContactId = FreshBooksValues.Reference(s.ClientId),
            ProjectId = FreshBooksValues.Reference(s.ProjectId),
            Note = FreshBooksValues.Text(s.Note),
            TaskId = FreshBooksValues.Reference(s.TaskId),
            UserId = FreshBooksValues.Reference(s.IdentityId),
        });
        mappings.Add<NewTimeEntry, TimeEntryWrite>(s => new TimeEntryWrite
        {
            IsLogged = true,
            StartedAt = FreshBooksValues.Utc(s.StartedAt),
            Duration = (long)s.Duration.TotalSeconds,
            Billable = s.Billable,
            ClientId = s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId),
            ProjectId = s.ProjectId == null ? null : FreshBooksValues.ParseId(s.ProjectId),
            Note = s.Note,
            TaskId = s.TaskId == null ? null : FreshBooksValues.ParseId(s.TaskId),
        });
        // Not mapped, as in the Mapster configuration: IsLogged.
        mappings.Add<TimeEntryChanges, TimeEntryWrite>(s => new TimeEntryWrite
        {
            StartedAt = s.StartedAt.HasValue ? FreshBooksValues.Utc(s.StartedAt.Value) : null,
            Duration = s.Duration.HasValue ? (long)s.Duration.Value.TotalSeconds : (long?)null,
            Billable = s.Billable,
            ClientId = s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId),
            ProjectId = s.ProjectId == null ? null : FreshBooksValues.ParseId(s.ProjectId),
            Note = s.Note,
            TaskId = s.TaskId == null ? null : FreshBooksValues.ParseId(s.TaskId),
        });
    }

    private static TimeSpan? Duration(long? seconds) => seconds switch
    {
        null => null,
        >= 0 and <= MaxDurationSeconds => TimeSpan.FromSeconds(seconds.Value),
        _ => throw new FormatException($"The field 'duration' is {seconds.Value} seconds, not from 0 to {MaxDurationSeconds}."),
    };
}
