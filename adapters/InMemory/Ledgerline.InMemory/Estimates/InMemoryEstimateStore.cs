using System.Globalization;
using Ledgerline.InMemory.Invoices;
using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Estimates;

/// <summary>
/// Estimates with the invoice totals rules and a one-way lifecycle: draft → sent → accepted or declined; an accepted
/// estimate turns into a draft invoice once, and then reads as invoiced.
/// </summary>
internal sealed class InMemoryEstimateStore(InMemoryLedger ledger)
    : InMemoryStore<Estimate, NewEstimate, EstimateChanges, EstimateQuery>(ledger, EntityKind.Estimate, ledger.EstimateTable), IEstimateStore
{
    public Task<Estimate> MarkAsSentAsync(string id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, current => current.Status == EstimateStatus.Draft ? WithStatus(current, EstimateStatus.Sent) : current, cancellationToken);

    public Task<Estimate> AcceptAsync(string id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, current => current.Status switch
        {
            EstimateStatus.Accepted => current,
            EstimateStatus.Declined or EstimateStatus.Invoiced => throw Invalid(
                nameof(Estimate.Status), $"Estimate {current.Id} is {current.Status}; it can no longer be accepted.", "EstimateNotAcceptable"),
            _ => WithStatus(current, EstimateStatus.Accepted),
        }, cancellationToken);

    public Task<Estimate> DeclineAsync(string id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, current => current.Status switch
        {
            EstimateStatus.Declined => current,
            EstimateStatus.Accepted or EstimateStatus.Invoiced => throw Invalid(
                nameof(Estimate.Status), $"Estimate {current.Id} is {current.Status}; it can no longer be declined.", "EstimateNotDeclinable"),
            _ => WithStatus(current, EstimateStatus.Declined),
        }, cancellationToken);

    public Task<Invoice> ConvertToInvoiceAsync(string id, CancellationToken cancellationToken = default) => Run(() =>
    {
        lock (Ledger.Sync)
        {
            var estimate = RequireWritable(id);
            if (estimate is { Status: EstimateStatus.Invoiced, InvoiceId: { } invoiceId } && Ledger.InvoiceTable.Find(invoiceId) is { } existing)
            {
                return existing;
            }

            if (estimate.Status != EstimateStatus.Accepted)
            {
                throw Invalid(
                    nameof(Estimate.Status), $"Estimate {estimate.Id} is {estimate.Status}; only an accepted estimate becomes an invoice.", "EstimateNotAccepted");
            }

            var now = Ledger.TimeProvider.GetUtcNow();
            var invoice = Ledger.InvoiceStore.Add(
                new NewInvoice
                {
                    ContactId = estimate.ContactId,
                    Currency = estimate.Currency,
                    IssueDate = DateOnly.FromDateTime(now.UtcDateTime),
                    Lines = [.. estimate.Lines.Select(l => new NewInvoiceLine
                    {
                        Name = l.Name, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice, Taxes = l.Taxes,
                    })],
                    DiscountPercent = estimate.DiscountPercent,
                    Notes = estimate.Notes,
                    Terms = estimate.Terms,
                },
                now);
            Table.Replace(Stamp(WithStatus(estimate, EstimateStatus.Invoiced) with { InvoiceId = invoice.Id }, estimate.State, now));
            return invoice;
        }
    }, cancellationToken);

    protected override Estimate Create(NewEstimate draft, DateTimeOffset now)
    {
        RefuseTaxInclusivePrices(draft.UnitPricesIncludeTax);
        Ledger.InvoiceStore.RequireContact(draft.ContactId);
        RequireLineTaxes(draft.Lines.Select(l => l.Taxes));
        var zero = Money.Zero(draft.Currency);
        return Compute(new Estimate
        {
            Id = string.Empty,
            UpdatedAt = now,
            Number = draft.Number,
            ContactId = draft.ContactId,
            Status = EstimateStatus.Draft,
            ProviderStatus = nameof(EstimateStatus.Draft),
            IssueDate = draft.IssueDate,
            ExpiryDate = draft.ExpiryDate,
            Currency = draft.Currency,
            Lines = NumberLines(draft.Lines, InvoiceCalculator.Line),
            DiscountPercent = draft.DiscountPercent,
            Subtotal = zero,
            Discount = zero,
            Tax = zero,
            Total = zero,
            Notes = Text(draft.Notes),
            Terms = Text(draft.Terms),
        });
    }

    protected override Estimate Update(Estimate current, EstimateChanges changes)
    {
        RefuseTaxInclusivePrices(changes.UnitPricesIncludeTax);
        if (current.Status is EstimateStatus.Invoiced or EstimateStatus.Declined)
        {
            throw Invalid(
                nameof(Estimate.Status),
                current.Status == EstimateStatus.Invoiced
                    ? $"Estimate {current.Id} was turned into an invoice; change the invoice instead."
                    : $"Estimate {current.Id} was declined; make a new estimate instead.",
                "EstimateClosed");
        }

        if (changes.ContactId is { } contactId)
        {
            Ledger.InvoiceStore.RequireContact(contactId);
        }

        RequireLineCurrency(changes.Lines, l => l.UnitPrice, current.Currency, "estimate");

        RequireLineTaxes(changes.Lines?.Select(l => l.Taxes));
        var updated = current with
        {
            ContactId = changes.ContactId ?? current.ContactId,
            Number = changes.Number ?? current.Number,
            IssueDate = changes.IssueDate ?? current.IssueDate,
            ExpiryDate = changes.ExpiryDate ?? current.ExpiryDate,
            Lines = changes.Lines is { } newLines ? ReplaceLines($"estimate {current.Id}", current.Lines, l => l.Id, newLines, l => l.Id, InvoiceCalculator.Line) : current.Lines,
            DiscountPercent = changes.DiscountPercent ?? current.DiscountPercent,
            Notes = Change(current.Notes, changes.Notes),
            Terms = Change(current.Terms, changes.Terms),
        };
        if (updated.ExpiryDate is { } expiry && expiry < updated.IssueDate)
        {
            throw Invalid(
                nameof(EstimateChanges.ExpiryDate),
                string.Create(CultureInfo.InvariantCulture, $"ExpiryDate {expiry:yyyy-MM-dd} would be before IssueDate {updated.IssueDate:yyyy-MM-dd}."),
                "ExpiresBeforeIssue");
        }

        return Compute(updated);
    }

    protected override Estimate WithId(Estimate record, string id) =>
        record with { Id = id, Number = record.Number ?? "E" + id.PadLeft(6, '0') };

    private static Estimate WithStatus(Estimate estimate, EstimateStatus status) =>
        estimate with { Status = status, ProviderStatus = status.ToString() };

    private Estimate Compute(Estimate estimate)
    {
        try
        {
            var (subtotal, discount, tax, total) = InvoiceCalculator.Totals(estimate.Lines, estimate.DiscountPercent, estimate.Currency);
            return estimate with { Subtotal = subtotal, Discount = discount, Tax = tax, Total = total };
        }
        catch (OverflowException exception)
        {
            throw new LedgerValidationException(
                [new FieldError(nameof(NewEstimate.Lines), "The estimate amounts are too large to compute exactly.", "AmountOverflow")], exception)
            {
                Provider = Ledger.ProviderName,
            };
        }
    }
}
