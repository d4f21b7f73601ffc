namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// FreshBooks' status fields → <see cref="InvoiceStatus"/>. <c>v3_status</c> is the most specific and wins; values that
/// describe auto-billing or orders rather than the invoice's lifecycle (<c>failed</c>, <c>retry</c>, <c>pending</c>, …) fall
/// back to <c>payment_status</c> and the numeric <c>status</c>; a value never seen maps to <see cref="InvoiceStatus.Unknown"/>.
/// </summary>
internal static class InvoiceStatusMapping
{
    /// <summary>The canonical status.</summary>
    public static InvoiceStatus Map(string? v3Status, int? status, string? paymentStatus)
    {
        switch (v3Status?.Trim().ToLowerInvariant())
        {
            case null or "":
                break;
            case "draft" or "created":
                return InvoiceStatus.Draft;
            case "sent":
                return InvoiceStatus.Sent;
            case "viewed":
                return InvoiceStatus.Viewed;
            case "partial" or "deposit-partial" or "deposit-paid":
                return InvoiceStatus.PartiallyPaid;
            case "paid" or "autopaid" or "auto-paid" or "success":
                return InvoiceStatus.Paid;
            case "overdue":
                return InvoiceStatus.Overdue;
            case "disputed":
                return InvoiceStatus.Disputed;
            case "failed" or "retry" or "declined" or "pending" or "resolved":
                return FromPayment(paymentStatus) ?? FromNumber(status) ?? InvoiceStatus.Sent;
            default:
                return InvoiceStatus.Unknown;
        }

        return FromNumber(status) ?? FromPayment(paymentStatus) ?? InvoiceStatus.Unknown;
    }

    /// <summary>
    /// The <c>payment_status</c> values (<c>unpaid</c>, <c>partial</c>, <c>paid</c>, <c>auto-paid</c>) an invoice of one of
    /// <paramref name="statuses"/> can have, each to be listed with <c>search[payment_status]</c>; null when no subset of
    /// them covers the statuses (no filter, <see cref="InvoiceStatus.Unknown"/>, or every value needed). A status FreshBooks
    /// never reports (<see cref="InvoiceStatus.Void"/>) adds no value.
    /// </summary>
    /// <remarks>
    /// The canonical status comes from <c>v3_status</c>, so this is a covering filter: paid invoices (<c>paid</c>,
    /// <c>autopaid</c>, <c>success</c>) have <c>payment_status</c> <c>paid</c> or <c>auto-paid</c>; every other known
    /// status belongs to an invoice not fully paid, <c>unpaid</c> or <c>partial</c> (a partly paid invoice can be overdue,
    /// disputed, or still a draft). The exact status check runs on every record afterwards.
    /// </remarks>
    public static IReadOnlyList<string>? PaymentStatusesCovering(IReadOnlySet<InvoiceStatus>? statuses)
    {
        if (statuses is null || statuses.Contains(InvoiceStatus.Unknown))
        {
            return null;
        }

        var paid = statuses.Contains(InvoiceStatus.Paid);
        var unpaid = statuses.Any(s => s is not (InvoiceStatus.Paid or InvoiceStatus.Void or InvoiceStatus.PartiallyPaid));
        var partial = unpaid || statuses.Contains(InvoiceStatus.PartiallyPaid);
        return (paid, unpaid, partial) switch
        {
            (true, true, _) => null,
            (true, false, true) => ["partial", "paid", "auto-paid"],
            (true, false, false) => ["paid", "auto-paid"],
            (false, true, _) => ["unpaid", "partial"],
            (false, false, true) => ["partial"],

            // Only statuses FreshBooks never reports: no payment_status selects them, the full listing matches nothing.
            _ => null,
        };
    }

    /// <summary>The raw value kept in <see cref="Invoice.ProviderStatus"/>: <c>v3_status</c>, else the numeric status.</summary>
    public static string? Raw(string? v3Status, int? status, string? paymentStatus) =>
        !string.IsNullOrEmpty(v3Status) ? v3Status
        : status is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : FreshBooksValues.Text(paymentStatus);

    /// <summary>The raw value, required: an invoice with none of the three status fields is unreadable, not <c>Unknown</c>.</summary>
    public static string RequiredRaw(string? v3Status, int? status, string? paymentStatus) =>
        Raw(v3Status, status, paymentStatus)
            ?? throw new FormatException("The required status is missing: none of 'v3_status', 'status' or 'payment_status' was sent.");

    private static InvoiceStatus? FromNumber(int? status) => status switch
    {
        0 => InvoiceStatus.Disputed,
        1 => InvoiceStatus.Draft,
        2 or 6 or 7 => InvoiceStatus.Sent,
        3 => InvoiceStatus.Viewed,
        4 or 5 => InvoiceStatus.Paid,
        8 => InvoiceStatus.PartiallyPaid,
        _ => null,
    };

    private static InvoiceStatus? FromPayment(string? paymentStatus) => paymentStatus?.Trim().ToLowerInvariant() switch
    {
        "paid" or "auto-paid" => InvoiceStatus.Paid,
        "partial" => InvoiceStatus.PartiallyPaid,
        _ => null,
    };
}
