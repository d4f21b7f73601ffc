namespace Ledgerline;

/// <summary>What happened to a record, as a provider reported it.</summary>
public enum ChangeKind
{
    /// <summary>The record was created.</summary>
    Created,

    /// <summary>The record changed (including state changes such as archive or restore, and sends by e-mail).</summary>
    Updated,

    /// <summary>The record was deleted.</summary>
    Deleted,
}
