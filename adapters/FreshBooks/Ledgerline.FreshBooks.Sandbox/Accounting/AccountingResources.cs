using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>The accounting collections the sandbox serves, each declared once; paths are under /accounting/account/{id}/.</summary>
internal static partial class AccountingResources
{
    public static IReadOnlyList<IResource> Create() =>
        [Clients(), Invoices(), Payments(), Expenses(), Categories(), Items(), Taxes(), Estimates(), CreditNotes(), BillVendors(), Bills(), BillPayments()];

    private static readonly string[] CommonReadOnly =
        ["id", "accounting_systemid", "accountid", "updated", "created_at", "updated_at", "vis_state", "uuid", "version"];

    private static FieldBinder<T> WithSample<T>(FieldBinder<T> binder, T sample, Action<Utf8JsonWriter, T, RenderContext> write, params string[] extra)
        where T : Entity
    {
        sample.Created = sample.Updated = SandboxData.SeedEpoch;
        var business = new SandboxBusiness("SAMPLE", 0, "", "", "owner", 0);
        var account = new AccountState(business, _ => { });
        var includes = new HashSet<string>(["lines", "presentation", "category"], StringComparer.Ordinal);
        return binder.ReadOnly(CommonReadOnly).ReadOnly(extra)
            .ReadOnlyFromSample(HttpJson.Build(w => write(w, sample, new RenderContext(account, includes, DateTimeOffset.UnixEpoch))));
    }

    private static void CheckEmail(Entity e, BindErrors errors)
    {
        var email = e.Str("email");
        if (email.Length > 0 && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add(1004, "email", "Invalid email address.", email);
        }
    }

