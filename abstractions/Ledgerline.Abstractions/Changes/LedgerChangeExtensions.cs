namespace Ledgerline;

/// <summary>Conveniences for change events.</summary>
public static class LedgerChangeExtensions
{
    /// <summary>
    /// Fetches the current state of the record a change names through <paramref name="ledger"/>'s stores.
    /// Returns <see langword="null"/> for a deletion, when the record no longer exists, and when the ledger cannot read
    /// that entity (a provider that sends events for records its adapter does not read yet); other errors propagate.
    /// </summary>
    public static async Task<LedgerRecord?> FetchRecordAsync(this ILedger ledger, LedgerChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == ChangeKind.Deleted || !ledger.Capabilities.Supports(change.Entity, StoreOperations.Get))
        {
            return null;
        }

        try
        {
            return change.Entity switch
            {
                EntityKind.Contact => await ledger.Contacts.GetAsync(change.EntityId, cancellationToken),
                EntityKind.Invoice => await ledger.Invoices.GetAsync(change.EntityId, cancellationToken),
                EntityKind.Payment => await ledger.Payments.GetAsync(change.EntityId, cancellationToken),
                EntityKind.Expense => await ledger.Expenses.GetAsync(change.EntityId, cancellationToken),
                EntityKind.TimeEntry => await ledger.TimeEntries.GetAsync(change.EntityId, cancellationToken),
                EntityKind.Item => await ledger.Items.GetAsync(change.EntityId, cancellationToken),
                EntityKind.TaxRate => await ledger.TaxRates.GetAsync(change.EntityId, cancellationToken),
                EntityKind.Estimate => await ledger.Estimates.GetAsync(change.EntityId, cancellationToken),
                EntityKind.CreditNote => await ledger.CreditNotes.GetAsync(change.EntityId, cancellationToken),
                EntityKind.Vendor => await ledger.Vendors.GetAsync(change.EntityId, cancellationToken),
                EntityKind.Bill => await ledger.Bills.GetAsync(change.EntityId, cancellationToken),
                EntityKind.BillPayment => await ledger.BillPayments.GetAsync(change.EntityId, cancellationToken),
                EntityKind.Project => await ledger.Projects.GetAsync(change.EntityId, cancellationToken),
                _ => null,
            };
        }
        catch (RecordNotFoundException)
        {
            // A notice can outlive its record (deleted since, or never visible to this connection): no record, no error.
            return null;
        }
    }
}
