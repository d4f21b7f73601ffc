using System.Globalization;
using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Bills;

/// <summary>
/// Bills, approved for payment when recorded (<see cref="BillStatus.Open"/>); their paid and due amounts and status follow
/// their bill payments. Overdue is not derived here: the InMemory provider has no notion of "today" for bills.
/// </summary>
internal sealed class InMemoryBillStore(InMemoryLedger ledger)
    : InMemoryStore<Bill, NewBill, BillChanges, BillQuery>(ledger, EntityKind.Bill, ledger.BillTable), IBillStore
{
    protected override Bill Create(NewBill draft, DateTimeOffset now)
    {
        if (Ledger.VendorTable.Find(draft.VendorId) is not { State: not RecordState.Deleted })
        {
            throw NotFound(EntityKind.Vendor, draft.VendorId);
        }

        RequireTaxRates(draft.Lines.SelectMany(l => l.Taxes).Select(t => t.TaxRateId));
        var zero = Money.Zero(draft.Currency);
        return Settle(new Bill
        {
            Id = string.Empty,
            UpdatedAt = now,
            Number = Text(draft.Number),
            VendorId = draft.VendorId,
            Status = BillStatus.Open,
            IssueDate = draft.IssueDate,
            DueDate = draft.DueDate,
            Currency = draft.Currency,
            Lines = [.. draft.Lines.Select(BillCalculator.Line)],
            Subtotal = zero,
            Tax = zero,
            Total = zero,
            AmountPaid = zero,
            AmountDue = zero,
            Notes = Text(draft.Notes),
        }, zero);
    }

    protected override Bill Update(Bill current, BillChanges changes)
    {
        if (changes.Lines is { } lines)
        {
            RequireLineCurrency(lines, l => l.UnitPrice, current.Currency, "bill");

            RequireTaxRates(lines.SelectMany(l => l.Taxes).Select(t => t.TaxRateId));
        }

        var updated = current with
        {
            Number = Change(current.Number, changes.Number),
            IssueDate = changes.IssueDate ?? current.IssueDate,
            DueDate = changes.DueDate ?? current.DueDate,
            Lines = changes.Lines is { } newLines ? [.. newLines.Select(BillCalculator.Line)] : current.Lines,
            Notes = Change(current.Notes, changes.Notes),
        };
        if (updated.DueDate is { } due && due < updated.IssueDate)
        {
            throw Invalid(
                nameof(BillChanges.DueDate),
                string.Create(CultureInfo.InvariantCulture, $"DueDate {due:yyyy-MM-dd} would be before IssueDate {updated.IssueDate:yyyy-MM-dd}."),
                "DueBeforeIssue");
        }

        var settled = Settle(updated, Ledger.BillAmountPaid(updated));
        return settled.AmountDue.Amount < 0m
            ? throw Invalid(nameof(BillChanges.Lines), $"Bill {current.Id} would total {settled.Total}, less than the {settled.AmountPaid} already paid.", "TotalBelowPaid")
            : settled;
    }

    private Bill Settle(Bill bill, Money paid)
    {
        try
        {
            return BillCalculator.Settle(bill, paid);
        }
        catch (OverflowException exception)
        {
            throw new LedgerValidationException(
                [new FieldError(nameof(NewBill.Lines), "The bill amounts are too large to compute exactly.", "AmountOverflow")], exception)
            {
                Provider = Ledger.ProviderName,
            };
        }
    }
}
