using Ledgerline.FreshBooks.Api;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Time entries. Their timestamps are already UTC (ISO, with or without <c>Z</c>). FreshBooks documents no
/// <c>updated_at</c> on time entries, so <see cref="LedgerRecord.UpdatedAt"/> falls back to <c>created_at</c>.
/// </summary>
internal sealed class TimeEntryRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<TimeEntryWire, TimeEntry>()
            .Map(d => d.Id, s => FreshBooksValues.Id(s.Id, null))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.Utc(s.UpdatedAt) ?? FreshBooksValues.Utc(s.CreatedAt) ?? FreshBooksValues.Utc(s.StartedAt) ?? DateTimeOffset.UnixEpoch)
            .Map(d => d.State, s => s.Active == false ? RecordState.Deleted : RecordState.Active)
            .Map(d => d.StartedAt, s => FreshBooksValues.Utc(s.StartedAt) ?? DateTimeOffset.UnixEpoch)
            .Map(d => d.Duration, s => s.Duration.HasValue ? TimeSpan.FromSeconds(s.Duration.Value) : (TimeSpan?)null)
            .Map(d => d.IsRunning, s => (s.Timer != null && s.Timer.IsRunning == true) || s.IsLogged == false)
            .Map(d => d.Billable, s => s.Billable == true)
            .Map(d => d.Billed, s => s.Billed == true)
            .Map(d => d.ContactId, s => FreshBooksValues.Reference(s.ClientId))
            .Map(d => d.ProjectId, s => FreshBooksValues.Reference(s.ProjectId))
            .Map(d => d.Note, s => FreshBooksValues.Text(s.Note))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewTimeEntry, TimeEntryWrite>()
            .Map(d => d.IsLogged, s => true)
            .Map(d => d.StartedAt, s => FreshBooksValues.Utc(s.StartedAt))
            .Map(d => d.Duration, s => (long)s.Duration.TotalSeconds)
            .Map(d => d.Billable, s => s.Billable)
            .Map(d => d.ClientId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.ProjectId, s => s.ProjectId == null ? null : FreshBooksValues.ParseId(s.ProjectId))
            .Map(d => d.Note, s => s.Note);

        config.NewConfig<TimeEntryChanges, TimeEntryWrite>()
            .Ignore(d => d.IsLogged)
            .Map(d => d.StartedAt, s => s.StartedAt.HasValue ? FreshBooksValues.Utc(s.StartedAt.Value) : null)
            .Map(d => d.Duration, s => s.Duration.HasValue ? (long)s.Duration.Value.TotalSeconds : (long?)null)
            .Map(d => d.Billable, s => s.Billable)
            .Map(d => d.ClientId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.ProjectId, s => s.ProjectId == null ? null : FreshBooksValues.ParseId(s.ProjectId))
            .Map(d => d.Note, s => s.Note);
    }
}
