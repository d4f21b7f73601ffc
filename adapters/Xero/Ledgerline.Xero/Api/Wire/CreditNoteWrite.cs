namespace Ledgerline.Xero.Api;

/// <summary>A credit note as Ledgerline writes it; a null member is left out, so Xero keeps its value.</summary>
internal sealed record CreditNoteWrite
{
    public string? CreditNoteID { get; init; }

    public string? Type { get; init; }

    public ContactRefWrite? Contact { get; init; }

    public string? Date { get; init; }

    public string? CreditNoteNumber { get; init; }

    public string? Reference { get; init; }

    public string? CurrencyCode { get; init; }

    public string? LineAmountTypes { get; init; }

    public IReadOnlyList<LineItemWrite>? LineItems { get; init; }

    public string? Status { get; init; }
}

/// <summary>The body of a credit note write: Xero's plural envelope with one element.</summary>
internal sealed record CreditNotesBody(IReadOnlyList<CreditNoteWrite> CreditNotes);

/// <summary>One allocation to write: the invoice by id, the amount and the date.</summary>
internal sealed record AllocationWrite(InvoiceRefWrite Invoice, decimal Amount, string Date);

/// <summary>The body of <c>PUT /CreditNotes/{id}/Allocations</c>.</summary>
internal sealed record AllocationsBody(IReadOnlyList<AllocationWrite> Allocations);
