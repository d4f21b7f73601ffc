using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// Line items as invoices and bank transactions share them: binding (quantity, unit or line amount, discounts, account
/// and tax type checks, Xero's per-line tax) and writing.
/// </summary>
internal static class LineItems
{
    /// <summary>Sales documents (ACCREC invoices, ACCRECCREDIT credit notes, RECEIVE bank transactions) take revenue tax types; the others expense ones.</summary>
    public static bool Sales(string documentType) => documentType is "ACCREC" or "ACCRECCREDIT" or "RECEIVE";

    public static void Write(Utf8JsonWriter w, LineItem l, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("LineItemID", l.LineItemID);
        Writers.Opt(w, "Description", l.Description);
        w.WriteNumber("Quantity", XeroNumbers.Quantity(l.Quantity));
        w.WriteNumber("UnitAmount", XeroNumbers.Unit(l.UnitAmount, ctx.Unitdp));
        Writers.Opt(w, "ItemCode", l.ItemCode);
        Writers.Opt(w, "AccountCode", l.AccountCode);
        if (ctx.Book.AccountByCode(l.AccountCode) is { } account)
        {
            w.WriteString("AccountID", account.Id);
        }

        Writers.Opt(w, "TaxType", l.TaxType);
        w.WriteNumber("TaxAmount", XeroNumbers.Money(l.TaxAmount));
        w.WriteNumber("LineAmount", XeroNumbers.Money(l.LineAmount));
        Writers.Opt(w, "DiscountRate", l.DiscountRate);
        Writers.Opt(w, "DiscountAmount", l.DiscountAmount is { } d ? XeroNumbers.Money(d) : null);
        Writers.EmptyArray(w, "Tracking");
        w.WriteEndObject();
    }

    public static LineItem? Bind(SaveContext ctx, string documentType, string lineAmountTypes, bool discountsAllowed, ElementReader l, List<LineItem> previous, List<string> errors)
    {
        var book = ctx.Book;
        var description = l.Str("Description", 4000);
        var itemCode = l.Str("ItemCode", 30);
        var quantity = l.Dec("Quantity") ?? 1m;
        var unit = l.Dec("UnitAmount");
        var lineAmount = l.Dec("LineAmount");
        var discountRate = l.Dec("DiscountRate");
        var discountAmount = l.Dec("DiscountAmount");
        var accountCode = l.Str("AccountCode", 10);
        var taxType = l.Str("TaxType", 50);
        var taxAmount = l.Dec("TaxAmount");
        var lineId = l.Id("LineItemID") is { } given && previous.Exists(p => p.LineItemID == given) ? given : Guid.NewGuid();

        var count = errors.Count;
        if (itemCode is not null)
        {
            // A line naming an item takes the item's sales or purchase defaults for whatever it leaves out.
            if (ItemResource.Find(book, itemCode) is not { } item)
            {
                errors.Add($"Item code '{itemCode}' is not valid.");
            }
            else
            {
                var details = Sales(documentType) ? item.SalesDetails : item.PurchaseDetails;
                itemCode = item.Code;
                description ??= Sales(documentType) ? item.Description : item.PurchaseDescription ?? item.Description;
                if (unit is null && lineAmount is null)
                {
                    unit = details?.UnitPrice;
                }

                accountCode ??= details?.AccountCode;
                taxType ??= details?.TaxType;
            }
        }

        if (string.IsNullOrWhiteSpace(description) && itemCode is null)
        {
            errors.Add("Description needs to be at least 1 char long");
        }

        if (discountRate is not null && discountAmount is not null)
        {
            errors.Add("Only one of DiscountRate or DiscountAmount can be specified on a line item.");
        }

        if ((discountRate is not null || discountAmount is not null) && !discountsAllowed)
        {
            errors.Add("Discounts can only be applied to sales invoices (ACCREC).");
        }

        if (discountRate is < 0m or > 100m)
        {
            errors.Add("DiscountRate must be between 0 and 100.");
        }

        if (unit is null && lineAmount is { } given2)
        {
            // Xero derives the unit amount from a supplied line amount.
            unit = quantity == 0m ? 0m : given2 / quantity;
        }

        Account? account = null;
        if (accountCode is not null)
        {
            account = book.AccountByCode(accountCode);
            if (account is null || account.Status != "ACTIVE" || account.Type == "BANK")
            {
                errors.Add($"Account code '{accountCode}' is not a valid code for this document.");
            }
        }

        var resolvedTax = taxType ?? account?.TaxType ?? (Sales(documentType) ? book.DefaultSalesTax : book.DefaultPurchasesTax);
        var rate = book.TaxRate(resolvedTax);
        if (rate is null || rate.Status != "ACTIVE" || (Sales(documentType) ? !rate.CanApplyToRevenue : !rate.CanApplyToExpenses))
        {
            errors.Add($"The TaxType code '{resolvedTax}' does not exist or cannot be used with this type of transaction.");
        }

        if (errors.Count > count)
        {
            return null;
        }

        var unitAmount = XeroNumbers.Unit(unit ?? 0m, ctx.Unitdp);
        var amount = InvoiceMath.LineAmount(quantity, unitAmount, discountRate, discountAmount);
        var overridden = taxAmount is not null && lineAmountTypes != "NoTax";
        return new LineItem
        {
            LineItemID = lineId,
            Description = description,
            Quantity = XeroNumbers.Quantity(quantity),
            UnitAmount = unitAmount,
            ItemCode = itemCode,
            AccountCode = account?.Code,
            TaxType = rate!.TaxType,
            LineAmount = amount,
            DiscountRate = discountRate,
            DiscountAmount = discountAmount,
            TaxAmount = overridden ? XeroNumbers.Money(taxAmount!.Value) : InvoiceMath.LineTax(amount, rate.Rate, lineAmountTypes),
            TaxOverridden = overridden,
        };
    }
}
