using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Spent money as canonical expenses, read through <see cref="XeroExpense"/>: the vendor is the contact paid
/// (<c>Contact.Name</c>), the category the lines' account code, the notes the <c>Reference</c>. Xero records no customer
/// to rebill on spent money, so <see cref="Expense.ContactId"/> is null. <c>Status</c>: <c>AUTHORISED</c> → active,
/// <c>DELETED</c> and <c>VOIDED</c> → deleted.
/// </summary>
internal sealed class ExpenseRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<XeroExpense, Expense>()
            .Map(d => d.Id, s => XeroValues.Required(s.Wire.BankTransactionID, "BankTransactionID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => State(s.Wire.Status))
            .Map(d => d.Amount, s => new Money(s.Amount, s.Currency))
            .Map(d => d.Date, s => XeroValues.Date(s.Wire.Date, "Date"))
            .Map(d => d.Vendor, s => s.Wire.Contact == null ? null : XeroValues.Text(s.Wire.Contact.Name))
            .Map(d => d.CategoryId, s => s.AccountCode)
            .Map(d => d.ContactId, s => (string?)null)
            .Map(d => d.Notes, s => XeroValues.Text(s.Wire.Reference))
            .Map(d => d.Taxes, s => s.Taxes)
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<XeroExpense, Expense>(s => new Expense
        {
            Id = XeroValues.Required(s.Wire.BankTransactionID, "BankTransactionID"),
            UpdatedAt = XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"),
            State = State(s.Wire.Status),
            Amount = new Money(s.Amount, s.Currency),
            Date = XeroValues.Date(s.Wire.Date, "Date"),
            Vendor = s.Wire.Contact == null ? null : XeroValues.Text(s.Wire.Contact.Name),
            CategoryId = s.AccountCode,
            ContactId = null,
            Notes = XeroValues.Text(s.Wire.Reference),
            Taxes = s.Taxes,
        });
    }

    /// <summary><c>Status</c> as the record state; a status Xero does not document is invalid data.</summary>
    internal static RecordState State(string? status) => status switch
    {
        "AUTHORISED" => RecordState.Active,
        "DELETED" or "VOIDED" => RecordState.Deleted,
        _ => throw new FormatException($"Xero sent bank transaction Status '{status}', which is not AUTHORISED, DELETED or VOIDED."),
    };
}
