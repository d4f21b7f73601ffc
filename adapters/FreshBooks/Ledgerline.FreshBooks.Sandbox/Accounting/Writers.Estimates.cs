using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal static partial class Writers
{
    /// <summary>Estimates with a sent, live invoice made from them; computed once per request.</summary>
    internal static HashSet<int> InvoicedEstimates(RenderContext ctx)
    {
        if (!ctx.Cache.TryGetValue("invoiced_estimates", out var cached))
        {
            var ids = new HashSet<int>();
            foreach (var inv in ctx.Account.Invoices.All)
            {
                if (inv.EstimateId != 0 && inv.VisState != 1 && (inv.Sent || inv.Status != 1))
                {
                    ids.Add(inv.EstimateId);
                }
            }

            ctx.Cache["invoiced_estimates"] = cached = ids;
        }

        return (HashSet<int>)cached;
    }

    public static void Estimate(Utf8JsonWriter w, Estimate e, RenderContext ctx)
    {
        var code = e.Currency;
        var accountId = ctx.Account.Business.AccountId;
        var invoiced = InvoicedEstimates(ctx).Contains(e.Id);
        var status = e.StatusWith(invoiced);
        w.WriteStartObject();
        w.WriteBoolean("accepted", e.Accepted);
        w.WriteString("accounting_systemid", accountId);
        Text(w, e, "address");
        HttpJson.Money(w, "amount", e.Amount, code);
        Text(w, e, "city");
        Text(w, e, "code");
        Text(w, e, "country");
        w.WriteString("create_date", Formats.Date(e.CreateDate));
        w.WriteString("created_at", Formats.Eastern(e.Created));
        w.WriteString("currency_code", code);
        w.WriteString("current_organization", e.Str("organization"));
        w.WriteNumber("customerid", e.CustomerId);
        Text(w, e, "description");
        Text(w, e, "discount_description");
        HttpJson.Money(w, "discount_total", e.DiscountTotal, code);
        w.WriteString("discount_value", Formats.Number(e.DiscountValue));
        w.WriteString("display_status", Accounting.Estimate.UiStatus(status));
        Text(w, e, "estimate_number");
        w.WriteNumber("estimateid", e.Id);
        w.WriteNumber("ext_archive", 0);
        Text(w, e, "fname");
        w.WriteNumber("id", e.Id);
        w.WriteBoolean("invoiced", invoiced);
        Text(w, e, "language");
        Text(w, e, "lname");
        Text(w, e, "notes");
        Text(w, e, "organization");
        w.WriteNumber("ownerid", 1);
        Text(w, e, "po_number");
        Text(w, e, "province");
        w.WriteNull("reply_status");
        w.WriteBoolean("require_client_signature", e.RequireClientSignature);
        w.WriteBoolean("rich_proposal", e.RichProposal);
        w.WriteNumber("sentid", e.Status == 1 && !invoiced ? 0 : 1);
        w.WriteNumber("status", status);
        Text(w, e, "street");
        Text(w, e, "street2");
        Text(w, e, "template");
        Text(w, e, "terms");
        w.WriteString("ui_status", Accounting.Estimate.UiStatus(status));
        w.WriteString("updated", Formats.Eastern(e.Updated));
        w.WriteString("uuid", e.Uuid);
        Text(w, e, "vat_name");
        Text(w, e, "vat_number");
        w.WriteNumber("vis_state", e.VisState);
        if (ctx.Includes.Contains("lines"))
        {
            w.WriteStartArray("lines");
            foreach (var line in e.Lines)
            {
                Line(w, "estimateid", e.Id, line, code);
            }

            w.WriteEndArray();
        }

        if (ctx.Includes.Contains("invoices"))
        {
            w.WriteStartArray("invoices");
            foreach (var inv in ctx.Account.Invoices.All)
            {
                if (inv.EstimateId == e.Id && inv.VisState != 1)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", inv.Id);
                    w.WriteNumber("invoiceid", inv.Id);
                    Text(w, inv, "invoice_number");
                    w.WriteNumber("status", inv.Status);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
