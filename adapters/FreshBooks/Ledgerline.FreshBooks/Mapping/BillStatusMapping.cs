namespace Ledgerline.FreshBooks.Mapping;

/// <summary>FreshBooks bill <c>status</c> (unpaid, partial, paid, overdue) ↔ <see cref="BillStatus"/>.</summary>
internal static class BillStatusMapping
{
    public static BillStatus Status(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "unpaid" => BillStatus.Open,
        "partial" => BillStatus.PartiallyPaid,
        "paid" => BillStatus.Paid,
        "overdue" => BillStatus.Overdue,
        _ => BillStatus.Unknown,
    };
}
