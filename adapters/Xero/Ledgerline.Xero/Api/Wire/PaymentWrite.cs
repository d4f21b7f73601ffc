namespace Ledgerline.Xero.Api;

/// <summary>A payment as Ledgerline creates it: the invoice and account by reference, the date and amount.</summary>
internal sealed record PaymentWrite
{
    public required InvoiceRefWrite Invoice { get; init; }

    public required AccountRefWrite Account { get; init; }

    public required string Date { get; init; }

    public required decimal Amount { get; init; }

    public string? Reference { get; init; }
}

/// <summary>The invoice a payment pays, by id.</summary>
internal sealed record InvoiceRefWrite(string InvoiceID);

/// <summary>The account a payment is recorded against, by code.</summary>
internal sealed record AccountRefWrite(string Code);

/// <summary>The body of <c>PUT /Payments</c>: Xero's plural envelope.</summary>
internal sealed record PaymentsBody(IReadOnlyList<PaymentWrite> Payments);

/// <summary>The body of <c>POST /Payments/{id}</c> that deletes a payment (Xero's <c>PaymentDelete</c>).</summary>
internal sealed record PaymentDelete(string Status);
