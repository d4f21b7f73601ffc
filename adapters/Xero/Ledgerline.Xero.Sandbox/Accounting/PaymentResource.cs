using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// <c>/Payments</c>: created against an AUTHORISED invoice into a bank account (or one with payments enabled), never
/// more than the amount due; never updated; deleted with <c>POST /Payments/{id}</c> and <c>{"Status":"DELETED"}</c>,
/// which reopens the invoice.
/// </summary>
internal static class PaymentResource
{
    public static XeroResource<Payment> Create(SandboxServices s) => new()
    {
        Services = s,
        Name = "Payments",
        IdName = "PaymentID",
        ReadScopes = ["accounting.transactions.read", "accounting.payments.read"],
        WriteScopes = ["accounting.transactions", "accounting.payments"],
        Store = b => b.Payments,
        Write = Write,
        Paged = true,
        Save = Save,
    };

    public static void Write(Utf8JsonWriter w, Payment p, RenderContext ctx)
    {
        var book = ctx.Book;
        w.WriteStartObject();
        w.WriteString("PaymentID", p.Id);
        w.WriteString("Date", XeroDates.Ms(p.Date));
        w.WriteNumber("BankAmount", XeroNumbers.Money(p.Amount));
        w.WriteNumber("Amount", XeroNumbers.Money(p.Amount));
        Writers.Opt(w, "Reference", p.Reference);
        w.WriteNumber("CurrencyRate", XeroNumbers.Rate(p.CurrencyRate));
        w.WriteString("PaymentType", p.PaymentType);
        w.WriteString("Status", p.Status);
        Writers.Updated(w, p.Updated);
        w.WriteBoolean("HasAccount", true);
        w.WriteBoolean("IsReconciled", false);
        var account = book.Accounts.Find(p.AccountId);
        w.WriteStartObject("Account");
        w.WriteString("AccountID", p.AccountId);
        Writers.Opt(w, "Code", account?.Code);
        w.WriteEndObject();
        if (book.Invoices.Find(p.InvoiceId) is { } invoice)
        {
            var contact = book.Contacts.Find(invoice.ContactId);
            w.WriteStartObject("Invoice");
            w.WriteString("Type", invoice.Type);
            w.WriteString("InvoiceID", invoice.Id);
            Writers.Opt(w, "InvoiceNumber", invoice.InvoiceNumber);
            w.WriteStartObject("Contact");
            w.WriteString("ContactID", invoice.ContactId);
            Writers.Opt(w, "Name", contact?.Name);
            w.WriteEndObject();
            w.WriteString("CurrencyCode", invoice.CurrencyCode);
            w.WriteEndObject();
        }

        w.WriteBoolean("HasValidationErrors", false);
        w.WriteEndObject();
    }

    private static SaveOutcome<Payment> Save(SaveContext ctx, ElementReader e, Payment? existing)
    {
        var book = ctx.Book;
        if (existing is not null)
        {
            if (existing.Status == "DELETED")
            {
                return SaveOutcome<Payment>.Refused(["This payment has been deleted and cannot be changed."]);
            }

            if (!string.Equals(e.Str("Status"), "DELETED", StringComparison.OrdinalIgnoreCase))
            {
                return SaveOutcome<Payment>.Refused(["Payments cannot be modified, only created or deleted."]);
            }

            var deleted = (Payment)existing.Copy();
            deleted.Status = "DELETED";
            return new SaveOutcome<Payment>(deleted, [], () =>
            {
                if (book.Invoices.Find(existing.InvoiceId)?.Copy() is Invoice invoice)
                {
                    PaymentLedger.Reverse(invoice, existing, ctx.Now);
                    book.Invoices.Upsert(invoice);
                }
            });
        }

        var errors = new List<string>();
        Invoice? target = null;
        if (e.Obj("Invoice") is { } ie)
        {
            if (ie.Id("InvoiceID") is { } id)
            {
                target = book.Invoices.Find(id);
            }
            else if (ie.Str("InvoiceNumber") is { Length: > 0 } number)
            {
                target = book.Invoices.All.FirstOrDefault(i => i.Status != "DELETED" && string.Equals(i.InvoiceNumber, number, StringComparison.OrdinalIgnoreCase));
            }

            if (target is null)
            {
                errors.Add("The invoice for this payment could not be found.");
            }
            else if (target.Status != "AUTHORISED")
            {
                errors.Add(target.Status == "PAID"
                    ? "Payment amount exceeds the amount outstanding on this document."
                    : "Payments can only be made against AUTHORISED invoices.");
            }
        }
        else
        {
            errors.Add("An Invoice must be specified for the payment.");
        }

        Account? account = null;
        if (e.Obj("Account") is { } ae)
        {
            account = ae.Id("AccountID") is { } accountId ? book.Accounts.Find(accountId) : book.AccountByCode(ae.Str("Code"));
            if (account is null || !account.AcceptsPayments)
            {
                errors.Add("Payments can only be made to a bank account or an account with payments enabled.");
            }
        }
        else
        {
            errors.Add("An Account must be specified for the payment.");
        }

        var amount = e.Dec("Amount");
        if (amount is null || amount <= 0m)
        {
            errors.Add("The payment amount must be greater than zero.");
        }
        else if (target is { Status: "AUTHORISED" } && XeroNumbers.Money(amount.Value) > target.AmountDue)
        {
            errors.Add("Payment amount exceeds the amount outstanding on this document.");
        }

        var date = e.Date("Date") ?? book.Today(ctx.Now);
        var rate = e.Dec("CurrencyRate");
        var reference = e.Str("Reference", 255);
        if (errors.Count > 0)
        {
            return SaveOutcome<Payment>.Refused(errors);
        }

        var payment = new Payment
        {
            Id = Guid.NewGuid(),
            InvoiceId = target!.Id,
            AccountId = account!.Id,
            Date = date,
            Amount = XeroNumbers.Money(amount!.Value),
            CurrencyRate = rate is > 0m ? rate.Value : target.CurrencyRate,
            Reference = reference,
            PaymentType = target.Type == "ACCREC" ? "ACCRECPAYMENT" : "ACCPAYPAYMENT",
        };
        return new SaveOutcome<Payment>(payment, [], () =>
        {
            var invoice = (Invoice)target.Copy();
            PaymentLedger.Apply(invoice, payment, ctx.Now);
            book.Invoices.Upsert(invoice);
        });
    }
}
