namespace Ledgerline;

/// <summary>
/// A kind of change an application subscribes to: one entity and one change kind (e.g. invoices created), or every
/// change to one entity when <see cref="Change"/> is <see langword="null"/>.
/// </summary>
/// <param name="Entity">The kind of record.</param>
/// <param name="Change">The kind of change, or <see langword="null"/> for all of them.</param>
public readonly record struct LedgerChangeTopic(EntityKind Entity, ChangeKind? Change = null)
{
    /// <summary>Every change to every kind of record a ledger holds, one topic per entity.</summary>
    public static IReadOnlyList<LedgerChangeTopic> All { get; } =
        [.. Enum.GetValues<EntityKind>().Select(e => new LedgerChangeTopic(e))];

    /// <summary>Whether a change of <paramref name="entity"/> and <paramref name="change"/> falls under this topic.</summary>
    public bool Includes(EntityKind entity, ChangeKind change) =>
        entity == Entity && (Change is not { } only || only == change);

    /// <summary>Formats as <c>Invoice</c> or <c>Invoice.Created</c>.</summary>
    public override string ToString() => Change is { } change ? $"{Entity}.{change}" : Entity.ToString();
}
