using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Webhooks;

internal sealed class Callback : Entity
{
    public string Event { get; set; } = "";

    public string Uri { get; set; } = "";

    public string Verifier { get; set; } = "";

    public bool Verified { get; set; }

    /// <summary>An event name matches a subscription to itself or to its parent object ("invoice" ⊇ "invoice.create").</summary>
    public bool Matches(string eventName) =>
        string.Equals(Event, eventName, StringComparison.Ordinal) ||
        eventName.StartsWith(Event + ".", StringComparison.Ordinal);
}
