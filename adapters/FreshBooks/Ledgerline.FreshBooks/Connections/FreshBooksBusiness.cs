namespace Ledgerline.FreshBooks.Connections;

/// <summary>One business the authorizing user belongs to, from FreshBooks' <c>/users/me</c> business memberships.</summary>
/// <param name="Name">The business's name.</param>
/// <param name="Role">The user's role in it (e.g. <c>owner</c>, <c>manager</c>, <c>business_accountant</c>).</param>
/// <param name="AccountId">The accounting <c>account_id</c> (for <c>/accounting/account/{accountId}/…</c>).</param>
/// <param name="BusinessId">The <c>business_id</c> (for time tracking and projects).</param>
/// <param name="BusinessUuid">The business's UUID, when FreshBooks gives one.</param>
public sealed record FreshBooksBusiness(string Name, string Role, string AccountId, string BusinessId, string? BusinessUuid = null);
