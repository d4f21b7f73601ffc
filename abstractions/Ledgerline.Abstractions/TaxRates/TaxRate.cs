namespace Ledgerline;

/// <summary>
/// A sales tax the business charges (GST, VAT, HST, …): a name and a percentage. Invoice lines refer to one through
/// <see cref="LineTax.TaxRateId"/>. FreshBooks: a tax (<c>taxes/taxes</c>), deleted for good; Xero: a tax rate whose
/// <c>TaxType</c> is the id and whose components add up to <see cref="Percent"/>.
/// </summary>
public sealed record TaxRate : LedgerRecord
{
    /// <summary>The name shown on documents, e.g. <c>GST</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The rate in percent, 0 to 100 (13 means 13 %).</summary>
    public required decimal Percent { get; init; }

    /// <summary>The business's registration number for this tax, printed on invoices where the law asks for it.</summary>
    public string? RegistrationNumber { get; init; }

    /// <summary>Whether the tax is compound: charged on the line amount plus the other taxes of the line.</summary>
    public bool IsCompound { get; init; }
}

/// <summary>The input that creates a <see cref="TaxRate"/>.</summary>
public sealed record NewTaxRate
{
    /// <summary>The name shown on documents; required.</summary>
    public required string Name { get; init; }

    /// <summary>The rate in percent, 0 to 100.</summary>
    public required decimal Percent { get; init; }

    /// <summary>The registration number, if any.</summary>
    public string? RegistrationNumber { get; init; }

    /// <summary>Whether the tax is compound.</summary>
    public bool IsCompound { get; init; }
}

/// <summary>Changes to a <see cref="TaxRate"/>: a <see langword="null"/> property is left as it is; an empty string clears the field.</summary>
public sealed record TaxRateChanges
{
    /// <summary>New name.</summary>
    public string? Name { get; init; }

    /// <summary>New rate in percent, 0 to 100. Documents already issued keep the rate they were issued with.</summary>
    public decimal? Percent { get; init; }

    /// <summary>New registration number.</summary>
    public string? RegistrationNumber { get; init; }

    /// <summary>New compound flag.</summary>
    public bool? IsCompound { get; init; }
}

/// <summary>Filters for listing tax rates.</summary>
public sealed record TaxRateQuery : RecordQuery<TaxRate>
{
    /// <summary>Only tax rates whose name contains this text (case-insensitive).</summary>
    public string? NameContains { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(TaxRate record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return NameContains is not { } name || record.Name.Contains(name, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters) =>
        QueryFilter.Add(filters, nameof(NameContains), NameContains);
}

/// <summary>Tax rates (FreshBooks taxes, Xero tax rates).</summary>
public interface ITaxRateStore : ILedgerStore<TaxRate, NewTaxRate, TaxRateChanges, TaxRateQuery>;
