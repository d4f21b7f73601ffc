namespace Ledgerline.Validation;

/// <summary>
/// The check a store makes before recording a payment: an invoice (or a bill) is never paid beyond what is due. Providers differ
/// (FreshBooks books the excess as client credit, Xero refuses it), so every Ledgerline store refuses it the same way,
/// before any write, and an amount due never reads negative.
/// </summary>
public static class PaymentLimit
{
    /// <summary>
    /// Throws when <paramref name="amount"/> is more than <paramref name="payable"/>: a
    /// <see cref="LedgerValidationException"/> on <c>Amount</c>, code <c>PaymentExceedsAmountDue</c>. Amounts in
    /// different currencies are left to the currency check.
    /// </summary>
    /// <param name="amount">The payment.</param>
    /// <param name="invoiceId">The invoice's id, for the message.</param>
    /// <param name="payable">What may still be paid on the invoice (its amount due).</param>
    /// <param name="provider">The provider's name, set on the exception.</param>
    /// <exception cref="LedgerValidationException">The payment is more than the amount due.</exception>
    public static void RequireWithinDue(Money amount, string invoiceId, Money payable, string? provider = null) =>
        RequireWithinDue(amount, EntityKind.Invoice, invoiceId, payable, provider);

    /// <summary>
    /// Throws when <paramref name="amount"/> is more than <paramref name="payable"/> on the named document: a
    /// <see cref="LedgerValidationException"/> on <c>Amount</c>, code <c>PaymentExceedsAmountDue</c>, whose message names
    /// the document (e.g. <c>bill 7</c>). Amounts in different currencies are left to the currency check.
    /// </summary>
    /// <param name="amount">The payment.</param>
    /// <param name="document">What is paid: <see cref="EntityKind.Invoice"/> or <see cref="EntityKind.Bill"/>.</param>
    /// <param name="documentId">The document's id, for the message.</param>
    /// <param name="payable">What may still be paid on the document (its amount due).</param>
    /// <param name="provider">The provider's name, set on the exception.</param>
    /// <exception cref="LedgerValidationException">The payment is more than the amount due.</exception>
    public static void RequireWithinDue(Money amount, EntityKind document, string documentId, Money payable, string? provider = null)
    {
        if (amount.Currency == payable.Currency && amount > payable)
        {
            throw new LedgerValidationException(
            [
                new FieldError(nameof(NewPayment.Amount),
                    $"{amount} is more than the {payable} due on {document.ToString().ToLowerInvariant()} {documentId}.", "PaymentExceedsAmountDue"),
            ])
            {
                Provider = provider,
            };
        }
    }
}
