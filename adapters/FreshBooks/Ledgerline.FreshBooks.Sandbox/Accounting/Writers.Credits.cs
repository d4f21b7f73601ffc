using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal static partial class Writers
{
    public static void CreditNote(Utf8JsonWriter w, CreditNote c, RenderContext ctx)
    {
        var code = c.Currency;
        w.WriteStartObject();
        w.WriteString("accounting_systemid", ctx.Account.Business.AccountId);
        HttpJson.Money(w, "amount", c.Amount, code);
        Text(w, c, "city");
        w.WriteNumber("clientid", c.ClientId);
        Text(w, c, "code");
        Text(w, c, "country");
        w.WriteString("create_date", Formats.Date(c.CreateDate));
        w.WriteString("created_at", Formats.Eastern(c.Created));
        Text(w, c, "credit_number");
        w.WriteString("credit_type", c.CreditType);
        w.WriteNumber("creditid", c.Id);
        w.WriteString("currency_code", code);
        w.WriteString("current_organization", c.Str("organization"));
        Text(w, c, "description");
        w.WriteString("display_status", "created");
        w.WriteNull("dispute_status");
        w.WriteNumber("ext_archive", 0);
        Text(w, c, "fname");
        w.WriteNumber("id", c.Id);
        Text(w, c, "language");
        w.WriteNull("last_order_status");
        Text(w, c, "lname");
        Text(w, c, "notes");
        Text(w, c, "organization");
        HttpJson.Money(w, "paid", c.Paid, code);
        w.WriteString("payment_status", c.PaymentStatus);
        w.WriteNull("payment_type");
        Text(w, c, "province");
        w.WriteNumber("sentid", 0);
        w.WriteString("status", "created");
        Text(w, c, "street");
        Text(w, c, "street2");
        Text(w, c, "template");
        Text(w, c, "terms");
        w.WriteString("updated", Formats.Eastern(c.Updated));
        Text(w, c, "vat_name");
        Text(w, c, "vat_number");
        w.WriteNumber("vis_state", c.VisState);
        if (ctx.Includes.Contains("lines"))
        {
            w.WriteStartArray("lines");
            foreach (var line in c.Lines)
            {
                Line(w, "creditid", c.Id, line, code);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
