using System.Globalization;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal static partial class AccountingResources
{
    /// <summary>The client a document names: it must exist (1012) and not be deleted (1011).</summary>
    private static Client? CheckClient(AccountState account, int clientId, string field, BindErrors errors)
    {
        var client = account.Clients.Find(clientId);
        if (client is null)
        {
            errors.Add(1012, field, "Client not found.", clientId.ToString(CultureInfo.InvariantCulture));
        }
        else if (client.VisState == 1)
        {
            errors.Add(1011, field, "This client has been deleted.", clientId.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        return client;
    }

    private static bool Truthy(JsonObject body, string key) => body.TryGetPropertyValue(key, out var v) && JsonValues.TryBool(v, out var b) && b;

    private static Resource<Estimate> Estimates()
    {
        var binder = new FieldBinder<Estimate>()
            .Text(Estimate.TextFields)
            .Int("customerid", (e, v) => e.CustomerId = v)
            .Date("create_date", (e, v) => e.CreateDate = v!.Value)
            .Percent("discount_value", (e, v) => e.DiscountValue = v ?? 0)
            .Bool("require_client_signature", (e, v) => e.RequireClientSignature = v)
            .Bool("rich_proposal", (e, v) => e.RichProposal = v)
            .Custom("lines", (e, v, errors, f) =>
            {
                if (ParseLines(v, errors, f, "estimateid") is { } lines)
                {
                    e.Lines = lines;
                }
            })
            .Custom("status", (e, v, errors, f) =>
            {
                if (!JsonValues.TryInt(v, out var s) || s is < 1 or > 6 || (e.Id == 0 && s is not (1 or 2)))
                {
                    errors.Add(1004, f, "Invalid value for field status.", JsonValues.Raw(v));
                }
                else if (s == 2 && e.Status == 1)
                {
                    // *Decision*: like an invoice, an estimate may be marked sent with status 2 (on create or on a draft).
                    e.Status = 2;
                }
            });
        return new Resource<Estimate>
        {
            Family = AccountingFamily.Instance,
            Path = "estimates/estimates",
            SingleKey = "estimate",
            ListKey = "estimates",
            ObjectName = "estimate",
            IdField = "estimateid",
            Scope = "estimates",
            Set = s => s.Estimates,
            Write = Writers.Estimate,
            Binder = WithSample(binder, new Estimate(), Writers.Estimate,
                "presentation", "sections", "attachments", "email_recipients", "estimate_customized_email", "contacts",
                "owner", "invoices", "direct_links"),
            New = now =>
            {
                var e = new Estimate { Created = now, Updated = now, CreateDate = Formats.EasternToday(now), Uuid = Guid.NewGuid().ToString() };
                e.Text["language"] = "en";
                e.Text["template"] = "clean-grouped";
                return e;
            },
            Validate = (e, previous, account, body, errors) =>
            {
                if (previous is null && !body.ContainsKey("customerid"))
                {
                    errors.Required("customerid");
                }
                else if ((previous is null || previous.CustomerId != e.CustomerId) &&
                    CheckClient(account, e.CustomerId, "customerid", errors) is { } client && previous is null)
                {
                    Seeder.CopyCustomer(e, client, onlyMissing: true);
                }

                CheckCurrency(e, errors);
                if (errors.Any)
                {
                    return;
                }

                foreach (var line in e.Lines)
                {
                    line.Updated = e.Updated;
                }

                if (previous is null && string.IsNullOrEmpty(e.StrOrNull("estimate_number")))
                {
                    e.Text["estimate_number"] = account.NextEstimateNumber++.ToString("D7", CultureInfo.InvariantCulture);
                }

                e.Recalculate();
            },
            Actions = (e, body, account, now, errors) =>
            {
                var known = false;
                if (body.ContainsKey("action_accept"))
                {
                    known = true;
                    if (Truthy(body, "action_accept"))
                    {
                        e.Status = 5;
                        e.Accepted = true;
                    }
                }

                // *Decision*: action_mark_as_sent (not documented for estimates) and action_email work as for invoices.
                foreach (var key in new[] { "action_mark_as_sent", "action_email" })
                {
                    if (body.ContainsKey(key))
                    {
                        known = true;
                        if (e.Status == 1)
                        {
                            e.Status = 2;
                        }
                    }
                }

                return known;
            },
            List = new SearchQuery<Estimate>
            {
                SortAlias = s => s switch { "date" => "create_date", _ => s },
                Field = (name, ctx) => name switch
                {
                    "id" or "estimateid" => e => e.Id,
                    "customerid" or "clientid" => e => e.CustomerId,
                    "create_date" or "date" => e => e.CreateDate,
                    "updated" => e => e.Updated,
                    "status" or "statusid" => e => e.StatusWith(Writers.InvoicedEstimates(ctx).Contains(e.Id)),
                    "ui_status" or "display_status" => e => Estimate.UiStatus(e.StatusWith(Writers.InvoicedEstimates(ctx).Contains(e.Id))),
                    "accepted" => e => e.Accepted,
                    "invoiced" => e => Writers.InvoicedEstimates(ctx).Contains(e.Id),
                    "amount" => e => e.Amount,
                    "currency_code" => e => e.Currency,
                    _ when Estimate.TextFields.Contains(name) => e => e.Str(name),
                    _ => null,
                },
            },
        };
    }
}
