namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A stored Accounting API record: a GUID id and the instant it last changed (<c>UpdatedDateUTC</c>).</summary>
internal abstract class XeroEntity
{
    public Guid Id { get; set; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>A copy whose collections can be changed without touching the stored record (writes are copy-then-replace).</summary>
    public abstract XeroEntity Copy();
}
