using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// <c>/BankTransactions</c>: <c>SPEND</c> and <c>RECEIVE</c> money through a bank account, always AUTHORISED, with the
/// invoices' line arithmetic; deleted with <c>Status: DELETED</c>. Overpayment, prepayment and transfer types are not served yet.
/// </summary>
internal static class BankTransactionResource
{
    private static readonly string[] LineAmountTypeNames = ["Exclusive", "Inclusive", "NoTax"];

    public const string NotModifiable = "This bank transaction has been deleted and cannot be changed.";

    public static XeroResource<BankTransaction> Create(SandboxServices s) => new()
    {
        Services = s,
        Name = "BankTransactions",
        IdName = "BankTransactionID",
        ReadScopes = ["accounting.transactions.read", "accounting.banktransactions.read"],
        WriteScopes = ["accounting.transactions", "accounting.banktransactions"],
        Store = b => b.BankTransactions,
        Write = Write,
        Paged = true,
        Save = Save,
    };

    public static void Write(Utf8JsonWriter w, BankTransaction t, RenderContext ctx)
    {
        var book = ctx.Book;
        w.WriteStartObject();
        w.WriteString("BankTransactionID", t.Id);
        w.WriteString("Type", t.Type);
        if (t.ContactId is { } contactId)
        {
            var contact = book.Contacts.Find(contactId);
            w.WriteStartObject("Contact");
            w.WriteString("ContactID", contactId);
            Writers.Opt(w, "Name", contact?.Name);
            Writers.EmptyArray(w, "Addresses");
            Writers.EmptyArray(w, "Phones");
            Writers.EmptyArray(w, "ContactGroups");
            Writers.EmptyArray(w, "ContactPersons");
            w.WriteBoolean("HasValidationErrors", false);
            w.WriteEndObject();
        }

        var account = book.Accounts.Find(t.BankAccountId);
        w.WriteStartObject("BankAccount");
        w.WriteString("AccountID", t.BankAccountId);
        Writers.Opt(w, "Code", account?.Code);
        Writers.Opt(w, "Name", account?.Name);
        w.WriteEndObject();
        w.WriteBoolean("IsReconciled", t.IsReconciled);
        w.WriteString("Date", XeroDates.Ms(t.Date));
        Writers.Opt(w, "Reference", t.Reference);
        w.WriteString("CurrencyCode", t.CurrencyCode);
        w.WriteNumber("CurrencyRate", XeroNumbers.Rate(t.CurrencyRate));
        w.WriteString("Status", t.Status);
        w.WriteString("LineAmountTypes", t.LineAmountTypes);
        w.WriteStartArray("LineItems");
        if (ctx.WithLines)
        {
            foreach (var l in t.LineItems)
            {
                LineItems.Write(w, l, ctx);
            }
        }

        w.WriteEndArray();
        w.WriteNumber("SubTotal", XeroNumbers.Money(t.SubTotal));
        w.WriteNumber("TotalTax", XeroNumbers.Money(t.TotalTax));
        w.WriteNumber("Total", XeroNumbers.Money(t.Total));
        Writers.Updated(w, t.Updated);
        w.WriteBoolean("HasAttachments", false);
        w.WriteEndObject();
    }

