namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A tax rate of the organisation's regime, with one component; <see cref="Rate"/> is a percentage (15 for 15 %).</summary>
internal sealed class TaxRate : XeroEntity
{
    public required string Name { get; init; }

    public required string TaxType { get; init; }

    public required decimal Rate { get; init; }

    public required string ReportTaxType { get; init; }

    public required bool CanApplyToRevenue { get; init; }

    public required bool CanApplyToExpenses { get; init; }

    public required string ComponentName { get; init; }

    public string Status { get; init; } = "ACTIVE";

    public override XeroEntity Copy() => (TaxRate)MemberwiseClone();
}
