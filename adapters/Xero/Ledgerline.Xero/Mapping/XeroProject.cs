using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>A Xero project with the organisation's time zone, in which its deadline is a calendar day.</summary>
internal sealed record XeroProject(ProjectWire Wire, TimeZoneInfo Zone);
