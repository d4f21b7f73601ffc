namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>Why a bearer token was or was not accepted.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Unknown,
    Expired,
    Revoked,
}
