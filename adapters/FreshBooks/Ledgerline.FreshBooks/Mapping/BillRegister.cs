using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Bills with their lines. FreshBooks' totals are authoritative (<c>amount</c> before tax, <c>tax_amount</c>,
/// <c>total_amount</c>, <c>paid</c>, <c>outstanding</c>); totals that do not add up (Σ lines ≠ amount, amount + tax ≠
/// total, total − paid ≠ outstanding where nothing is over-paid) are an unreadable answer, never silently corrected.
/// Strict on id, vendor, issue date and currency. FreshBooks bills have no notes. The due date is sent as
/// <c>due_offset_days</c> from the issue date. A bill payment carries no timestamp at all (no <c>updated</c>,
/// <c>updated_at</c> or <c>created_at</c>), so it reads with a null <see cref="LedgerRecord.UpdatedAt"/>, never an
/// invented one.
/// </summary>
internal sealed class BillRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<BillWire, Bill>()
            .MapWith(wire => Read(wire));

        config.NewConfig<BillPaymentWire, BillPayment>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.Id, null))
            .Map(d => d.UpdatedAt, s => (DateTimeOffset?)null) // FreshBooks sends no timestamp on a bill payment.
            .Map(d => d.State, s => FreshBooksValues.RequiredState(s.VisState))
            .Map(d => d.BillId, s => FreshBooksValues.RequiredId(s.BillId, null))
            .Ignore(d => d.VendorId)
            .Map(d => d.Amount, s => FreshBooksValues.RequiredMoney(s.Amount, null, "amount"))
            .Map(d => d.Date, s => PaidDate(s.PaidDate))
            .Map(d => d.Method, s => FreshBooksValues.Text(s.PaymentType))
            .Map(d => d.Note, s => FreshBooksValues.Text(s.Note))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewBillPayment, BillPaymentWrite>()
            .Map(d => d.BillId, s => FreshBooksValues.ParseId(s.BillId))
            .Map(d => d.Amount, s => FreshBooksValues.MoneyOut(s.Amount))
            .Map(d => d.PaidDate, s => FreshBooksValues.Date(s.Date))
            .Map(d => d.PaymentType, s => s.Method)
            .Map(d => d.Note, s => s.Note)
            .Ignore(d => d.VisState);

        config.NewConfig<BillPaymentChanges, BillPaymentWrite>()
            .Ignore(d => d.BillId)
            .Map(d => d.Amount, s => s.Amount.HasValue ? FreshBooksValues.MoneyOut(s.Amount.Value) : null)
            .Map(d => d.PaidDate, s => s.Date.HasValue ? FreshBooksValues.Date(s.Date.Value) : null)
            .Map(d => d.PaymentType, s => s.Method)
            .Map(d => d.Note, s => s.Note)
            .Ignore(d => d.VisState);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        mappings.Add<BillWire, Bill>(wire => Read(wire));
        // Not mapped, as in the Mapster configuration: VendorId, RawRepresentation.
        mappings.Add<BillPaymentWire, BillPayment>(s => new BillPayment
        {
            Id = FreshBooksValues.RequiredId(s.Id, null),
            UpdatedAt = null, // FreshBooks sends no timestamp on a bill payment.
            State = FreshBooksValues.RequiredState(s.VisState),
            BillId = FreshBooksValues.RequiredId(s.BillId, null),
            Amount = FreshBooksValues.RequiredMoney(s.Amount, null, "amount"),
            Date = PaidDate(s.PaidDate),
            Method = FreshBooksValues.Text(s.PaymentType),
            Note = FreshBooksValues.Text(s.Note),
        });
        // Not mapped, as in the Mapster configuration: VisState.
        mappings.Add<NewBillPayment, BillPaymentWrite>(s => new BillPaymentWrite
        {
            BillId = FreshBooksValues.ParseId(s.BillId),
            Amount = FreshBooksValues.MoneyOut(s.Amount),
            PaidDate = FreshBooksValues.Date(s.Date),
            PaymentType = s.Method,
            Note = s.Note,
        });
        // Not mapped, as in the Mapster configuration: BillId, VisState.
        mappings.Add<BillPaymentChanges, BillPaymentWrite>(s => new BillPaymentWrite
        {
            Amount = s.Amount.HasValue ? FreshBooksValues.MoneyOut(s.Amount.Value) : null,
            PaidDate = s.Date.HasValue ? FreshBooksValues.Date(s.Date.Value) : null,
            PaymentType = s.Method,
            Note = s.Note,
        });
    }

    private static DateOnly PaidDate(string? text) =>
        FreshBooksValues.OptionalDate(text, "paid_date") ?? throw new FormatException("The required field 'paid_date' is missing.");

    internal static Bill Read(BillWire wire)
    {
        var currency = FreshBooksValues.Currency(wire.CurrencyCode)
            ?? throw new FormatException($"The bill's currency_code {FreshBooksValues.Quote(wire.CurrencyCode)} is missing or not a currency.");
        var issued = FreshBooksValues.OptionalDate(wire.IssueDate, "issue_date")
            ?? throw new FormatException("The required field 'issue_date' is missing.");
        var lines = (wire.Lines ?? []).Select((l, i) => Line(l ?? throw new FormatException($"The line lines[{i}] is null."), currency)).ToList();
        var subtotal = Amount(wire.Amount, currency, "amount");
        var tax = Amount(wire.TaxAmount, currency, "tax_amount");
        var total = Amount(wire.TotalAmount, currency, "total_amount");
        var paid = Amount(wire.Paid, currency, "paid");
        var due = Amount(wire.Outstanding, currency, "outstanding");
        var lineSum = lines.Aggregate(Money.Zero(currency), (sum, l) => sum + l.Amount);
        if (lines.Count > 0 && lineSum != subtotal)
        {
            throw new FormatException($"The bill's lines add up to {lineSum} but its amount is {subtotal}.");
        }

        if (subtotal + tax != total)
        {
            throw new FormatException($"The bill's amount {subtotal} plus tax {tax} is not its total {total}.");
        }

        var expectedDue = total - paid;
        if (due != (expectedDue.Amount < 0m ? Money.Zero(currency) : expectedDue))
        {
            throw new FormatException($"The bill's total {total} less paid {paid} is not its outstanding {due}.");
        }

        return new Bill
        {
            Id = FreshBooksValues.RequiredId(wire.Id, null),
            UpdatedAt = FreshBooksValues.RequiredUtc(wire.UpdatedAt, "updated_at", wire.CreatedAt),
            State = FreshBooksValues.RequiredState(wire.VisState),
            Number = FreshBooksValues.Text(wire.BillNumber),
            VendorId = FreshBooksValues.RequiredId(wire.VendorId, null),
            Status = BillStatusMapping.Status(wire.Status),
            ProviderStatus = FreshBooksValues.Text(wire.Status),
            IssueDate = issued,
            DueDate = FreshBooksValues.OptionalDate(wire.DueDate, "due_date"),
            Currency = currency,
            Lines = lines,
            Subtotal = subtotal,
            Tax = tax,
            Total = total,
            AmountPaid = paid,
            AmountDue = due,
        };
    }

    private static BillLine Line(BillLineWire line, CurrencyCode currency)
    {
        var taxes = new List<LineTax>(2);
        AddTax(line.TaxName1, line.TaxPercent1);
        AddTax(line.TaxName2, line.TaxPercent2);
        return new BillLine
        {
            Id = FreshBooksValues.Reference(line.Id),
            Description = line.Description ?? string.Empty,
            Quantity = FreshBooksValues.RequiredDecimal(line.Quantity, "quantity"),
            UnitPrice = Amount(line.UnitCost, currency, "unit_cost"),
            Amount = Amount(line.Amount, currency, "amount"),
            CategoryId = FreshBooksValues.Reference(line.CategoryId),
            Taxes = taxes,
        };

        void AddTax(string? name, string? percent)
        {
            if (!string.IsNullOrWhiteSpace(name) || FreshBooksValues.Decimal(percent) is > 0m)
            {
                // A named tax without its percent would read as 0 %: unreadable instead.
                taxes.Add(new LineTax(name ?? string.Empty, FreshBooksValues.RequiredDecimal(percent, "tax_percent")));
            }
        }
    }

    /// <summary>A required amount in the bill's currency; a missing one, or one in another currency, is an unreadable answer.</summary>
    private static Money Amount(MoneyWire? money, CurrencyCode currency, string field)
    {
        var value = FreshBooksValues.RequiredMoney(money, currency.Value, field);
        return value.Currency == currency
            ? value
            : throw new FormatException($"The bill's {field} is in {value.Currency}, not the bill's {currency}.");
    }

    internal static IReadOnlyList<BillLineWrite> LinesOut(IReadOnlyList<NewBillLine> lines, long? defaultCategory) =>
    [
        .. lines.Select(l => new BillLineWrite
        {
            Description = l.Description,
            Quantity = FreshBooksValues.Number(l.Quantity),
            UnitCost = FreshBooksValues.MoneyOut(l.UnitPrice),
            CategoryId = FreshBooksValues.ParseId(l.CategoryId) ?? defaultCategory,
            TaxName1 = l.Taxes.Count > 0 ? l.Taxes[0].Name : null,
            TaxPercent1 = l.Taxes.Count > 0 ? FreshBooksValues.Number(l.Taxes[0].Percent) : null,
            TaxName2 = l.Taxes.Count > 1 ? l.Taxes[1].Name : null,
            TaxPercent2 = l.Taxes.Count > 1 ? FreshBooksValues.Number(l.Taxes[1].Percent) : null,
        }),
    ];
}
