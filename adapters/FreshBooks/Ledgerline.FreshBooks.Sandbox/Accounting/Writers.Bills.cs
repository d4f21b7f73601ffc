using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal static partial class Writers
{
    /// <summary>A vendor: keyed by <c>vendorid</c> only (FreshBooks returns no <c>id</c>), timestamps in UTC.</summary>
    public static void BillVendor(Utf8JsonWriter w, BillVendor v, RenderContext ctx)
    {
        w.WriteStartObject();
        Text(w, v, "account_number");
        Text(w, v, "city");
        Text(w, v, "country");
        w.WriteString("created_at", Formats.UtcSpace(v.Created));
        w.WriteString("currency_code", v.Str("currency_code") is { Length: > 0 } c ? c : "USD");
        w.WriteBoolean("is_1099", v.Is1099);
        Text(w, v, "language");
        Text(w, v, "note", true);
        VendorBalances(w, v, ctx);
        Text(w, v, "phone");
        Text(w, v, "postal_code");
        Text(w, v, "primary_contact_email");
        Text(w, v, "primary_contact_first_name");
        Text(w, v, "primary_contact_last_name");
        Text(w, v, "province");
        Text(w, v, "street");
        Text(w, v, "street2");
        w.WriteStartArray("tax_defaults");
        foreach (var (taxId, enabled) in v.TaxDefaults)
        {
            if (ctx.Account.Taxes.Find(taxId) is not { } tax)
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("amount", Formats.Number(tax.Amount));
            w.WriteString("created_at", Formats.UtcSpace(v.Created));
            w.WriteBoolean("enabled", enabled);
            Text(w, tax, "name");
            w.WriteNumber("system_taxid", tax.Id);
            w.WriteNull("tax_authorityid");
            w.WriteNumber("taxid", tax.Id);
            w.WriteString("updated_at", Formats.UtcSpace(v.Updated));
            w.WriteNumber("vendorid", v.Id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("updated_at", Formats.UtcSpace(v.Updated));
        Text(w, v, "vendor_name");
        w.WriteNumber("vendorid", v.Id);
        w.WriteNumber("vis_state", v.VisState);
        Text(w, v, "website");
        w.WriteEndObject();
    }

    /// <summary>outstanding_balance and overdue_balance: one <c>{"amount": money}</c> per currency of the vendor's live bills.</summary>
    private static void VendorBalances(Utf8JsonWriter w, BillVendor v, RenderContext ctx)
    {
        var outstanding = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var overdue = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var bill in ctx.Account.Bills.All)
        {
            if (bill.VendorId != v.Id || bill.VisState == 1 || bill.Outstanding <= 0)
            {
                continue;
            }

            outstanding[bill.Currency] = outstanding.GetValueOrDefault(bill.Currency) + bill.Outstanding;
            if (bill.Status(ctx.Today) == "overdue")
            {
                overdue[bill.Currency] = overdue.GetValueOrDefault(bill.Currency) + bill.Outstanding;
            }
        }

        foreach (var (name, map) in new[] { ("outstanding_balance", outstanding), ("overdue_balance", overdue) })
        {
            w.WriteStartArray(name);
            foreach (var (code, amount) in map)
            {
                w.WriteStartObject();
                HttpJson.Money(w, "amount", amount, code);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }

    public static void Bill(Utf8JsonWriter w, Bill b, RenderContext ctx)
    {
        var code = b.Currency;
        w.WriteStartObject();
        HttpJson.Money(w, "amount", b.Amount, code);
        w.WriteNull("attachment");
        Text(w, b, "bill_number", true);
        w.WriteStartArray("bill_payments");
        foreach (var p in ctx.Account.BillPayments.All)
        {
            if (p.BillId == b.Id && p.VisState != 1)
            {
                BillPayment(w, p, ctx);
            }
        }

        w.WriteEndArray();
        w.WriteString("created_at", Formats.UtcSpace(b.Created));
        w.WriteString("currency_code", code);
        w.WriteString("due_date", Formats.Date(b.DueDate));
        w.WriteNumber("due_offset_days", b.DueOffsetDays);
        w.WriteNumber("id", b.Id);
        w.WriteString("issue_date", Formats.Date(b.IssueDate));
        Text(w, b, "language");
        w.WriteStartArray("lines");
        for (var i = 0; i < b.Lines.Count; i++)
        {
            BillLine(w, b.Lines[i], i + 1, code, ctx);
        }

        w.WriteEndArray();
        HttpJson.Money(w, "outstanding", b.Outstanding, code);
        var first = b.Lines.Count > 0 ? b.Lines[0] : null;
        w.WriteString("overall_category", first is not null && ctx.Account.Categories.Find(first.CategoryId) is { } cat ? cat.Str("category") : "");
        w.WriteString("overall_description", first?.Description ?? "");
        HttpJson.Money(w, "paid", b.Paid, code);
        w.WriteString("status", b.Status(ctx.Today));
        HttpJson.Money(w, "tax_amount", b.TaxAmount, code);
        HttpJson.Money(w, "total_amount", b.TotalAmount, code);
        w.WriteString("updated_at", Formats.UtcSpace(b.Updated));
        if (ctx.Account.BillVendors.Find(b.VendorId) is { } vendor)
        {
            w.WritePropertyName("vendor");
            BillVendor(w, vendor, ctx);
        }

        w.WriteNumber("vendorid", b.VendorId);
        w.WriteNumber("vis_state", b.VisState);
        w.WriteEndObject();
    }

    private static void BillLine(Utf8JsonWriter w, BillLine l, int index, string code, RenderContext ctx)
    {
        w.WriteStartObject();
        HttpJson.Money(w, "amount", l.Amount, code);
        if (ctx.Account.Categories.Find(l.CategoryId) is { } category)
        {
            w.WritePropertyName("category");
            Category(w, category, ctx);
        }

        w.WriteNumber("categoryid", l.CategoryId);
        w.WriteBoolean("compounded_tax", l.CompoundedTax);
        w.WriteString("description", l.Description);
        w.WriteNumber("id", index);
        w.WriteNumber("list_index", index);
        w.WriteString("quantity", Formats.Number(l.Quantity));
        MoneyOrNull(w, "tax_amount1", l.TaxAmount1, code);
        MoneyOrNull(w, "tax_amount2", l.TaxAmount2, code);
        w.WriteNull("tax_authorityid1");
        w.WriteNull("tax_authorityid2");
        HttpJson.NullableString(w, "tax_name1", l.TaxName1);
        HttpJson.NullableString(w, "tax_name2", l.TaxName2);
        NullablePercent(w, "tax_percent1", l.TaxPercent1);
        NullablePercent(w, "tax_percent2", l.TaxPercent2);
        HttpJson.Money(w, "total_amount", l.TotalAmount, code);
        HttpJson.Price(w, "unit_cost", l.UnitCost, code);
        w.WriteEndObject();
    }

    private static void MoneyOrNull(Utf8JsonWriter w, string name, decimal? amount, string code)
    {
        if (amount is { } a)
        {
            HttpJson.Money(w, name, a, code);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void BillPayment(Utf8JsonWriter w, BillPayment p, RenderContext ctx)
    {
        w.WriteStartObject();
        HttpJson.Money(w, "amount", p.Amount, p.Code);
        w.WriteNumber("billid", p.BillId);
        w.WriteNumber("id", p.Id);
        w.WriteBoolean("matched_with_expense", false);
        Text(w, p, "note");
        w.WriteString("paid_date", Formats.Date(p.PaidDate));
        Text(w, p, "payment_type");
        w.WriteNumber("vis_state", p.VisState);
        w.WriteEndObject();
    }
}
