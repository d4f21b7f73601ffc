using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// A wire credit note with its lines and amounts read once, like an invoice's without a discount
/// (<see cref="PricedInvoice"/>), and its required values checked: a missing id, client, issue date or status fails here,
/// before mapping. <c>paid</c> (required: FreshBooks always sends it) is the credit spent, so the remaining credit is
/// <c>amount</c> − <c>paid</c>.
/// </summary>
/// <param name="Wire">The credit note as FreshBooks sent it.</param>
/// <param name="Id">The credit note id.</param>
/// <param name="ContactId">The client id.</param>
/// <param name="IssueDate">The issue date (<c>create_date</c>).</param>
/// <param name="Status">The canonical status.</param>
/// <param name="Priced">The lines and amounts (<see cref="PricedInvoice.Paid"/> is the credit applied).</param>
/// <param name="Remaining">The credit not yet applied.</param>
internal sealed record PricedCreditNote(
    CreditNoteWire Wire, string Id, string ContactId, DateOnly IssueDate, CreditNoteStatus Status, PricedInvoice Priced, Money Remaining)
{
    /// <summary>Reads the required values, lines and amounts of a wire credit note.</summary>
    public static PricedCreditNote Of(CreditNoteWire credit)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var id = FreshBooksValues.Reference(credit.Id ?? credit.CreditId)
            ?? throw new FormatException("The credit note carries no id.");
        var contact = FreshBooksValues.Reference(credit.ClientId)
            ?? throw new FormatException($"Credit note {id} carries no clientid.");
        var issued = FreshBooksValues.Date(credit.CreateDate)
            ?? throw new FormatException($"Credit note {id} has create_date {FreshBooksValues.Quote(credit.CreateDate)}, not a YYYY-MM-DD date.");
        if (credit.Amount?.Amount is not { Length: > 0 })
        {
            throw new FormatException($"Credit note {id} carries no amount.");
        }

        var priced = PricedInvoice.Of(new InvoiceWire
        {
            CurrencyCode = credit.CurrencyCode,
            Amount = credit.Amount,
            Paid = credit.Paid,
            Lines = credit.Lines,
        });
        var remaining = priced.Total - priced.Paid;
        if (remaining.Amount < 0m)
        {
            throw new FormatException($"Credit note {id} has paid {priced.Paid} above its amount {priced.Total}.");
        }

        return new PricedCreditNote(credit, id, contact, issued, StatusOf(id, credit, remaining), priced, remaining);
    }

    /// <summary><c>status</c>, with <c>payment_status</c> beside it when sent: <c>created/partial</c>.</summary>
    public static string? Raw(CreditNoteWire credit)
    {
        ArgumentNullException.ThrowIfNull(credit);
        return (FreshBooksValues.Text(credit.Status), FreshBooksValues.Text(credit.PaymentStatus)) switch
        {
            (null, null) => null,
            ({ } status, null) => status,
            (null, { } payment) => payment,
            ({ } status, { } payment) => $"{status}/{payment}",
        };
    }

    /// <summary>
    /// A draft is <see cref="CreditNoteStatus.Draft"/>; any issued status (created, sent, viewed) is
    /// <see cref="CreditNoteStatus.Open"/> while credit remains and <see cref="CreditNoteStatus.Applied"/> once none does; a
    /// deleted credit note is <see cref="CreditNoteStatus.Void"/>; another status is <see cref="CreditNoteStatus.Unknown"/>.
    /// </summary>
    private static CreditNoteStatus StatusOf(string id, CreditNoteWire credit, Money remaining)
    {
        var status = FreshBooksValues.Text(credit.Status)?.ToLowerInvariant()
            ?? throw new FormatException($"Credit note {id} carries no status.");
        if (credit.VisState == 1)
        {
            return CreditNoteStatus.Void;
        }

        return status switch
        {
            "draft" => CreditNoteStatus.Draft,
            "created" or "sent" or "viewed" => remaining.Amount > 0m ? CreditNoteStatus.Open : CreditNoteStatus.Applied,
            _ => CreditNoteStatus.Unknown,
        };
    }
}
