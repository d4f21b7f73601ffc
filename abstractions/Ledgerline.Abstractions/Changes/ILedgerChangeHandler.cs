namespace Ledgerline;

/// <summary>
/// What an application implements to receive change events (register it in dependency injection). A receiver calls it
/// once per authenticated notice, duplicates included (see <see cref="LedgerChange.IsDuplicate"/>). Return quickly:
/// providers time deliveries out and redeliver; queue long work. An exception tells the provider to deliver again.
/// </summary>
public interface ILedgerChangeHandler
{
    /// <summary>Handles one change event.</summary>
    Task HandleAsync(LedgerChange change, CancellationToken cancellationToken = default);
}
