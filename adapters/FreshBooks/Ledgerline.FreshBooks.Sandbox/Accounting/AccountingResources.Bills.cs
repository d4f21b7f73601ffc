using System.Globalization;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal static partial class AccountingResources
{
    private static Resource<BillVendor> BillVendors()
    {
        var binder = new FieldBinder<BillVendor>()
            .Text(BillVendor.TextFields)
            .Bool("is_1099", (v, b) => v.Is1099 = b)
            .Custom("tax_defaults", (vendor, value, errors, f) =>
            {
                if (value is not JsonArray array)
                {
                    errors.Add(1004, f, "Invalid value for field tax_defaults: expected a list.", JsonValues.Raw(value));
                    return;
                }

                var defaults = new List<(int, bool)>();
                for (var i = 0; i < array.Count; i++)
                {
                    var where = string.Create(CultureInfo.InvariantCulture, $"tax_defaults[{i}]");
                    // FreshBooks' collection names it taxid, the Node SDK tax_id; the other keys a GET returns are ignored.
                    var id = array[i] is JsonObject o ? o["taxid"] ?? o["tax_id"] : null;
                    if (!JsonValues.TryInt(id, out var taxId))
                    {
                        errors.Add(1015, where + ".taxid", "Invalid value for field taxid: expected an integer.", JsonValues.Raw(array[i]));
                        continue;
                    }

                    var enabled = true;
                    if (array[i]!["enabled"] is { } e && !JsonValues.TryBool(e, out enabled))
                    {
                        errors.Add(1031, where + ".enabled", "Invalid value for field enabled: expected a boolean.", JsonValues.Raw(e));
                    }

                    defaults.Add((taxId, enabled));
                }

                vendor.TaxDefaults = defaults;
            });
        return new Resource<BillVendor>
        {
            Family = AccountingFamily.Instance,
            Path = "bill_vendors/bill_vendors",
            SingleKey = "bill_vendor",
            ListKey = "bill_vendors",
            ObjectName = "bill_vendor",
            IdField = "vendorid",
            Scope = "bill_vendors",
            Set = s => s.BillVendors,
            Write = Writers.BillVendor,
            Binder = WithSample(binder, new BillVendor(), Writers.BillVendor, "vendorid", "primary_contact"),
            New = now =>
            {
                var v = new BillVendor { Created = now, Updated = now };
                v.Text["currency_code"] = "USD";
                v.Text["language"] = "en";
                return v;
            },
            Validate = (v, previous, account, body, errors) =>
            {
                // *Decision*: vendor_name is the one required field (FreshBooks' required marks were not recoverable).
                if (string.IsNullOrWhiteSpace(v.Str("vendor_name")))
                {
                    errors.Required("vendor_name");
                }

                var email = v.Str("primary_contact_email");
                if (email.Length > 0 && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
                {
                    errors.Add(1004, "primary_contact_email", "Invalid email address.", email);
                }

                CheckCurrency(v, errors);
                foreach (var (taxId, _) in v.TaxDefaults)
                {
                    if (account.Taxes.Find(taxId) is null)
                    {
                        errors.Add(1012, "tax_defaults", "Tax not found.", taxId.ToString(CultureInfo.InvariantCulture));
                    }
                }
            },
            List = new SearchQuery<BillVendor>
            {
                Field = (name, _) => name switch
                {
                    "id" or "vendorid" => v => v.Id,
                    "updated" or "updated_at" => v => v.Updated,
                    "is_1099" => v => v.Is1099,
                    _ when BillVendor.TextFields.Contains(name) => v => v.Str(name),
                    _ => null,
                },
            },
        };
    }

    private static readonly HashSet<string> BillLineReadOnly =
        ["id", "list_index", "amount", "total_amount", "category", "tax_amount1", "tax_amount2", "tax_authorityid1", "tax_authorityid2", "billid"];

    private static void BindBillLines(Bill bill, JsonNode? value, BindErrors errors, string field)
    {
        if (value is not JsonArray array)
        {
            errors.Add(1004, field, "Invalid value for field lines: expected a list of lines.", JsonValues.Raw(value));
            return;
        }

        var lines = new List<BillLine>(array.Count);
        for (var index = 0; index < array.Count; index++)
        {
            if (array[index] is not JsonObject o)
            {
                errors.Add(1004, field, "Invalid line: expected an object.", JsonValues.Raw(array[index]));
                continue;
            }

            var line = new BillLine();
            if (!o.ContainsKey("categoryid"))
            {
                errors.Required(string.Create(CultureInfo.InvariantCulture, $"lines[{index}].categoryid"));
            }

            foreach (var (key, v) in o)
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"lines[{index}].{key}");
                switch (key)
                {
                    case "categoryid":
                        if (JsonValues.TryInt(v, out var category)) { line.CategoryId = category; }
                        else { errors.Add(1015, where, "Invalid value for field categoryid: expected an integer.", JsonValues.Raw(v)); }
                        break;
                    case "quantity":
                        if (JsonValues.TryDecimal(v, out var qty)) { line.Quantity = qty; }
                        else { errors.Add(1015, where, "Invalid value for field quantity: expected a number.", JsonValues.Raw(v)); }
                        break;
                    case "unit_cost":
                        if (v is JsonObject m && JsonValues.TryDecimal(m["amount"], out var cost)) { line.UnitCost = cost; }
                        else { errors.Add(1015, where, "Invalid value for field unit_cost: expected an object with a numeric amount.", JsonValues.Raw(v)); }
                        break;
                    case "description" or "tax_name1" or "tax_name2":
                        if (!JsonValues.TryString(v, out var s))
                        {
                            errors.Add(1004, where, $"Invalid value for field {key}: expected a string.", JsonValues.Raw(v));
                        }
                        else if (key == "description") { line.Description = s ?? ""; }
                        else if (key == "tax_name1") { line.TaxName1 = s; }
                        else { line.TaxName2 = s; }

                        break;
                    case "tax_percent1" or "tax_percent2":
                        decimal? pct = null;
                        if (v is not null && !(v is JsonValue sv && sv.GetValueKind() == System.Text.Json.JsonValueKind.String && sv.GetValue<string>().Length == 0))
                        {
                            if (!JsonValues.TryDecimal(v, out var p) || p < 0 || p > 100)
                            {
                                errors.Add(1018, where, $"Invalid percent value for field {key}.", JsonValues.Raw(v));
                                break;
                            }

                            pct = p;
                        }

                        if (key == "tax_percent1") { line.TaxPercent1 = pct; } else { line.TaxPercent2 = pct; }
                        break;
                    case "compounded_tax":
                        if (JsonValues.TryBool(v, out var b)) { line.CompoundedTax = b; }
                        else { errors.Add(1031, where, "Invalid value for field compounded_tax: expected a boolean.", JsonValues.Raw(v)); }
                        break;
                    default:
                        if (!BillLineReadOnly.Contains(key))
                        {
                            errors.Add(1006, where, $"Unknown field {key}.", JsonValues.Raw(v));
                        }

                        break;
                }
            }

            lines.Add(line);
        }

        bill.Lines = lines;
    }

    private static Resource<Bill> Bills()
    {
        var binder = new FieldBinder<Bill>()
            .Text(Bill.TextFields)
            .Int("vendorid", (b, v) => b.VendorId = v)
            .Date("issue_date", (b, v) => b.IssueDate = v!.Value)
            .Custom("due_offset_days", (b, v, e, f) =>
            {
                if (JsonValues.TryInt(v, out var days) && days is >= 0 and <= 36500)
                {
                    b.DueOffsetDays = days;
                }
                else
                {
                    e.Add(1004, f, "Invalid value for field due_offset_days.", JsonValues.Raw(v));
                }
            })
            .Custom("lines", BindBillLines);
        return new Resource<Bill>
        {
            Family = AccountingFamily.Instance,
            Path = "bills/bills",
            SingleKey = "bill",
            ListKey = "bills",
            ObjectName = "bill",
            IdField = "billid",
            Scope = "bills",
            Set = s => s.Bills,
            Write = Writers.Bill,
            Binder = WithSample(binder, new Bill(), Writers.Bill, "previous_vendor_id", "vendor", "bill_payments", "attachment"),
            New = now =>
            {
                var b = new Bill { Created = now, Updated = now, IssueDate = Formats.EasternToday(now) };
                b.Text["language"] = "en";
                b.Text["bill_number"] = null;
                return b;
            },
            Validate = (b, previous, account, body, errors) =>
            {
                if (previous is null)
                {
                    // *Decision*: FreshBooks' required marks were not recoverable; a bill needs a vendor, a date and a line.
                    foreach (var required in new[] { "vendorid", "issue_date", "lines" })
                    {
                        if (!body.ContainsKey(required))
                        {
                            errors.Required(required);
                        }
                    }

                    if (body.ContainsKey("lines") && b.Lines.Count == 0)
                    {
                        errors.Add(1001, "lines", "A bill needs at least one line.");
                    }
                }

                BillVendor? vendor = null;
                if (body.ContainsKey("vendorid"))
                {
                    var id = b.VendorId.ToString(CultureInfo.InvariantCulture);
                    vendor = account.BillVendors.Find(b.VendorId);
                    if (vendor is null)
                    {
                        errors.Add(1012, "vendorid", "Vendor not found.", id);
                    }
                    else if (vendor.VisState == 1)
                    {
                        errors.Add(1011, "vendorid", "This vendor has been deleted.", id);
                    }
                }

                for (var i = 0; i < b.Lines.Count; i++)
                {
                    if (account.Categories.Find(b.Lines[i].CategoryId) is null)
                    {
                        errors.Add(1012, string.Create(CultureInfo.InvariantCulture, $"lines[{i}].categoryid"), "Category not found.",
                            b.Lines[i].CategoryId.ToString(CultureInfo.InvariantCulture));
                    }
                }

                if (previous is null && vendor is not null && b.StrOrNull("currency_code") is null)
                {
                    b.Text["currency_code"] = vendor.Str("currency_code") is { Length: > 0 } c ? c : "USD";
                }

                CheckDueDate(b.IssueDate, b.DueOffsetDays, errors);
                CheckCurrency(b, errors);
                if (!errors.Any)
                {
                    b.Recalculate();
                }
            },
            AfterCommit = (b, account, now) => account.RecomputeBill(b),
            List = new SearchQuery<Bill>
            {
                Field = (name, ctx) => name switch
                {
                    "id" or "billid" => b => b.Id,
                    "vendorid" => b => b.VendorId,
                    "issue_date" => b => b.IssueDate,
                    "due_date" => b => b.DueDate,
                    "updated" or "updated_at" => b => b.Updated,
                    "status" => b => b.Status(ctx.Today),
                    "amount" => b => b.Amount,
                    "total_amount" => b => b.TotalAmount,
                    "outstanding" => b => b.Outstanding,
                    "currency_code" => b => b.Currency,
                    "bill_number" or "language" => b => b.Str(name),
                    _ => null,
                },
            },
        };
    }

    private static Resource<BillPayment> BillPayments()
    {
        var binder = new FieldBinder<BillPayment>()
            .Int("billid", (p, v) =>
            {
                // The bill of an existing payment cannot change; ignored on update, as for invoice payments.
                if (p.Id == 0)
                {
                    p.BillId = v;
                }
            })
            .Money("amount", (p, amount, code) =>
            {
                p.Amount = amount;
                if (code is not null)
                {
                    p.Code = code;
                }
            })
            .Date("paid_date", (p, v) => p.PaidDate = v!.Value)
            .Text("payment_type", "note");
        return new Resource<BillPayment>
        {
            Family = AccountingFamily.Instance,
            Path = "bill_payments/bill_payments",
            SingleKey = "bill_payment",
            ListKey = "bill_payments",
            // FreshBooks lists no bill_payment.* webhook event; nothing can subscribe to these changes.
            ObjectName = "bill_payment",
            IdField = "id",
            Scope = "bill_payments",
            Set = s => s.BillPayments,
            Write = Writers.BillPayment,
            Binder = WithSample(binder, new BillPayment(), Writers.BillPayment),
            New = now =>
            {
                var p = new BillPayment { Created = now, Updated = now, PaidDate = Formats.EasternToday(now) };
                p.Text["payment_type"] = "Check";
                p.Text["note"] = "";
                return p;
            },
            Validate = (p, previous, account, body, errors) =>
            {
                var bill = account.Bills.Find(p.BillId);
                if (previous is null)
                {
                    var id = p.BillId.ToString(CultureInfo.InvariantCulture);
                    if (!body.ContainsKey("billid"))
                    {
                        errors.Required("billid");
                    }
                    else if (bill is null)
                    {
                        errors.Add(1012, "billid", "Bill not found.", id);
                    }
                    else if (bill.VisState == 1)
                    {
                        errors.Add(1011, "billid", "This bill has been deleted.", id);
                    }
                    else if (body["amount"] is not JsonObject { } m || !m.ContainsKey("code"))
                    {
                        p.Code = bill.Currency;
                    }

                    if (!body.ContainsKey("amount"))
                    {
                        errors.Required("amount");
                    }
                }

                if (body.ContainsKey("amount") && p.Amount <= 0)
                {
                    errors.Add(1004, "amount", "Payment amount must be greater than zero.", Formats.Money(p.Amount));
                }

                if (!BillPayment.Types.Contains(p.Str("payment_type"), StringComparer.Ordinal))
                {
                    errors.Add(1004, "payment_type", "Invalid payment type.", p.Str("payment_type"));
                }

                if (errors.Any || bill is null)
                {
                    return;
                }

                if (!string.Equals(p.Code, bill.Currency, StringComparison.Ordinal))
                {
                    errors.Add(1004, "amount", "The payment's currency differs from the bill's.", p.Code);
                    return;
                }

                CheckBillPaymentLimit(p, bill, account, errors);
            },
            ValidateRestore = (p, account, errors) =>
            {
                if (account.Bills.Find(p.BillId) is { } bill)
                {
                    CheckBillPaymentLimit(p, bill, account, errors);
                }
            },
            AfterCommit = (p, account, now) =>
            {
                if (account.Bills.Find(p.BillId) is not { } bill)
                {
                    return;
                }

                var next = (Bill)bill.Copy();
                account.RecomputeBill(next);
                next.Updated = now;
                account.Bills.Replace(next);
                account.Notify("bill", "update", next.Id);
            },
            List = new SearchQuery<BillPayment>
            {
                Field = (name, _) => name switch
                {
                    "id" => p => p.Id,
                    "billid" => p => p.BillId,
                    "paid_date" => p => p.PaidDate,
                    "updated" => p => p.Updated,
                    "amount" => p => p.Amount,
                    "payment_type" or "note" => p => p.Str(name),
                    _ => null,
                },
            },
        };
    }

    /// <summary>*Decision*: a bill cannot be over-paid: the amount may not exceed what is outstanding without this payment.</summary>
    private static void CheckBillPaymentLimit(BillPayment p, Bill bill, AccountState account, BindErrors errors)
    {
        decimal others = 0;
        foreach (var other in account.BillPayments.All)
        {
            if (other.BillId == bill.Id && other.Id != p.Id && other.VisState != 1)
            {
                others += other.Amount;
            }
        }

        var outstanding = Math.Max(0, bill.TotalAmount - others);
        if (p.Amount > outstanding)
        {
            var decimals = MinorUnits.Of(bill.Currency);
            errors.Add(1004, "amount", $"Amount exceeds the bill's outstanding amount ({Formats.Money(outstanding, decimals)}).",
                Formats.Money(p.Amount, decimals));
        }
    }
}