    /// <summary>A due date past 9999-12-31 cannot be represented; refuse it rather than fail later.</summary>
    private static void CheckDueDate(DateOnly start, int offsetDays, BindErrors errors)
    {
        if (start.DayNumber + (long)offsetDays > DateOnly.MaxValue.DayNumber)
        {
            errors.Add(1004, "due_offset_days", "Invalid value for field due_offset_days: the due date is out of range.",
                offsetDays.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void CheckCurrency(Entity e, BindErrors errors)
    {
        var code = e.Str("currency_code");
        if (e.StrOrNull("currency_code") is not null && (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(1004, "currency_code", "Invalid currency code.", code);
        }
    }

    private static Func<Client, object?> HasBalance(RenderContext ctx, Func<Writers.Balances, Dictionary<(int Client, string Code), decimal>> kind)
    {
        var clients = Writers.ClientsWith(kind(Writers.BalancesFor(ctx)));
        return c => clients.Contains(c.Id);
    }

    private static readonly string[] NameFields = ["fname", "lname", "organization", "email"];

    private static Resource<Client> Clients()
    {
        var binder = new FieldBinder<Client>()
            .Text(Client.TextFields)
            .Bool("allow_late_fees", (c, v) => c.AllowLateFees = v)
            .Bool("allow_late_notifications", (c, v) => c.AllowLateNotifications = v)
            .Bool("allow_email_include_pdf", (c, v) => c.AllowEmailIncludePdf = v);
        return new Resource<Client>
        {
            Family = AccountingFamily.Instance,
            Path = "users/clients",
            SingleKey = "client",
            ListKey = "clients",
            ObjectName = "client",
            IdField = "userid",
            Scope = "clients",
            Set = s => s.Clients,
            Write = Writers.Client,
            Binder = WithSample(binder, new Client(), Writers.Client,
                "contacts", "late_reminders", "late_fee", "outstanding_balance", "credit_balance", "draft_balance",
                "overdue_balance", "grand_total_balance", "userid", "signup_date"),
            New = now =>
            {
                var c = new Client { Created = now, Updated = now, Uuid = Guid.NewGuid().ToString() };
                c.Text["currency_code"] = "USD";
                c.Text["language"] = "en";
                return c;
            },
            Validate = (c, previous, account, body, errors) =>
            {
                var named = NameFields.Any(f => !string.IsNullOrWhiteSpace(c.Str(f)));
                if (!named)
                {
                    errors.Add(1001, "organization", "A client needs a first name, last name, organization or email.");
                }

                CheckEmail(c, errors);
                CheckCurrency(c, errors);
                if (previous is null && string.IsNullOrEmpty(c.Str("organization")) && string.IsNullOrEmpty(c.Str("fname")) &&
                    string.IsNullOrEmpty(c.Str("lname")))
                {
                    // FreshBooks fills organization from the email when that is all it was given.
                    c.Text["organization"] = c.Str("email");
                }
            },
            List = new SearchQuery<Client>
            {
                Field = (name, ctx) => name switch
                {
                    "id" or "userid" => c => c.Id,
                    "updated" => c => c.Updated,
                    "signup_date" => c => c.Created,
                    "address" => c => string.Join(' ', c.Str("p_street"), c.Str("p_street2"), c.Str("p_city"), c.Str("p_province"), c.Str("p_code"), c.Str("p_country")),
                    "phone" => c => string.Join(' ', c.Str("bus_phone"), c.Str("home_phone"), c.Str("mob_phone")),
                    "has_outstanding" => HasBalance(ctx, b => b.Outstanding),
                    "has_draft" => HasBalance(ctx, b => b.Draft),
                    "has_overdue" => HasBalance(ctx, b => b.Overdue),
                    "has_credit" => HasBalance(ctx, b => b.Credit),
                    _ when Client.TextFields.Contains(name) => c => c.Str(name),
                    _ => null,
                },
            },
        };
    }

    private static readonly HashSet<string> LineReadOnly =
    [
        "lineid", "invoiceid", "amount", "updated", "basecampid", "date", "modern_project_id", "modern_time_entries",
        "retainer_id", "retainer_period_id", "taskno", "taxNumber1", "taxNumber2",
    ];

    private static void BindLines(Invoice invoice, JsonNode? value, BindErrors errors, string field)
    {
        if (ParseLines(value, errors, field) is { } lines)
        {
            invoice.Lines = lines;
        }
    }

    /// <summary>Invoice-shaped lines (invoices, estimates, credit notes); <paramref name="alsoReadOnly"/> names the owner's own id fields.</summary>
    private static List<InvoiceLine>? ParseLines(JsonNode? value, BindErrors errors, string field, params string[] alsoReadOnly)
    {
        if (value is not JsonArray array)
        {
            errors.Add(1004, field, "Invalid value for field lines: expected a list of lines.", JsonValues.Raw(value));
            return null;
        }

        var lines = new List<InvoiceLine>(array.Count);
        for (var index = 0; index < array.Count; index++)
        {
            if (array[index] is not JsonObject o)
            {
                errors.Add(1004, field, "Invalid line: expected an object.", JsonValues.Raw(array[index]));
                continue;
            }

            var line = new InvoiceLine { LineId = index + 1 };
            foreach (var (key, v) in o)
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"lines[{index}].{key}");
                switch (key)
                {
                    case "name" or "description":
                        if (JsonValues.TryString(v, out var s))
                        {
                            if (key == "name") { line.Name = s ?? ""; } else { line.Description = s ?? ""; }
                        }
                        else
                        {
                            errors.Add(1004, where, $"Invalid value for field {key}: expected a string.", JsonValues.Raw(v));
                        }

                        break;
                    case "qty":
                        if (JsonValues.TryDecimal(v, out var qty)) { line.Qty = qty; }
                        else { errors.Add(1015, where, "Invalid value for field qty: expected a number.", JsonValues.Raw(v)); }
                        break;
                    case "unit_cost":
                        if (v is JsonObject m && JsonValues.TryDecimal(m["amount"], out var cost)) { line.UnitCost = cost; }
                        else if (v is JsonObject) { errors.Add(1015, where, "Invalid value for field unit_cost.amount: expected a number.", JsonValues.Raw(v)); }
                        else { errors.Add(1004, where, "Invalid value for field unit_cost: expected an object with amount and code.", JsonValues.Raw(v)); }
                        break;
                    case "taxName1" or "taxName2":
                        if (JsonValues.TryString(v, out var tn))
                        {
                            if (key == "taxName1") { line.TaxName1 = tn; } else { line.TaxName2 = tn; }
                        }
                        else
                        {
                            errors.Add(1004, where, $"Invalid value for field {key}: expected a string.", JsonValues.Raw(v));
                        }

                        break;
                    case "taxAmount1" or "taxAmount2":
                        decimal? pct = null;
                        if (v is not null && !(v is JsonValue sv && sv.GetValueKind() == JsonValueKind.String && sv.GetValue<string>().Length == 0))
                        {
                            if (!JsonValues.TryDecimal(v, out var p) || p < 0 || p > 100)
                            {
                                errors.Add(1018, where, $"Invalid percent value for field {key}.", JsonValues.Raw(v));
                                break;
                            }

                            pct = p == 0 ? null : p;
                        }

                        if (key == "taxAmount1") { line.TaxAmount1 = pct; } else { line.TaxAmount2 = pct; }
                        break;
                    case "compounded_tax":
                        if (JsonValues.TryBool(v, out var b)) { line.CompoundedTax = b; }
                        else { errors.Add(1031, where, "Invalid value for field compounded_tax: expected a boolean.", JsonValues.Raw(v)); }
                        break;
                    case "type" or "expenseid":
                        if (JsonValues.TryInt(v, out var n) && (key != "type" || n is 0 or 1))
                        {
                            if (key == "type") { line.Type = n; } else { line.ExpenseId = n; }
                        }
                        else
                        {
                            errors.Add(1015, where, $"Invalid value for field {key}.", JsonValues.Raw(v));
                        }

                        break;
                    default:
                        if (!LineReadOnly.Contains(key) && !alsoReadOnly.Contains(key, StringComparer.Ordinal))
                        {
                            errors.Add(1006, where, $"Unknown field {key}.", JsonValues.Raw(v));
                        }

                        break;
                }
            }

            if (line.Type == 1 && line.ExpenseId == 0)
            {
                errors.Add(1001, string.Create(CultureInfo.InvariantCulture, $"lines[{index}].expenseid"), "A rebilled expense line needs an expenseid.");
            }

            lines.Add(line);
        }

        return lines;
    }

    private static Resource<Invoice> Invoices()
    {
        var binder = new FieldBinder<Invoice>()
            .Text(Invoice.TextFields)
            .Int("customerid", (i, v) => i.CustomerId = v)
            .Date("create_date", (i, v) => i.CreateDate = v!.Value)
            .Custom("due_offset_days", (i, v, e, f) =>
            {
                if (JsonValues.TryInt(v, out var days) && days is >= 0 and <= 36500)
                {
                    i.DueOffsetDays = days;
                }
                else
                {
                    e.Add(1004, f, "Invalid value for field due_offset_days.", JsonValues.Raw(v));
                }
            })
            .Percent("discount_value", (i, v) => i.DiscountValue = v ?? 0)
            .Percent("deposit_percentage", (i, v) => i.DepositPercentage = v)
            .Date("generation_date", (i, v) => i.GenerationDate = v, nullable: true)
            .Bool("show_attachments", (i, v) => i.ShowAttachments = v)
            .Custom("lines", BindLines)
            .Custom("estimateid", (i, v, e, f) =>
            {
                // Writable on create only; FreshBooks ignores it on update.
                if (!JsonValues.TryInt(v, out var id) || id < 0)
                {
                    e.Add(BindFailure.NotInteger, f, JsonValues.Raw(v));
                }
                else if (i.Id == 0)
                {
                    i.EstimateId = id;
                }
            })
            .Custom("status", (i, v, e, f) =>
            {
                // Writable only on create; on update FreshBooks ignores it (the record is already past draft/sent).
                if (i.Id == 0)
                {
                    if (JsonValues.TryInt(v, out var s) && s is 1 or 2)
                    {
                        i.Status = s;
                        i.Sent = s == 2;
                    }
                    else
                    {
                        e.Add(1004, f, "Invalid value for field status.", JsonValues.Raw(v));
                    }
                }
            });
        return new Resource<Invoice>
        {
            Family = AccountingFamily.Instance,
            Path = "invoices/invoices",
            SingleKey = "invoice",
            ListKey = "invoices",
            ObjectName = "invoice",
            IdField = "invoiceid",
            Scope = "invoices",
            Set = s => s.Invoices,
            Write = Writers.Invoice,
            Binder = WithSample(binder, new Invoice(), Writers.Invoice,
                "presentation", "use_default_presentation", "attachments", "allowed_gatewayids", "allowed_gateways",
                "email_recipients", "email_include_pdf", "invoice_customized_email", "contacts", "late_reminders", "late_fee",
                "owner", "direct_links"),
            New = now =>
            {
                var i = new Invoice { Created = now, Updated = now, CreateDate = Formats.EasternToday(now), Uuid = Guid.NewGuid().ToString() };
                i.Text["language"] = "en";
                i.Text["template"] = "clean-grouped";
                return i;
            },
            Validate = (i, previous, account, body, errors) =>
            {
                if (previous is null && !body.ContainsKey("customerid"))
                {
                    errors.Required("customerid");
                }
                else if (previous is null || previous.CustomerId != i.CustomerId)
                {
                    var client = account.Clients.Find(i.CustomerId);
                    if (client is null)
                    {
                        errors.Add(1012, "customerid", "Client not found.", i.CustomerId.ToString(CultureInfo.InvariantCulture));
                    }
                    else if (client.VisState == 1)
                    {
                        errors.Add(1011, "customerid", "This client has been deleted.", i.CustomerId.ToString(CultureInfo.InvariantCulture));
                    }
                    else if (previous is null)
                    {
                        Seeder.CopyCustomer(i, client, onlyMissing: true);
                    }
                }

                CheckDueDate(i.CreateDate, i.DueOffsetDays, errors);
                if (previous is null && i.EstimateId != 0)
                {
                    if (account.Estimates.Find(i.EstimateId) is not { } estimate)
                    {
                        errors.Add(1012, "estimateid", "Estimate not found.", i.EstimateId.ToString(CultureInfo.InvariantCulture));
                    }
                    else if (estimate.VisState == 1)
                    {
                        errors.Add(1011, "estimateid", "This estimate has been deleted.", i.EstimateId.ToString(CultureInfo.InvariantCulture));
                    }
                }

                CheckCurrency(i, errors);
                if (errors.Any)
                {
                    return;
                }

                var now = i.Updated;
                foreach (var line in i.Lines)
                {
                    line.Updated = now;
                }

                if (previous is null && string.IsNullOrEmpty(i.StrOrNull("invoice_number")))
                {
                    i.Text["invoice_number"] = account.NextInvoiceNumber++.ToString("D7", CultureInfo.InvariantCulture);
                }

                i.Recalculate();
            },
            AfterCommit = (i, account, now) => account.RecomputeInvoice(i),
            Actions = (i, body, account, now, errors) =>
            {
                if (body.ContainsKey("action_mark_as_sent") || body.ContainsKey("action_email"))
                {
                    if (!i.Sent)
                    {
                        i.Sent = true;
                        if (i.Status == 1)
                        {
                            i.Status = 2;
                        }
                    }

                    return true;
                }

                return false;
            },
            List = new SearchQuery<Invoice>
            {
                SortAlias = s => s switch { "invoice_date" or "date" => "create_date", _ => s },
                Field = (name, ctx) => name switch
                {
                    "id" or "invoiceid" or "invoice_id" => i => i.Id,
                    "customerid" or "clientid" => i => i.CustomerId,
                    "estimateid" => i => i.EstimateId,
                    "create_date" or "date" => i => i.CreateDate,
                    "due_date" => i => i.DueDate,
                    "updated" => i => i.Updated,
                    "status" => i => i.Status,
                    "v3_status" => i => i.V3Status(ctx.Today),
                    "payment_status" => i => i.PaymentStatus,
                    "display_status" => i => i.DisplayStatus,
                    "amount" => i => i.Amount,
                    "outstanding" => i => i.Outstanding,
                    "paid" => i => i.Paid,
                    "currency_code" => i => i.Currency,
                    _ when Invoice.TextFields.Contains(name) => i => i.Str(name),
                    _ => null,
                },
            },
        };
    }

    private static Resource<Payment> Payments()
    {
        var binder = new FieldBinder<Payment>()
            .Int("invoiceid", (p, v) =>
            {
                // The invoice of an existing payment cannot change; FreshBooks ignores it on update.
                if (p.Id == 0)
                {
                    p.InvoiceId = v;
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
            .Date("date", (p, v) => p.Date = v!.Value)
            .Custom("creditid", (p, v, e, f) =>
            {
                // The credit a payment draws on is set on create only, like its invoice; null means none.
                if (v is null)
                {
                    return;
                }

                if (!JsonValues.TryInt(v, out var id) || id < 0)
                {
                    e.Add(BindFailure.NotInteger, f, JsonValues.Raw(v));
                }
                else if (p.Id == 0)
                {
                    p.CreditId = id;
                }
            })
            .Text("type", "note")
            .Custom("send_client_notification", (p, v, e, f) =>
            {
                if (v is null)
                {
                    p.SendClientNotification = null;
                }
                else if (JsonValues.TryBool(v, out var b))
                {
                    p.SendClientNotification = b;
                }
                else
                {
                    e.Add(1031, f, "Invalid value for field send_client_notification: expected a boolean.", JsonValues.Raw(v));
                }
            });
        return new Resource<Payment>
        {
            Family = AccountingFamily.Instance,
            Path = "payments/payments",
            SingleKey = "payment",
            ListKey = "payments",
            ObjectName = "payment",
            IdField = "logid",
            Scope = "payments",
            Set = s => s.Payments,
            Write = Writers.Payment,
            Binder = WithSample(binder, new Payment(), Writers.Payment, "logid", "clientid"),
            New = now =>
            {
                var p = new Payment { Created = now, Updated = now, Date = Formats.EasternToday(now) };
                p.Text["type"] = "Check";
                p.Text["note"] = "";
                return p;
            },
            Validate = (p, previous, account, body, errors) =>
            {
                if (previous is null)
                {
                    if (!body.ContainsKey("invoiceid"))
                    {
                        errors.Required("invoiceid");
                    }
                    else if (account.Invoices.Find(p.InvoiceId) is not { } invoice)
                    {
                        errors.Add(1012, "invoiceid", "Invoice not found.", p.InvoiceId.ToString(CultureInfo.InvariantCulture));
                    }
                    else if (invoice.VisState == 1)
                    {
                        errors.Add(1011, "invoiceid", "This invoice has been deleted.", p.InvoiceId.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        p.ClientId = invoice.CustomerId;
                        if (body["amount"] is not JsonObject { } m || !m.ContainsKey("code"))
                        {
                            p.Code = invoice.Currency;
                        }
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

                if (!Payment.Types.Contains(p.Str("type"), StringComparer.Ordinal))
                {
                    errors.Add(1004, "type", "Invalid payment type.", p.Str("type"));
                }

                if (p.CreditId != 0 && !errors.Any && account.Invoices.Find(p.InvoiceId) is { } paidInvoice)
                {
                    CheckCreditPayment(p, account, paidInvoice, errors);
                }
            },
            ValidateRestore = (p, account, errors) =>
            {
                // A restored credit payment spends the credit again, within the same limits as a new one.
                if (p.CreditId != 0 && account.Invoices.Find(p.InvoiceId) is { } invoice)
                {
                    CheckCreditPayment(p, account, invoice, errors);
                }
            },
            AfterCommit = (p, account, now) =>
            {
                if (account.Invoices.Find(p.InvoiceId) is not { } invoice)
                {
                    return;
                }

                var next = (Invoice)invoice.Copy();
                account.RecomputeInvoice(next);
                next.Updated = now;
                account.Invoices.Replace(next);
                // An over-payment is kept whole; FreshBooks books the excess as client credit (overpaymentid).
                p.OverpaymentId = next.Paid > next.Amount && p.VisState != 1 ? 900000 + p.Id : 0;
                account.Notify("invoice", "update", next.Id);
                if (p.CreditId != 0 && account.CreditNotes.Find(p.CreditId) is { } credit)
                {
                    var spent = (CreditNote)credit.Copy();
                    account.RecomputeCredit(spent);
                    spent.Updated = now;
                    account.CreditNotes.Replace(spent);
                    account.Notify("credit_note", "update", spent.Id);
                }
            },
            List = new SearchQuery<Payment>
            {
                Field = (name, _) => name switch
                {
                    "id" or "logid" => p => p.Id,
                    "invoiceid" => p => p.InvoiceId,
                    "clientid" => p => p.ClientId,
                    "creditid" => p => p.CreditId,
                    "from_credit" => p => p.CreditId != 0,
                    "date" => p => p.Date,
                    "updated" => p => p.Updated,
                    "amount" => p => p.Amount,
                    "type" or "note" => p => p.Str(name),
                    _ => null,
                },
            },
        };
    }

    private static Resource<Expense> Expenses()
    {
        var binder = new FieldBinder<Expense>()
            .Money("amount", (e, amount, code) =>
            {
                e.Amount = amount;
                if (code is not null)
                {
                    e.Code = code;
                }
            })
            .Int("categoryid", (e, v) => e.CategoryId = v)
            .Int("clientid", (e, v) => e.ClientId = v)
            .Int("projectid", (e, v) => e.ProjectId = v)
            .Int("staffid", (e, v) => e.StaffId = v)
            .Int("status", (e, v) => e.Status = v)
            .Date("date", (e, v) => e.Date = v!.Value)
            .Text("vendor", "notes", "taxName1", "taxName2")
            .Custom("taxAmount1", (e, v, errors, f) => TaxMoney(e, v, errors, f, (x, a) => x.TaxAmount1 = a))
            .Custom("taxAmount2", (e, v, errors, f) => TaxMoney(e, v, errors, f, (x, a) => x.TaxAmount2 = a))
            .Percent("taxPercent1", (e, v) => e.TaxPercent1 = v)
            .Percent("taxPercent2", (e, v) => e.TaxPercent2 = v)
            .Decimal("markup_percent", (e, v) => e.MarkupPercent = v)
            .Bool("billable", (e, v) => e.Billable = v);
        return new Resource<Expense>
        {
            Family = AccountingFamily.Instance,
            Path = "expenses/expenses",
            SingleKey = "expense",
            ListKey = "expenses",
            ObjectName = "expense",
            IdField = "expenseid",
            Scope = "expenses",
            Set = s => s.Expenses,
            Write = Writers.Expense,
            Binder = WithSample(binder, new Expense(), Writers.Expense, "expenseid", "category", "attachment"),
            New = now => new Expense { Created = now, Updated = now, Date = Formats.EasternToday(now) },
            Validate = (e, previous, account, body, errors) =>
            {
                if (previous is null)
                {
                    foreach (var required in new[] { "amount", "categoryid" })
                    {
                        if (!body.ContainsKey(required))
                        {
                            errors.Required(required);
                        }
                    }
                }

                if (body.ContainsKey("categoryid") && account.Categories.Find(e.CategoryId) is null)
                {
                    errors.Add(1012, "categoryid", "Category not found.", e.CategoryId.ToString(CultureInfo.InvariantCulture));
                }

                if (body.ContainsKey("clientid") && e.ClientId != 0 && account.Clients.Find(e.ClientId) is null)
                {
                    errors.Add(1012, "clientid", "Client not found.", e.ClientId.ToString(CultureInfo.InvariantCulture));
                }
            },
            List = new SearchQuery<Expense>
            {
                Field = (name, _) => name switch
                {
                    "id" or "expenseid" => e => e.Id,
                    "categoryid" => e => e.CategoryId,
                    "clientid" => e => e.ClientId,
                    "projectid" => e => e.ProjectId,
                    "date" => e => e.Date,
                    "updated" => e => e.Updated,
                    "amount" => e => e.Amount,
                    "status" => e => e.Status,
                    "vendor" or "notes" => e => e.Str(name),
                    _ => null,
                },
            },
        };

        static void TaxMoney(Expense e, JsonNode? v, BindErrors errors, string f, Action<Expense, decimal?> set)
        {
            if (v is null)
            {
                set(e, null);
            }
            else if (v is JsonObject o && JsonValues.TryDecimal(o["amount"], out var a))
            {
                set(e, a);
            }
            else
            {
                errors.Add(1015, f, $"Invalid value for field {f}: expected an object with a numeric amount.", JsonValues.Raw(v));
            }
        }
    }

    private static Resource<ExpenseCategory> Categories() => new()
    {
        Family = AccountingFamily.Instance,
        Path = "expenses/categories",
        SingleKey = "category",
        ListKey = "categories",
        ObjectName = "category",
        IdField = "categoryid",
        Scope = "expenses",
        Set = s => s.Categories,
        Write = Writers.Category,
        List = new SearchQuery<ExpenseCategory>
        {
            Field = (name, _) => name switch
            {
                "id" or "categoryid" => c => c.Id,
                "parentid" => c => c.ParentId,
                "category" => c => c.Str("category"),
                "updated" => c => c.Updated,
                _ => null,
            },
        },
    };

    private static Resource<Item> Items()
    {
        var binder = new FieldBinder<Item>()
            .Text("name", "description", "sku")
            .Decimal("qty", (i, v) => i.Qty = v)
            .Custom("inventory", (i, v, e, f) =>
            {
                if (v is null)
                {
                    i.Inventory = null;
                }
                else if (JsonValues.TryDecimal(v, out var d))
                {
                    i.Inventory = d;
                }
                else
                {
                    e.Add(1015, f, "Invalid value for field inventory: expected a number.", JsonValues.Raw(v));
                }
            })
            .Int("tax1", (i, v) => i.Tax1 = v)
            .Int("tax2", (i, v) => i.Tax2 = v)
            .Money("unit_cost", (i, amount, code) =>
            {
                i.UnitCost = amount;
                if (code is not null)
                {
                    i.Code = code;
                }
            });
        return new Resource<Item>
        {
            Family = AccountingFamily.Instance,
            Path = "items/items",
            SingleKey = "item",
            ListKey = "items",
            ObjectName = "item",
            IdField = "itemid",
            Scope = "billable_items",
            Set = s => s.Items,
            Write = Writers.Item,
            Binder = WithSample(binder, new Item(), Writers.Item, "itemid"),
            New = now => new Item { Created = now, Updated = now, Qty = 1 },
            Validate = (i, previous, account, body, errors) =>
            {
                if (string.IsNullOrWhiteSpace(i.Str("name")))
                {
                    errors.Required("name");
                }
            },
            List = new SearchQuery<Item>
            {
                Field = (name, _) => name switch
                {
                    "id" or "itemid" => i => i.Id,
                    "name" or "description" or "sku" => i => i.Str(name),
                    "updated" => i => i.Updated,
                    "unit_cost" => i => i.UnitCost,
                    _ => null,
                },
            },
        };
    }

    private static Resource<Tax> Taxes()
    {
        var binder = new FieldBinder<Tax>()
            .Text("name", "number")
            .Percent("amount", (t, v) => t.Amount = v ?? 0)
            .Bool("compound", (t, v) => t.Compound = v);
        return new Resource<Tax>
        {
            Family = AccountingFamily.Instance,
            Path = "taxes/taxes",
            SingleKey = "tax",
            ListKey = "taxes",
            ObjectName = "tax",
            IdField = "taxid",
            Scope = "taxes",
            HardDelete = true,
            Set = s => s.Taxes,
            Write = Writers.Tax,
            Binder = WithSample(binder, new Tax(), Writers.Tax, "taxid"),
            New = now => new Tax { Created = now, Updated = now },
            Validate = (t, previous, account, body, errors) =>
            {
                if (string.IsNullOrWhiteSpace(t.Str("name")))
                {
                    errors.Required("name");
                }
            },
            List = new SearchQuery<Tax>
            {
                Field = (name, _) => name switch
                {
                    "id" or "taxid" => t => t.Id,
                    "name" or "number" => t => t.Str(name),
                    "amount" => t => t.Amount,
                    "updated" => t => t.Updated,
                    _ => null,
                },
            },
        };
    }
}
