using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// <c>/Items</c>: codes unique per organisation, sales and purchase details checked against the chart and tax rates,
/// a real <c>DELETE /Items/{ItemID}</c> (204), unpaged. Untracked items only.
/// </summary>
internal static class ItemResource
{
    public static XeroResource<Item> Create(SandboxServices s) => new()
    {
        Services = s,
        Name = "Items",
        IdName = "ItemID",
        ReadScopes = ["accounting.settings.read", "accounting.invoices.read"],
        WriteScopes = ["accounting.settings", "accounting.invoices"],
        Store = b => b.Items,
        Write = Write,
        MatchesKey = (i, key) => string.Equals(i.Code, key, StringComparison.OrdinalIgnoreCase),
        MatchOnPost = (book, e) => e.Str("Code") is { Length: > 0 } code ? Find(book, code) : null,
        Save = Save,
        // Xero deletes items outright; nothing in this slice refuses it.
        Delete = static (_, _) => null,
    };

    public static Item? Find(TenantBook book, string? code) =>
        code is null ? null : book.Items.All.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));

    public static void Write(Utf8JsonWriter w, Item i, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("ItemID", i.Id);
        w.WriteString("Code", i.Code);
        Writers.Opt(w, "Name", i.Name);
        Writers.Opt(w, "Description", i.Description);
        Writers.Opt(w, "PurchaseDescription", i.PurchaseDescription);
        w.WriteBoolean("IsSold", i.IsSold);
        w.WriteBoolean("IsPurchased", i.IsPurchased);
        Details(w, "SalesDetails", i.SalesDetails, ctx);
        Details(w, "PurchaseDetails", i.PurchaseDetails, ctx);
        w.WriteBoolean("IsTrackedAsInventory", false);
        Writers.Updated(w, i.Updated);
        w.WriteEndObject();
    }

    private static void Details(Utf8JsonWriter w, string name, ItemDetails? d, RenderContext ctx)
    {
        w.WriteStartObject(name);
        if (d is not null)
        {
            Writers.Opt(w, "UnitPrice", d.UnitPrice is { } price ? XeroNumbers.Unit(price, ctx.Unitdp) : null);
            Writers.Opt(w, "AccountCode", d.AccountCode);
            Writers.Opt(w, "TaxType", d.TaxType);
        }

        w.WriteEndObject();
    }

    private static SaveOutcome<Item> Save(SaveContext ctx, ElementReader e, Item? existing)
    {
        var book = ctx.Book;
        var errors = new List<string>();
        var item = (Item?)existing?.Copy() ?? new Item { Id = Guid.NewGuid() };
        if (e.Has("Code"))
        {
            item.Code = e.Str("Code", 30)?.Trim() ?? "";
        }

        if (item.Code.Length == 0)
        {
            errors.Add("Item Code must be specified.");
        }
        else if (book.Items.All.Any(o => o.Id != item.Id && string.Equals(o.Code, item.Code, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"Item code '{item.Code}' already exists.");
        }

        if (e.Has("Name"))
        {
            item.Name = e.Str("Name", 50);
        }

        if (e.Has("Description"))
        {
            item.Description = e.Str("Description", 4000);
        }

        if (e.Has("PurchaseDescription"))
        {
            item.PurchaseDescription = e.Str("PurchaseDescription", 4000);
        }

        item.IsSold = e.Bool("IsSold") ?? item.IsSold;
        item.IsPurchased = e.Bool("IsPurchased") ?? item.IsPurchased;
        if (e.Bool("IsTrackedAsInventory") == true)
        {
            errors.Add("The sandbox does not serve tracked inventory items yet.");
        }

        item.SalesDetails = e.Obj("SalesDetails") is { } sales ? Bind(ctx, sales, revenue: true, errors) : item.SalesDetails;
        item.PurchaseDetails = e.Obj("PurchaseDetails") is { } purchase ? Bind(ctx, purchase, revenue: false, errors) : item.PurchaseDetails;

        // Xero: an item no longer sold (purchased) loses its sales (purchase) description and details.
        if (!item.IsSold)
        {
            (item.Description, item.SalesDetails) = (null, null);
        }

        if (!item.IsPurchased)
        {
            (item.PurchaseDescription, item.PurchaseDetails) = (null, null);
        }
        return errors.Count > 0 ? SaveOutcome<Item>.Refused(errors) : new SaveOutcome<Item>(item, []);
    }

    private static ItemDetails Bind(SaveContext ctx, ElementReader d, bool revenue, List<string> errors)
    {
        var price = d.Dec("UnitPrice");
        var accountCode = d.Str("AccountCode", 10);
        var taxType = d.Str("TaxType", 50);
        var account = accountCode is null ? null : ctx.Book.AccountByCode(accountCode);
        if (accountCode is not null && (account is null || account.Status != "ACTIVE" || account.Type == "BANK"))
        {
            errors.Add($"Account code '{accountCode}' is not a valid code for this document.");
        }

        var rate = ctx.Book.TaxRate(taxType);
        if (taxType is not null && (rate is null || (revenue ? !rate.CanApplyToRevenue : !rate.CanApplyToExpenses)))
        {
            errors.Add($"The TaxType code '{taxType}' does not exist or cannot be used with this type of transaction.");
        }

        return new ItemDetails(price is { } p ? XeroNumbers.Unit(p, ctx.Unitdp) : null, account?.Code ?? accountCode, rate?.TaxType ?? taxType);
    }
}
