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
        RefuseTaxInclusivePrices(draft.UnitPricesIncludeTax);
        if (Ledger.VendorTable.Find(draft.VendorId) is not { State: not RecordState.Deleted })
        {
            throw NotFound(EntityKind.Vendor, draft.VendorId);
        }

        RequireLineTaxes(draft.Lines.Select(l => l.Taxes));
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
            Lines = NumberLines(draft.Lines, BillCalculator.Line),
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
        RefuseTaxInclusivePrices(changes.UnitPricesIncludeTax);
        if (changes.Lines is { } lines)
        {
            RequireLineCurrency(lines, l => l.UnitPrice, current.Currency, "bill");

            RequireLineTaxes(lines.Select(l => l.Taxes));
        }

        var updated = current with
        {
            Number = Change(current.Number, changes.Number),
            IssueDate = changes.IssueDate ?? current.IssueDate,
            DueDate = changes.DueDate ?? current.DueDate,
            Lines = changes.Lines is { } newLines ? ReplaceLines($"bill {current.Id}", current.Lines, l => l.Id, newLines, l => l.Id, BillCalculator.Line) : current.Lines,
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

    // As credit notes with credit applied: payments would be left pointing at nothing.
    protected override void OnDeleting(Bill record)
    {
        if (Ledger.BillAmountPaid(record).Amount != 0m)
        {
            throw Invalid(nameof(Bill.AmountPaid), $"Bill {record.Id} has payments; delete them before deleting the bill.", "BillHasPayments");
        }
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