    private static SaveOutcome<BankTransaction> Save(SaveContext ctx, ElementReader e, BankTransaction? existing)
    {
        var book = ctx.Book;
        if (existing is { Status: not "AUTHORISED" })
        {
            return SaveOutcome<BankTransaction>.Refused([NotModifiable]);
        }

        var status = e.Str("Status")?.ToUpperInvariant();
        if (existing is not null && status == "DELETED")
        {
            // A delete carries only the status.
            var deleted = (BankTransaction)existing.Copy();
            deleted.Status = "DELETED";
            return new SaveOutcome<BankTransaction>(deleted, []);
        }

        if (status is not (null or "AUTHORISED"))
        {
            return SaveOutcome<BankTransaction>.Refused([existing is null
                ? "A bank transaction can only be created as AUTHORISED."
                : "A bank transaction can only be deleted (Status DELETED), not set to another status."]);
        }

        var errors = new List<string>();
        var t = (BankTransaction?)existing?.Copy() ?? new BankTransaction { Id = Guid.NewGuid(), Date = book.Today(ctx.Now), CurrencyCode = book.Tenant.BaseCurrency };
        if (e.Has("Type"))
        {
            var type = e.Str("Type")?.ToUpperInvariant();
            if (type is not ("SPEND" or "RECEIVE"))
            {
                errors.Add(type is not null && type.Contains('-', StringComparison.Ordinal)
                    ? $"The sandbox does not serve {type} bank transactions yet; use SPEND or RECEIVE."
                    : "Bank transaction Type must be SPEND or RECEIVE.");
            }
            else if (existing is not null && type != existing.Type)
            {
                errors.Add("The Type of an existing bank transaction cannot be changed.");
            }
            else
            {
                t.Type = type;
            }
        }
        else if (existing is null)
        {
            errors.Add("Bank transaction Type must be specified.");
        }

        if (e.Obj("BankAccount") is { } be)
        {
            var account = be.Id("AccountID") is { } accountId ? book.Accounts.Find(accountId) : book.AccountByCode(be.Str("Code"));
            if (account is null || account.Type != "BANK" || account.Status != "ACTIVE")
            {
                errors.Add("The BankAccount must be an active bank account, given by AccountID or Code.");
            }
            else
            {
                t.BankAccountId = account.Id;
            }
        }
        else if (existing is null)
        {
            errors.Add("A BankAccount must be specified.");
        }

        Contact? newContact = null;
        if (e.Obj("Contact") is { } ce)
        {
            var (contact, created, error) = InvoiceResource.ResolveContact(book, ce);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                t.ContactId = contact!.Id;
                newContact = created ? contact : null;
            }
        }

        if (e.Has("Date"))
        {
            t.Date = e.Date("Date") ?? book.Today(ctx.Now);
        }

        if (e.Has("Reference"))
        {
            t.Reference = e.Str("Reference", 255);
        }

        if (e.Bool("IsReconciled") is { } reconciled)
        {
            t.IsReconciled = reconciled;
        }

        // Spent and received money is in its bank account's currency: Xero takes CurrencyCode only on overpayments.
        var accountCurrency = book.Accounts.Find(t.BankAccountId)?.CurrencyCode ?? book.Tenant.BaseCurrency;
        if (e.Str("CurrencyCode", 3)?.ToUpperInvariant() is { } code && code != accountCurrency)
        {
            errors.Add($"Setting currency is only supported on overpayments: this bank transaction is in its bank account's currency, {accountCurrency}.");
        }

        t.CurrencyCode = accountCurrency;
        t.CurrencyRate = book.CurrencyRates.TryGetValue(accountCurrency, out var rate) ? rate : 1m;

        if (e.Has("LineAmountTypes"))
        {
            var lat = e.Str("LineAmountTypes");
            var canonical = LineAmountTypeNames.FirstOrDefault(x => string.Equals(x, lat, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                errors.Add("LineAmountTypes must be Exclusive, Inclusive or NoTax.");
            }
            else
            {
                t.LineAmountTypes = canonical;
            }
        }

        if (errors.Count > 0)
        {
            return SaveOutcome<BankTransaction>.Refused(errors);
        }

        var refusedBeforeLines = errors.Count;
        if (e.Arr("LineItems") is { } lines)
        {
            var previous = t.LineItems;
            t.LineItems = [];
            foreach (var l in lines)
            {
                if (LineItems.Bind(ctx, t.Type, t.LineAmountTypes, discountsAllowed: false, l, previous, errors) is { } line)
                {
                    t.LineItems.Add(line);
                }
            }
        }
        else if (existing is not null && e.Has("LineAmountTypes"))
        {
            t.LineItems = [.. t.LineItems.Select(l => l.TaxOverridden ? l : l with
            {
                TaxAmount = InvoiceMath.LineTax(l.LineAmount, book.TaxRate(l.TaxType)?.Rate ?? 0m, t.LineAmountTypes),
            })];
        }

        // Bank transactions are always authorised, so every line needs its account from the start.
        // A line refused above is reported as itself, not as a missing line.
        if (t.LineItems.Count == 0 && errors.Count == refusedBeforeLines)
        {
            errors.Add("A bank transaction must have at least one line item.");
        }

        if (t.LineItems.Exists(l => l.AccountCode is null))
        {
            errors.Add("Account code must be specified on every line item of a bank transaction.");
        }

        if (errors.Count > 0)
        {
            return SaveOutcome<BankTransaction>.Refused(errors);
        }

        (t.SubTotal, t.TotalTax, t.Total, _) = InvoiceMath.Totals(t.LineItems, t.LineAmountTypes);
        return new SaveOutcome<BankTransaction>(t, [], newContact is null ? null : () =>
        {
            newContact.Updated = ctx.Now;
            book.Contacts.Upsert(newContact);
        });
    }
}
