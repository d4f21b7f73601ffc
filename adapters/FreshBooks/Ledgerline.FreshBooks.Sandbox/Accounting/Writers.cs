using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>Serializes accounting records in FreshBooks' field names, types and timestamp conventions.</summary>
internal static partial class Writers
{
    private static void Text(Utf8JsonWriter w, Data.Entity e, string name, bool nullable = false)
    {
        var v = e.StrOrNull(name);
        if (v is null && nullable)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, v ?? "");
        }
    }

    private static void NullableDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, Formats.Date(d));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void NullablePercent(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Formats.Number(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void Client(Utf8JsonWriter w, Client c, RenderContext ctx)
    {
        var accountId = ctx.Account.Business.AccountId;
        w.WriteStartObject();
        w.WriteString("accounting_systemid", accountId);
        w.WriteBoolean("allow_email_include_pdf", c.AllowEmailIncludePdf);
        w.WriteBoolean("allow_late_fees", c.AllowLateFees);
        w.WriteBoolean("allow_late_notifications", c.AllowLateNotifications);
        foreach (var name in new[] { "bus_phone", "company_industry", "company_size", "currency_code" })
        {
            Text(w, c, name, Accounting.Client.NullableText.Contains(name));
        }

        w.WriteNull("direct_link_token");
        Text(w, c, "email");
        w.WriteNumber("exceeds_client_limit", 0);
        Text(w, c, "fax");
        Text(w, c, "fname");
        w.WriteNull("has_retainer");
        Text(w, c, "home_phone", true);
        w.WriteNumber("id", c.Id);
        Text(w, c, "language");
        w.WriteNull("last_activity");
        w.WriteNull("last_login");
        w.WriteNumber("level", 0);
        Text(w, c, "lname");
        Text(w, c, "mob_phone");
        Text(w, c, "note", true);
        w.WriteBoolean("notified", false);
        w.WriteNumber("num_logins", 0);
        Text(w, c, "organization");
        foreach (var name in new[] { "p_city", "p_code", "p_country", "p_province", "p_street", "p_street2" })
        {
            Text(w, c, name);
        }

        w.WriteBoolean("pref_email", true);
        w.WriteBoolean("pref_gmail", false);
        w.WriteNull("retainer_id");
        w.WriteString("role", "client");
        foreach (var name in new[] { "s_city", "s_code", "s_country", "s_province", "s_street", "s_street2" })
        {
            Text(w, c, name);
        }

        w.WriteString("signup_date", Formats.UtcSpace(c.Created));
        w.WriteNull("statement_token");
        w.WriteNull("subdomain");
        w.WriteString("updated", Formats.Eastern(c.Updated));
        w.WriteNumber("userid", c.Id);
        w.WriteString("username", c.Str("username") is { Length: > 0 } u ? u : c.Str("email"));
        w.WriteString("uuid", c.Uuid);
        Text(w, c, "vat_name");
        Text(w, c, "vat_number");
        w.WriteNumber("vis_state", c.VisState);
        ClientBalances(w, c, ctx);
        w.WriteEndObject();
    }

    internal sealed class Balances
    {
        public Dictionary<(int Client, string Code), decimal> Outstanding { get; } = [];

        public Dictionary<(int Client, string Code), decimal> Draft { get; } = [];

        public Dictionary<(int Client, string Code), decimal> Overdue { get; } = [];

        public Dictionary<(int Client, string Code), decimal> Total { get; } = [];

        public Dictionary<(int Client, string Code), decimal> Credit { get; } = [];
    }

    /// <summary>Per-client, per-currency balances, computed once per request and shared by every record on the page.</summary>
    internal static Balances BalancesFor(RenderContext ctx)
    {
        // One pass over the invoices per request, not per client, keeps a page of 100 clients cheap.
        if (!ctx.Cache.TryGetValue("balances", out var cached))
        {
            var b = new Balances();
            foreach (var inv in ctx.Account.Invoices.All)
            {
                if (inv.VisState == 1)
                {
                    continue;
                }

                var key = (inv.CustomerId, inv.Currency);
                Add(b.Total, key, inv.Amount);
                if (!inv.Sent && inv.Status == 1)
                {
                    Add(b.Draft, key, inv.Amount);
                }
                else
                {
                    Add(b.Outstanding, key, inv.Outstanding);
                    if (inv.V3Status(ctx.Today) == "overdue")
                    {
                        Add(b.Overdue, key, inv.Outstanding);
                    }
                }

                if (inv.Paid > inv.Amount)
                {
                    Add(b.Credit, key, inv.Paid - inv.Amount);
                }
            }

            foreach (var credit in ctx.Account.CreditNotes.All)
            {
                if (credit.VisState != 1 && credit.Remaining > 0)
                {
                    Add(b.Credit, (credit.ClientId, credit.Currency), credit.Remaining);
                }
            }

            ctx.Cache["balances"] = cached = b;
        }

        return (Balances)cached;

        static void Add(Dictionary<(int, string), decimal> map, (int, string) key, decimal value) =>
            map[key] = map.GetValueOrDefault(key) + value;
    }

    /// <summary>Clients with a non-zero balance of one kind in any currency.</summary>
    internal static HashSet<int> ClientsWith(Dictionary<(int Client, string Code), decimal> map) =>
        [.. map.Where(p => p.Value != 0).Select(p => p.Key.Client)];

    private static readonly string[] BalanceIncludes = ["outstanding_balance", "draft_balance", "overdue_balance", "grand_total_balance", "credit_balance"];

    private static void ClientBalances(Utf8JsonWriter w, Client c, RenderContext ctx)
    {
        if (!BalanceIncludes.Any(ctx.Includes.Contains))
        {
            return;
        }

        var balances = BalancesFor(ctx);
        foreach (var name in BalanceIncludes)
        {
            if (!ctx.Includes.Contains(name))
            {
                continue;
            }

            var map = name switch
            {
                "outstanding_balance" => balances.Outstanding,
                "draft_balance" => balances.Draft,
                "overdue_balance" => balances.Overdue,
                "grand_total_balance" => balances.Total,
                _ => balances.Credit,
            };
            w.WriteStartArray(name);
            foreach (var ((client, code), amount) in map.OrderBy(p => p.Key.Code, StringComparer.Ordinal))
            {
                if (client == c.Id && amount != 0)
                {
                    w.WriteStartObject();
                    HttpJson.Money(w, "amount", amount, code);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }
    }

    public static void Invoice(Utf8JsonWriter w, Invoice i, RenderContext ctx)
    {
        var code = i.Currency;
        var accountId = ctx.Account.Business.AccountId;
        w.WriteStartObject();
        w.WriteString("accountid", accountId);
        w.WriteString("accounting_systemid", accountId);
        Text(w, i, "address");
        HttpJson.Money(w, "amount", i.Amount, code);
        w.WriteBoolean("auto_bill", false);
        w.WriteNull("autobill_status");
        w.WriteNumber("basecampid", 0);
        Text(w, i, "city");
        Text(w, i, "code");
        Text(w, i, "country");
        w.WriteString("create_date", Formats.Date(i.CreateDate));
        w.WriteString("created_at", Formats.Eastern(i.Created));
        w.WriteString("currency_code", code);
        Text(w, i, "current_organization");
        w.WriteNumber("customerid", i.CustomerId);
        NullableDate(w, "date_paid", i.DatePaid);
        w.WriteNull("deposit_amount");
        NullablePercent(w, "deposit_percentage", i.DepositPercentage);
        w.WriteString("deposit_status", "none");
        Text(w, i, "description");
        Text(w, i, "discount_description");
        HttpJson.Money(w, "discount_total", i.DiscountTotal, code);
        w.WriteString("discount_value", Formats.Number(i.DiscountValue));
        w.WriteNull("dispute_status");
        w.WriteString("display_status", i.DisplayStatus);
        w.WriteString("due_date", Formats.Date(i.DueDate));
        w.WriteNumber("due_offset_days", i.DueOffsetDays);
        Text(w, i, "email");
        w.WriteNumber("estimateid", i.EstimateId);
        w.WriteNumber("ext_archive", 0);
        Text(w, i, "fname");
        w.WriteNull("fulfillment_date");
        NullableDate(w, "generation_date", i.GenerationDate);
        w.WriteBoolean("gmail", false);
        w.WriteNumber("id", i.Id);
        w.WriteNumber("invoiceid", i.Id);
        Text(w, i, "invoice_number");
        Text(w, i, "language");
        w.WriteNull("last_order_status");
        Text(w, i, "lname");
        HttpJson.Money(w, "net_paid_amount", i.Paid, code);
        Text(w, i, "notes");
        Text(w, i, "organization");
        HttpJson.Money(w, "outstanding", i.Outstanding, code);
        w.WriteNumber("ownerid", 1);
        HttpJson.Money(w, "paid", i.Paid, code);
        w.WriteNumber("parent", 0);
        Text(w, i, "payment_details");
        w.WriteString("payment_status", i.PaymentStatus);
        Text(w, i, "po_number");
        Text(w, i, "province");
        Text(w, i, "return_uri");
        w.WriteNumber("sentid", i.Sent ? 1 : 0);
        w.WriteBoolean("show_attachments", i.ShowAttachments);
        w.WriteNumber("status", i.Status);
        Text(w, i, "street");
        Text(w, i, "street2");
        Text(w, i, "template");
        Text(w, i, "terms");
        w.WriteString("updated", Formats.Eastern(i.Updated));
        w.WriteString("uuid", i.Uuid);
        w.WriteString("v3_status", i.V3Status(ctx.Today));
        Text(w, i, "vat_name");
        Text(w, i, "vat_number");
        w.WriteString("version", Formats.EasternVersion(i.Updated));
        w.WriteNumber("vis_state", i.VisState);
        if (ctx.Includes.Contains("lines"))
        {
            w.WriteStartArray("lines");
            foreach (var line in i.Lines)
            {
                Line(w, "invoiceid", i.Id, line, code);
            }

            w.WriteEndArray();
        }

        if (ctx.Includes.Contains("presentation"))
        {
            w.WriteStartObject("presentation");
            w.WriteString("date_format", "mm/dd/yyyy");
            w.WriteNumber("id", i.Id);
            w.WriteString("image_banner_position_y", "0");
            w.WriteNull("image_banner_src");
            w.WriteNull("image_logo_src");
            w.WriteString("theme_font_name", "modern");
            w.WriteString("theme_layout", "simple");
            w.WriteString("theme_primary_color", "#345beb");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Line(Utf8JsonWriter w, string ownerField, int ownerId, InvoiceLine l, string code)
    {
        w.WriteStartObject();
        HttpJson.Money(w, "amount", l.Amount, code);
        w.WriteNumber("basecampid", 0);
        w.WriteBoolean("compounded_tax", l.CompoundedTax);
        w.WriteNull("date");
        w.WriteString("description", l.Description);
        w.WriteNumber("expenseid", l.ExpenseId);
        w.WriteNumber(ownerField, ownerId);
        w.WriteNumber("lineid", l.LineId);
        w.WriteNull("modern_project_id");
        w.WriteStartArray("modern_time_entries");
        w.WriteEndArray();
        w.WriteString("name", l.Name);
        w.WriteString("qty", Formats.Number(l.Qty));
        w.WriteNull("retainer_id");
        w.WriteNull("retainer_period_id");
        w.WriteString("taxAmount1", l.TaxAmount1 is { } t1 ? Formats.Number(t1) : "0");
        w.WriteString("taxAmount2", l.TaxAmount2 is { } t2 ? Formats.Number(t2) : "0");
        w.WriteString("taxName1", l.TaxName1 ?? "");
        w.WriteString("taxName2", l.TaxName2 ?? "");
        w.WriteNull("taxNumber1");
        w.WriteNull("taxNumber2");
        w.WriteNumber("taskno", 0);
        w.WriteNumber("type", l.Type);
        HttpJson.Price(w, "unit_cost", l.UnitCost, code);
        w.WriteString("updated", Formats.Eastern(l.Updated));
        w.WriteEndObject();
    }

    public static void Payment(Utf8JsonWriter w, Payment p, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("accounting_systemid", ctx.Account.Business.AccountId);
        HttpJson.Money(w, "amount", p.Amount, p.Code);
        w.WriteNull("bulk_paymentid");
        w.WriteNumber("clientid", p.ClientId);
        if (p.CreditId != 0)
        {
            w.WriteNumber("creditid", p.CreditId);
        }
        else
        {
            w.WriteNull("creditid");
        }

        w.WriteString("date", Formats.Date(p.Date));
        w.WriteBoolean("from_credit", p.CreditId != 0);
        w.WriteNull("gateway");
        w.WriteNumber("id", p.Id);
        w.WriteNumber("invoiceid", p.InvoiceId);
        w.WriteNumber("logid", p.Id);
        Text(w, p, "note");
        w.WriteNull("orderid");
        if (p.OverpaymentId != 0)
        {
            w.WriteNumber("overpaymentid", p.OverpaymentId);
        }
        else
        {
            w.WriteNull("overpaymentid");
        }

        if (p.SendClientNotification is { } notify)
        {
            w.WriteBoolean("send_client_notification", notify);
        }
        else
        {
            w.WriteNull("send_client_notification");
        }

        w.WriteNull("transactionid");
        Text(w, p, "type");
        w.WriteString("updated", Formats.Eastern(p.Updated));
        w.WriteNumber("vis_state", p.VisState);
        w.WriteEndObject();
    }

    public static void Category(Utf8JsonWriter w, ExpenseCategory c, RenderContext ctx)
    {
        w.WriteStartObject();
        Text(w, c, "category");
        w.WriteNumber("categoryid", c.Id);
        w.WriteString("created_at", Formats.Eastern(c.Created));
        w.WriteNumber("id", c.Id);
        w.WriteBoolean("is_cogs", c.IsCogs);
        w.WriteBoolean("is_editable", c.IsEditable);
        if (c.ParentId != 0)
        {
            w.WriteNumber("parentid", c.ParentId);
        }
        else
        {
            w.WriteNull("parentid");
        }

        w.WriteBoolean("transaction_posted", false);
        w.WriteString("updated_at", Formats.Eastern(c.Updated));
        w.WriteNumber("vis_state", c.VisState);
        w.WriteEndObject();
    }

    public static void Expense(Utf8JsonWriter w, Expense e, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("account_name", "");
        w.WriteNull("accountid");
        w.WriteString("accounting_systemid", ctx.Account.Business.AccountId);
        HttpJson.Money(w, "amount", e.Amount, e.Code);
        w.WriteNull("attachment");
        w.WriteNull("background_jobid");
        w.WriteString("bank_name", "");
        w.WriteStartArray("bill_matches");
        w.WriteEndArray();
        w.WriteBoolean("billable", e.Billable);
        w.WriteNumber("categoryid", e.CategoryId);
        w.WriteNumber("clientid", e.ClientId);
        w.WriteBoolean("compounded_tax", false);
        w.WriteString("date", Formats.Date(e.Date));
        w.WriteNumber("expenseid", e.Id);
        w.WriteBoolean("from_bulk_import", false);
        w.WriteBoolean("has_receipt", false);
        w.WriteNumber("id", e.Id);
        w.WriteBoolean("include_receipt", false);
        w.WriteNumber("invoiceid", e.InvoiceId);
        w.WriteBoolean("is_cogs", false);
        w.WriteBoolean("isduplicate", false);
        w.WriteString("markup_percent", Formats.Number(e.MarkupPercent));
        w.WriteNull("modern_projectid");
        Text(w, e, "notes");
        w.WriteBoolean("potential_bill_payment", false);
        w.WriteNull("profileid");
        w.WriteNumber("projectid", e.ProjectId);
        w.WriteNumber("staffid", e.StaffId);
        w.WriteNumber("status", e.Status);
        MoneyOrNull(w, "taxAmount1", e.TaxAmount1, e.Code);
        MoneyOrNull(w, "taxAmount2", e.TaxAmount2, e.Code);
        Text(w, e, "taxName1", true);
        Text(w, e, "taxName2", true);
        NullablePercent(w, "taxPercent1", e.TaxPercent1);
        NullablePercent(w, "taxPercent2", e.TaxPercent2);
        w.WriteNull("transactionid");
        w.WriteString("updated", Formats.Eastern(e.Updated));
        Text(w, e, "vendor");
        w.WriteNumber("vis_state", e.VisState);
        if (ctx.Includes.Contains("category") && ctx.Account.Categories.Find(e.CategoryId) is { } category)
        {
            w.WritePropertyName("category");
            Category(w, category, ctx);
        }

        w.WriteEndObject();
    }

    public static void Item(Utf8JsonWriter w, Item i, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("accounting_systemid", ctx.Account.Business.AccountId);
        Text(w, i, "description");
        w.WriteNumber("id", i.Id);
        if (i.Inventory is { } inv)
        {
            w.WriteString("inventory", Formats.Number(inv));
        }
        else
        {
            w.WriteNull("inventory");
        }

        w.WriteNumber("itemid", i.Id);
        Text(w, i, "name");
        w.WriteString("qty", Formats.Number(i.Qty));
        Text(w, i, "sku");
        w.WriteNumber("tax1", i.Tax1);
        w.WriteNumber("tax2", i.Tax2);
        HttpJson.Price(w, "unit_cost", i.UnitCost, i.Code);
        w.WriteString("updated", Formats.Eastern(i.Updated));
        w.WriteNumber("vis_state", i.VisState);
        w.WriteEndObject();
    }

    public static void Tax(Utf8JsonWriter w, Tax t, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("accounting_systemid", ctx.Account.Business.AccountId);
        w.WriteString("amount", Formats.Number(t.Amount));
        w.WriteBoolean("compound", t.Compound);
        w.WriteNumber("id", t.Id);
        Text(w, t, "name");
        Text(w, t, "number", true);
        w.WriteNumber("taxid", t.Id);
        w.WriteString("updated", Formats.Eastern(t.Updated));
        w.WriteEndObject();
    }
}
