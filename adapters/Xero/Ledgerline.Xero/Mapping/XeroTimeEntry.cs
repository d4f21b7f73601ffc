using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// A Xero time entry with what Xero keeps elsewhere: the contact of its project and whether its task is chargeable
/// (<c>TIME</c> or <c>FIXED</c>), which makes the time billable.
/// </summary>
internal sealed record XeroTimeEntry(TimeEntryWire Wire, string? ContactId, bool Billable);
