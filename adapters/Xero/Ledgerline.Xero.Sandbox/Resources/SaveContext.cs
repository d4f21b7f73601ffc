using Ledgerline.Xero.Sandbox.Accounting;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>What a binder needs: the organisation (under its lock), "now", the request's unit decimals, and an id source.</summary>
internal sealed record SaveContext(TenantBook Book, DateTimeOffset Now, int Unitdp);
