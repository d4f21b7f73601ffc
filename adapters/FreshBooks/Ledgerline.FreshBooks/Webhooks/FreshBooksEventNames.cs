using System.Diagnostics.CodeAnalysis;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Maps FreshBooks event names (<c>client.create</c>, <c>invoice.update</c>, <c>time_entry.delete</c>, <c>item.*</c>,
/// <c>tax.*</c>, <c>project.*</c>, <c>estimate.*</c>, <c>credit_note.*</c>, <c>bill_vendor.*</c>, <c>bill.*</c>, …) to canonical
/// entities and change kinds, and canonical topics back to the names FreshBooks subscribes to. A bare object name
/// (<c>invoice</c>) subscribes to every event of that object.
/// </summary>
internal static class FreshBooksEventNames
{
    private static readonly Dictionary<EntityKind, string> Objects = new()
    {
        [EntityKind.Contact] = "client",
        [EntityKind.Invoice] = "invoice",
        [EntityKind.Payment] = "payment",
        [EntityKind.Expense] = "expense",
        [EntityKind.TimeEntry] = "time_entry",
        [EntityKind.Item] = "item",
        [EntityKind.TaxRate] = "tax",
        [EntityKind.Project] = "project",
        [EntityKind.Estimate] = "estimate",
        [EntityKind.CreditNote] = "credit_note",
        [EntityKind.Vendor] = "bill_vendor",
        [EntityKind.Bill] = "bill",

        // No bill_payment.* events exist: a bill payment shows as its bill's bill.update.
    };

    private static readonly Dictionary<string, EntityKind> Entities =
        Objects.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private static readonly Dictionary<ChangeKind, string> Actions = new()
    {
        [ChangeKind.Created] = "create",
        [ChangeKind.Updated] = "update",
        [ChangeKind.Deleted] = "delete",
    };

    private static readonly Dictionary<string, ChangeKind> Changes = new(StringComparer.Ordinal)
    {
        ["create"] = ChangeKind.Created,
        ["update"] = ChangeKind.Updated,
        ["delete"] = ChangeKind.Deleted,

        // Sending an invoice or estimate by e-mail changes its status (to sent): to a canonical consumer it is an update.
        ["sendByEmail"] = ChangeKind.Updated,
    };

    /// <summary>The FreshBooks event name for a topic: <c>invoice</c> for every invoice event, <c>invoice.create</c> for one.</summary>
    /// <returns><see langword="false"/> when FreshBooks has no events for the topic's entity.</returns>
    public static bool TryGetEventName(LedgerChangeTopic topic, out string eventName)
    {
        eventName = string.Empty;
        if (!Objects.TryGetValue(topic.Entity, out var obj))
        {
            return false;
        }

        if (topic.Change is not { } change)
        {
            eventName = obj;
            return true;
        }

        if (!Actions.TryGetValue(change, out var action))
        {
            return false;
        }

        eventName = $"{obj}.{action}";
        return true;
    }

    /// <summary>The topic a FreshBooks event name subscribes to, when it is one Ledgerline models.</summary>
    public static bool TryParseTopic(string eventName, out LedgerChangeTopic topic)
    {
        topic = default;
        ArgumentNullException.ThrowIfNull(eventName);
        var dot = eventName.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            if (!Entities.TryGetValue(eventName, out var whole))
            {
                return false;
            }

            topic = new(whole);
            return true;
        }

        if (!TryParse(eventName, out var entity, out var kind))
        {
            return false;
        }

        topic = new(entity, kind);
        return true;
    }

    /// <summary>Parses a delivered event name (<c>object.action</c>) into a canonical entity and change.</summary>
    public static bool TryParse([NotNullWhen(true)] string? eventName, out EntityKind entity, out ChangeKind change)
    {
        entity = default;
        change = default;
        if (eventName is null)
        {
            return false;
        }

        var dot = eventName.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 &&
            Entities.TryGetValue(eventName[..dot], out entity) &&
            Changes.TryGetValue(eventName[(dot + 1)..], out change);
    }

    /// <summary>Whether a callback subscribed to <paramref name="subscribed"/> receives <paramref name="eventName"/>.</summary>
    public static bool Covers(string subscribed, string eventName) =>
        string.Equals(subscribed, eventName, StringComparison.Ordinal) ||
        (eventName.Length > subscribed.Length && eventName[subscribed.Length] == '.' &&
            eventName.StartsWith(subscribed, StringComparison.Ordinal));
}
