namespace Ledgerline;

/// <summary>
/// A record's visibility, separate from any business lifecycle (an invoice can be <see cref="Archived"/> and
/// <see cref="InvoiceStatus.Paid"/> at once). FreshBooks calls this <c>vis_state</c>: 0 active, 1 deleted, 2 archived.
/// </summary>
public enum RecordState
{
    /// <summary>Visible and usable.</summary>
    Active = 0,

    /// <summary>Hidden from everyday lists but still counted and usable; restore returns it to active.</summary>
    Archived = 1,

    /// <summary>Soft-deleted: still readable by id, not writable until restored.</summary>
    Deleted = 2,
}

/// <summary>Which record states a list query returns.</summary>
[Flags]
public enum RecordStates
{
    /// <summary>Nothing: not a valid query value.</summary>
    None = 0,

    /// <summary>Active records (the default).</summary>
    Active = 1,

    /// <summary>Archived records.</summary>
    Archived = 2,

    /// <summary>Deleted records.</summary>
    Deleted = 4,

    /// <summary>Active and archived records: what FreshBooks returns when not asked.</summary>
    NotDeleted = Active | Archived,

    /// <summary>Every record.</summary>
    All = Active | Archived | Deleted,
}

/// <summary>Helpers for <see cref="RecordStates"/>.</summary>
public static class RecordStatesExtensions
{
    /// <summary>Whether a record in <paramref name="state"/> is selected by <paramref name="states"/>.</summary>
    public static bool Includes(this RecordStates states, RecordState state) => state switch
    {
        RecordState.Active => states.HasFlag(RecordStates.Active),
        RecordState.Archived => states.HasFlag(RecordStates.Archived),
        RecordState.Deleted => states.HasFlag(RecordStates.Deleted),
        _ => false,
    };
}
