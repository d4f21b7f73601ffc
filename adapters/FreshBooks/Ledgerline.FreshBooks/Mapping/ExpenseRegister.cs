using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Expenses. Their <c>taxAmount1/2</c> are money objects (on invoice lines the same names hold percents). Id, <c>amount</c>
/// (with its currency), <c>date</c>, <c>updated</c> and <c>vis_state</c> are required; a named tax needs its amount, in
/// the expense's currency.
/// </summary>
internal sealed class ExpenseRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ExpenseWire, Expense>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.Id, s.ExpenseId))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredEasternUpdated(s.Updated))
            .Map(d => d.State, s => FreshBooksValues.RequiredState(s.VisState))
            .Map(d => d.Amount, s => FreshBooksValues.RequiredMoney(s.Amount, null, "amount"))
            .Map(d => d.Date, s => FreshBooksValues.RequiredDate(s.Date, "date"))
            .Map(d => d.Vendor, s => FreshBooksValues.Text(s.Vendor))
            .Map(d => d.CategoryId, s => FreshBooksValues.Reference(s.CategoryId))
            .Map(d => d.ContactId, s => FreshBooksValues.Reference(s.ClientId))
            .Map(d => d.Notes, s => FreshBooksValues.Text(s.Notes))
            .Map(d => d.Taxes, s => Taxes(s))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewExpense, ExpenseWrite>()
            .Map(d => d.Amount, s => FreshBooksValues.MoneyOut(s.Amount))
            .Map(d => d.Date, s => FreshBooksValues.Date(s.Date))
            .Map(d => d.Vendor, s => s.Vendor)
            .Map(d => d.CategoryId, s => FreshBooksValues.ParseId(s.CategoryId))
            .Map(d => d.ClientId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Ignore(d => d.StaffId)
            .Map(d => d.Notes, s => s.Notes)
            .Map(d => d.TaxName1, s => s.Taxes.Count > 0 ? s.Taxes[0].Name : null)
            .Map(d => d.TaxAmount1, s => s.Taxes.Count > 0 ? FreshBooksValues.MoneyOut(s.Taxes[0].Amount) : null)
            .Map(d => d.TaxPercent1, s => s.Taxes.Count > 0 && s.Taxes[0].Percent.HasValue ? FreshBooksValues.Number(s.Taxes[0].Percent!.Value) : null)
            .Map(d => d.TaxName2, s => s.Taxes.Count > 1 ? s.Taxes[1].Name : null)
            .Map(d => d.TaxAmount2, s => s.Taxes.Count > 1 ? FreshBooksValues.MoneyOut(s.Taxes[1].Amount) : null)
            .Map(d => d.TaxPercent2, s => s.Taxes.Count > 1 && s.Taxes[1].Percent.HasValue ? FreshBooksValues.Number(s.Taxes[1].Percent!.Value) : null)
            .Ignore(d => d.VisState);

        config.NewConfig<ExpenseChanges, ExpenseWrite>()
            .Map(d => d.Amount, s => s.Amount.HasValue ? FreshBooksValues.MoneyOut(s.Amount.Value) : null)
            .Map(d => d.Date, s => s.Date.HasValue ? FreshBooksValues.Date(s.Date.Value) : null)
            .Map(d => d.Vendor, s => s.Vendor)
            .Map(d => d.CategoryId, s => s.CategoryId == null ? null : FreshBooksValues.ParseId(s.CategoryId))
            .Map(d => d.ClientId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Ignore(d => d.StaffId)
            .Map(d => d.Notes, s => s.Notes)
            .Ignore(d => d.TaxName1, d => d.TaxAmount1, d => d.TaxPercent1, d => d.TaxName2, d => d.TaxAmount2, d => d.TaxPercent2)
            .Ignore(d => d.VisState);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<ExpenseWire, Expense>(s => new Expense
        {
            Id = FreshBooksValues.RequiredId(s.Id, s.ExpenseId),
            UpdatedAt = FreshBooksValues.RequiredEasternUpdated(s.Updated),
            State = FreshBooksValues.RequiredState(s.VisState),
            Amount = FreshBooksValues.RequiredMoney(s.Amount, null, "amount"),
            Date = FreshBooksValues.RequiredDate(s.Date, "date"),
            Vendor = FreshBooksValues.Text(s.Vendor),
            CategoryId = FreshBooksValues.Reference(s.CategoryId),
            ContactId = FreshBooksValues.Reference(s.ClientId),
            Notes = FreshBooksValues.Text(s.Notes),
            Taxes = Taxes(s),
        });
        // Not mapped, as in the Mapster configuration: StaffId, VisState.
        mappings.Add<NewExpense, ExpenseWrite>(s => new ExpenseWrite
        {
            Amount = FreshBooksValues.MoneyOut(s.Amount),
            Date = FreshBooksValues.Date(s.Date),
            Vendor = s.Vendor,
            CategoryId = FreshBooksValues.ParseId(s.CategoryId),
            ClientId = s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId),
            Notes = s.Notes,
            TaxName1 = s.Taxes.Count > 0 ? s.Taxes[0].Name : null,
            TaxAmount1 = s.Taxes.Count > 0 ? FreshBooksValues.MoneyOut(s.Taxes[0].Amount) : null,
            TaxPercent1 = s.Taxes.Count > 0 && s.Taxes[0].Percent.HasValue ? FreshBooksValues.Number(s.Taxes[0].Percent!.Value) : null,
            TaxName2 = s.Taxes.Count > 1 ? s.Taxes[1].Name : null,
            TaxAmount2 = s.Taxes.Count > 1 ? FreshBooksValues.MoneyOut(s.Taxes[1].Amount) : null,
            TaxPercent2 = s.Taxes.Count > 1 && s.Taxes[1].Percent.HasValue ? FreshBooksValues.Number(s.Taxes[1].Percent!.Value) : null,
        });
        // Not mapped, as in the Mapster configuration: StaffId, TaxName1, TaxAmount1, TaxPercent1, TaxName2, TaxAmount2, TaxPercent2, VisState.
        mappings.Add<ExpenseChanges, ExpenseWrite>(s => new ExpenseWrite
        {
            Amount = s.Amount.HasValue ? FreshBooksValues.MoneyOut(s.Amount.Value) : null,
            Date = s.Date.HasValue ? FreshBooksValues.Date(s.Date.Value) : null,
            Vendor = s.Vendor,
            CategoryId = s.CategoryId == null ? null : FreshBooksValues.ParseId(s.CategoryId),
            ClientId = s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId),
            Notes = s.Notes,
        });
    }

    internal static IReadOnlyList<ExpenseTax> Taxes(ExpenseWire expense)
    {
        var currency = FreshBooksValues.RequiredMoney(expense.Amount, null, "amount").Currency;
        var taxes = new List<ExpenseTax>(2);
        Add(expense.TaxName1, expense.TaxAmount1, expense.TaxPercent1, "taxAmount1");
        Add(expense.TaxName2, expense.TaxAmount2, expense.TaxPercent2, "taxAmount2");
        return taxes;

        void Add(string? name, MoneyWire? amount, string? percent, string field)
        {
            if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(amount?.Amount))
            {
                return;
            }

            // A named tax without its amount would read as a tax of zero: FreshBooks always sends the amount it charged.
            var money = FreshBooksValues.RequiredMoney(amount, currency.Value, field);
            if (money.Currency != currency)
            {
                throw new FormatException($"The expense's {field} is in {money.Currency}, not the expense's {currency}.");
            }

            if (string.IsNullOrEmpty(name) && money.Amount == 0m)
            {
                return;
            }

            taxes.Add(new ExpenseTax(name ?? string.Empty, money, FreshBooksValues.Decimal(percent)));
        }
    }
}
