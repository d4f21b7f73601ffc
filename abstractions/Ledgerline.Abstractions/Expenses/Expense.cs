namespace Ledgerline;

/// <summary>Money the business spent.</summary>
public sealed record Expense : LedgerRecord
{
    /// <summary>The amount spent, before the taxes in <see cref="Taxes"/>.</summary>
    public required Money Amount { get; init; }

    /// <summary>The date of the expense.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Who was paid.</summary>
    public string? Vendor { get; init; }

    /// <summary>The provider's expense category id.</summary>
    public string? CategoryId { get; init; }

    /// <summary>The contact the expense is for (to rebill), when any.</summary>
    public string? ContactId { get; init; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }

    /// <summary>Taxes paid on the expense, as amounts.</summary>
    public IReadOnlyList<ExpenseTax> Taxes { get; init; } = [];
}

/// <summary>A tax paid on an expense. Unlike a line tax, it is an amount; the rate is kept when known.</summary>
/// <param name="Name">The tax's name.</param>
/// <param name="Amount">The tax paid.</param>
/// <param name="Percent">The rate in percent, when known.</param>
public sealed record ExpenseTax(string Name, Money Amount, decimal? Percent = null)
{
    /// <summary>
    /// The <see cref="TaxRate"/> the tax was paid at, where the provider links them (Xero's <c>TaxType</c>, which Xero needs
    /// to record any tax on spent money); a given id must exist. FreshBooks keeps expense taxes by name and percent only, so
    /// there it is not sent and reads back <see langword="null"/>, as on FreshBooks invoice lines.
    /// </summary>
    public string? TaxRateId { get; init; }
}

/// <summary>The input that records an <see cref="Expense"/>.</summary>
public sealed record NewExpense
{
    /// <summary>A positive amount.</summary>
    public required Money Amount { get; init; }

    /// <summary>The date of the expense.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Who was paid.</summary>
    public string? Vendor { get; init; }

    /// <summary>Expense category id; a provider that needs one uses its default when omitted.</summary>
    public string? CategoryId { get; init; }

    /// <summary>The contact the expense is for.</summary>
    public string? ContactId { get; init; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }

    /// <summary>Taxes paid, in the expense currency (at most two).</summary>
    public IReadOnlyList<ExpenseTax> Taxes { get; init; } = [];
}

/// <summary>Changes to an <see cref="Expense"/>: a <see langword="null"/> property is left as it is.</summary>
public sealed record ExpenseChanges
{
    /// <summary>New positive amount.</summary>
    public Money? Amount { get; init; }

    /// <summary>New date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>New vendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>New category.</summary>
    public string? CategoryId { get; init; }

    /// <summary>New contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>New notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>Filters for listing expenses.</summary>
public sealed record ExpenseQuery : RecordQuery<Expense>
{
    /// <summary>Only expenses for this contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>Only expenses in this category.</summary>
    public string? CategoryId { get; init; }

    /// <summary>Only expenses dated in this range.</summary>
    public DateRange? Date { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(Expense record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (ContactId is not { } contactId || record.ContactId == contactId) &&
            (CategoryId is not { } categoryId || record.CategoryId == categoryId) &&
            (Date is not { } date || date.Contains(record.Date));
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(ContactId), ContactId);
        QueryFilter.Add(filters, nameof(CategoryId), CategoryId);
        QueryFilter.Add(filters, nameof(Date), Date);
    }
}

/// <summary>Expenses.</summary>
public interface IExpenseStore : ILedgerStore<Expense, NewExpense, ExpenseChanges, ExpenseQuery>;
