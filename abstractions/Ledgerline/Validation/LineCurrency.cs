namespace Ledgerline.Validation;

/// <summary>
/// The check a store makes when a change gives a document's lines again without naming a currency: the lines must be
/// priced in the document's stored currency. Validators cannot make it (they do not see the stored document); a provider
/// store does, after reading the document, so that a line in EUR is never sent as if it were USD.
/// </summary>
public static class LineCurrency
{
    /// <summary>
    /// Throws when a line is priced in another currency than <paramref name="currency"/>: a
    /// <see cref="LedgerValidationException"/> on <c>Lines[i].UnitPrice</c>, code <c>CurrencyMismatch</c>, naming both.
    /// </summary>
    /// <typeparam name="TLine">The line type.</typeparam>
    /// <param name="lines">The lines of the change; <see langword="null"/> checks nothing.</param>
    /// <param name="price">A line's unit price.</param>
    /// <param name="currency">The document's currency.</param>
    /// <param name="document">How the message names the document, e.g. <c>invoice</c>.</param>
    /// <param name="provider">The provider's name, set on the exception.</param>
    /// <exception cref="LedgerValidationException">A line is in another currency.</exception>
    public static void Require<TLine>(IEnumerable<TLine>? lines, Func<TLine, Money> price, CurrencyCode currency, string document, string? provider = null)
    {
        ArgumentNullException.ThrowIfNull(price);
        var index = 0;
        foreach (var line in lines ?? [])
        {
            var unitPrice = price(line);
            if (unitPrice.Currency != currency)
            {
                throw new LedgerValidationException(
                [
                    new FieldError(
                        $"Lines[{index}].UnitPrice",
                        $"The unit price is in {unitPrice.Currency} but the {document} is in {currency}; Ledgerline never converts currencies.",
                        "CurrencyMismatch"),
                ])
                {
                    Provider = provider,
                };
            }

            index++;
        }
    }
}
