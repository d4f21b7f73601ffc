using Ledgerline.FreshBooks.Api;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>Expenses. Their <c>taxAmount1/2</c> are money objects (on invoice lines the same names hold percents).</summary>
internal sealed class ExpenseRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ExpenseWire, Expense>()
            .Map(d => d.Id, s => FreshBooksValues.Id(s.Id, s.ExpenseId))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.EasternUpdated(s.Updated, null))
            .Map(d => d.State, s => FreshBooksValues.State(s.VisState))
            .Map(d => d.Amount, s => FreshBooksValues.Money(s.Amount, null))
            .Map(d => d.Date, s => FreshBooksValues.Date(s.Date) ?? default)
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

    internal static IReadOnlyList<ExpenseTax> Taxes(ExpenseWire expense)
    {
        var currency = expense.Amount?.Code;
        var taxes = new List<ExpenseTax>(2);
        Add(expense.TaxName1, expense.TaxAmount1, expense.TaxPercent1);
        Add(expense.TaxName2, expense.TaxAmount2, expense.TaxPercent2);
        return taxes;

        void Add(string? name, MoneyWire? amount, string? percent)
        {
            if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(amount?.Amount))
            {
                return;
            }

            var money = FreshBooksValues.Money(amount, currency);
            if (string.IsNullOrEmpty(name) && money.Amount == 0m)
            {
                return;
            }

            taxes.Add(new ExpenseTax(name ?? string.Empty, money, FreshBooksValues.Decimal(percent)));
        }
    }
}
