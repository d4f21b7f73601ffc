using System.Globalization;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal static partial class AccountingResources
{
    private static Resource<CreditNote> CreditNotes()
    {
        var binder = new FieldBinder<CreditNote>()
            .Text(CreditNote.TextFields)
            .Int("clientid", (c, v) => c.ClientId = v)
            .Date("create_date", (c, v) => c.CreateDate = v!.Value)
            .Enum("credit_type", CreditNote.Types, (c, v) => c.CreditType = v!)
            .Custom("lines", (c, v, errors, f) =>
            {
                // On update FreshBooks' own collection sends each existing line back with its id ("20405-1").
                if (ParseLines(v, errors, f, "id", "creditid") is { } lines)
                {
                    c.Lines = lines;
                }
            });
        return new Resource<CreditNote>
        {
            Family = AccountingFamily.Instance,
            Path = "credit_notes/credit_notes",
            SingleKey = "credit_note",
            ListKey = "credit_notes",
            // The Node SDK wraps a single credit note in "credit_notes" (its bug); accept that too.
            InputKeys = ["credit_notes"],
            ObjectName = "credit_note",
            IdField = "creditid",
            Scope = "credit_notes",
            Set = s => s.CreditNotes,
            Write = Writers.CreditNote,
            Binder = WithSample(binder, new CreditNote(), Writers.CreditNote,
                "presentation", "attachments", "contacts", "email_recipients", "owner", "direct_links"),
            New = now =>
            {
                var c = new CreditNote { Created = now, Updated = now, CreateDate = Formats.EasternToday(now) };
                c.Text["language"] = "en";
                c.Text["template"] = "clean-grouped";
                return c;
            },
            Validate = (c, previous, account, body, errors) =>
            {
                if (previous is null && !body.ContainsKey("clientid"))
                {
                    errors.Required("clientid");
                }
                else if ((previous is null || previous.ClientId != c.ClientId) &&
                    CheckClient(account, c.ClientId, "clientid", errors) is { } client && previous is null)
                {
                    Seeder.CopyCustomer(c, client, onlyMissing: true);
                }

                CheckCurrency(c, errors);
                if (errors.Any)
                {
                    return;
                }

                foreach (var line in c.Lines)
                {
                    line.Updated = c.Updated;
                }

                if (previous is null && string.IsNullOrEmpty(c.StrOrNull("credit_number")))
                {
                    c.Text["credit_number"] = account.NextCreditNumber++.ToString("D7", CultureInfo.InvariantCulture);
                }

                c.Recalculate();
                if (previous is not null && c.Paid > 0 && (c.Amount < c.Paid || c.Currency != previous.Currency || c.ClientId != previous.ClientId))
                {
                    // *Decision*: credit already applied to invoices pins the client, the currency and a floor on the amount.
                    errors.Add(1004, "amount", "Credit already applied to invoices exceeds the new amount, or its client or currency would change.",
                        Formats.Money(c.Amount, MinorUnits.Of(c.Currency)));
                }
            },
            List = new SearchQuery<CreditNote>
            {
                SortAlias = s => s switch { "date" => "create_date", _ => s },
                Field = (name, _) => name switch
                {
                    "id" or "creditid" => c => c.Id,
                    "clientid" or "customerid" => c => c.ClientId,
                    "create_date" or "date" => c => c.CreateDate,
                    "updated" => c => c.Updated,
                    "credit_type" => c => c.CreditType,
                    "payment_status" => c => c.PaymentStatus,
                    "amount" => c => c.Amount,
                    "paid" => c => c.Paid,
                    "currency_code" => c => c.Currency,
                    _ when CreditNote.TextFields.Contains(name) => c => c.Str(name),
                    _ => null,
                },
            },
        };
    }

    /// <summary>
    /// A payment of type "Credit" naming a credit note spends that credit on the invoice. *Decision*: it must be of
    /// the invoice's client and currency, and may not exceed the credit remaining nor the invoice's outstanding amount.
    /// </summary>
    private static void CheckCreditPayment(Payment p, AccountState account, Invoice invoice, BindErrors errors)
    {
        var id = p.CreditId.ToString(CultureInfo.InvariantCulture);
        if (!string.Equals(p.Str("type"), "Credit", StringComparison.Ordinal))
        {
            errors.Add(1004, "type", "A payment from a credit note must have type Credit.", p.Str("type"));
        }

        if (account.CreditNotes.Find(p.CreditId) is not { } credit)
        {
            errors.Add(1012, "creditid", "Credit note not found.", id);
            return;
        }

        if (credit.VisState == 1)
        {
            errors.Add(1011, "creditid", "This credit note has been deleted.", id);
            return;
        }

        if (credit.ClientId != invoice.CustomerId)
        {
            errors.Add(1004, "creditid", "The credit note belongs to another client.", id);
            return;
        }

        if (!string.Equals(credit.Currency, p.Code, StringComparison.Ordinal))
        {
            errors.Add(1004, "amount", "The payment's currency differs from the credit note's.", p.Code);
            return;
        }

        decimal applied = 0, paid = 0;
        foreach (var other in account.Payments.All)
        {
            if (other.Id == p.Id || other.VisState == 1)
            {
                continue;
            }

            applied += other.CreditId == credit.Id ? other.Amount : 0;
            paid += other.InvoiceId == invoice.Id ? other.Amount : 0;
        }

        var decimals = MinorUnits.Of(p.Code);
        var remaining = credit.Amount - applied;
        var outstanding = Math.Max(0, invoice.Amount - paid);
        if (p.Amount > remaining)
        {
            errors.Add(1004, "amount", $"Amount exceeds the credit remaining ({Formats.Money(remaining, decimals)}).", Formats.Money(p.Amount, decimals));
        }
        else if (p.Amount > outstanding)
        {
            errors.Add(1004, "amount", $"Amount exceeds the invoice's outstanding amount ({Formats.Money(outstanding, decimals)}).", Formats.Money(p.Amount, decimals));
        }
    }
}
