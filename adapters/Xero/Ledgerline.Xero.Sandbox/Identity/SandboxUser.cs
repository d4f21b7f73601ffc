namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>The Xero user who is always signed in to the sandbox's login service.</summary>
internal sealed record SandboxUser(Guid XeroUserId, string Email, string GivenName, string FamilyName, Guid GlobalSessionId);
