namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// FreshBooks' estimate status → <see cref="EstimateStatus"/>. <c>ui_status</c> (the word) wins over the numeric
/// <c>status</c>; <c>replied</c> (4, Classic only) and any value never seen map to <see cref="EstimateStatus.Unknown"/>.
/// FreshBooks has no declined estimate. An estimate reads as invoiced (6) only once an invoice made from it was sent;
/// until then it stays accepted.
/// </summary>
internal static class EstimateStatusMapping
{
    /// <summary>The canonical status; neither field present is a malformed estimate.</summary>
    public static EstimateStatus Map(string? uiStatus, int? status) => uiStatus?.Trim().ToLowerInvariant() switch
    {
        null or "" => status switch
        {
            null => throw new FormatException("The estimate carries neither ui_status nor status."),
            1 => EstimateStatus.Draft,
            2 => EstimateStatus.Sent,
            3 => EstimateStatus.Viewed,
            5 => EstimateStatus.Accepted,
            6 => EstimateStatus.Invoiced,
            _ => EstimateStatus.Unknown,
        },
        "draft" or "created" => EstimateStatus.Draft,
        "sent" => EstimateStatus.Sent,
        "viewed" => EstimateStatus.Viewed,
        "accepted" => EstimateStatus.Accepted,
        "invoiced" => EstimateStatus.Invoiced,
        _ => EstimateStatus.Unknown,
    };

    /// <summary>The raw value kept in <see cref="Estimate.ProviderStatus"/>: <c>ui_status</c>, else the numeric status.</summary>
    public static string? Raw(string? uiStatus, int? status) =>
        !string.IsNullOrEmpty(uiStatus) ? uiStatus
        : status?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The <c>search[statusids][]</c> values covering canonical statuses; null when some cannot be named (Unknown, Declined).</summary>
    public static IReadOnlyList<int>? StatusIds(IReadOnlySet<EstimateStatus>? statuses)
    {
        if (statuses is null)
        {
            return null;
        }

        var ids = new List<int>(statuses.Count);
        foreach (var status in statuses)
        {
            switch (status)
            {
                case EstimateStatus.Draft: ids.Add(1); break;
                case EstimateStatus.Sent: ids.Add(2); break;
                case EstimateStatus.Viewed: ids.Add(3); break;
                case EstimateStatus.Accepted: ids.Add(5); break;
                case EstimateStatus.Invoiced: ids.Add(6); break;
                default: return null;
            }
        }

        ids.Sort();
        return ids;
    }
}
