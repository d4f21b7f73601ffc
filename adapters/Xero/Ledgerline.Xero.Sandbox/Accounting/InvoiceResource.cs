using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// <c>/Invoices</c>: sales invoices (ACCREC) and bills (ACCPAY) with every <c>LineAmountTypes</c>, Xero's line and total
/// rounding (<see cref="InvoiceMath"/>), statuses and their transitions, void and delete rules.
/// </summary>
internal static class InvoiceResource
{
    private static readonly string[] LineAmountTypeNames = ["Exclusive", "Inclusive", "NoTax"];
    private static readonly string[] AllStatuses = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED"];

    public const string NotModifiable = "Invoice not of valid status for modification";
    public const string HasPayments = "This document cannot be edited as it has a payment or credit note allocated to it.";
    public const string ContactRequired = "The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber";

    public static XeroResource<Invoice> Create(SandboxServices s) => new()
    {
        Services = s,
        Name = "Invoices",
        IdName = "InvoiceID",
        ReadScopes = ["accounting.transactions.read", "accounting.invoices.read"],
        WriteScopes = ["accounting.transactions", "accounting.invoices"],
        Store = b => b.Invoices,
        Write = Write,
        Paged = true,
        MatchesKey = (i, key) => string.Equals(i.InvoiceNumber, key, StringComparison.OrdinalIgnoreCase),
        MatchOnPost = (book, e) => e.Str("InvoiceNumber") is { Length: > 0 } number
            ? book.Invoices.All.FirstOrDefault(i => i.Type == "ACCREC" && i.Status != "DELETED" && string.Equals(i.InvoiceNumber, number, StringComparison.OrdinalIgnoreCase))
            : null,
        Filters = Filters,
        Save = Save,
    };

    private static Func<Invoice, bool>? Filters(IQueryCollection query)
    {
        var ids = ContactResource.Ids(query["IDs"].ToString());
        var contactIds = ContactResource.Ids(query["ContactIDs"].ToString());
        var numbers = List(query["InvoiceNumbers"].ToString());
        var statuses = List(query["Statuses"].ToString());
        if (ids is null && contactIds is null && numbers is null && statuses is null)
        {
            return null;
        }

        return i => (ids is null || ids.Contains(i.Id)) &&
            (contactIds is null || contactIds.Contains(i.ContactId)) &&
            (numbers is null || (i.InvoiceNumber is not null && numbers.Contains(i.InvoiceNumber))) &&
            (statuses is null || statuses.Contains(i.Status));
    }

    private static HashSet<string>? List(string text) =>
        text.Length == 0 ? null : new HashSet<string>(text.Split(',', StringSplitOptions.TrimEntries).Select(t => t.Trim('"')), StringComparer.OrdinalIgnoreCase);

    public static void Write(Utf8JsonWriter w, Invoice i, RenderContext ctx)
    {
        var book = ctx.Book;
        w.WriteStartObject();
        w.WriteString("Type", i.Type);
        w.WriteString("InvoiceID", i.Id);
        Writers.Opt(w, "InvoiceNumber", i.InvoiceNumber);
        Writers.Opt(w, "Reference", i.Reference);
        w.WriteStartArray("Payments");
        foreach (var id in i.PaymentIds)
        {
            if (book.Payments.Find(id) is { Status: "AUTHORISED" } p)
            {
                w.WriteStartObject();
                w.WriteString("PaymentID", p.Id);
                w.WriteString("Date", XeroDates.Ms(p.Date));
                w.WriteNumber("Amount", XeroNumbers.Money(p.Amount));
                w.WriteNumber("CurrencyRate", XeroNumbers.Rate(p.CurrencyRate));
                Writers.Opt(w, "Reference", p.Reference);
                w.WriteBoolean("HasAccount", false);
                w.WriteBoolean("HasValidationErrors", false);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        CreditNoteResource.WriteOnInvoice(w, i, book);
        Writers.EmptyArray(w, "Prepayments");
        Writers.EmptyArray(w, "Overpayments");
        w.WriteNumber("AmountDue", XeroNumbers.Money(i.AmountDue));
        w.WriteNumber("AmountPaid", XeroNumbers.Money(i.AmountPaid));
        w.WriteNumber("AmountCredited", XeroNumbers.Money(i.AmountCredited));
        w.WriteBoolean("SentToContact", i.SentToContact);
        w.WriteNumber("CurrencyRate", XeroNumbers.Rate(i.CurrencyRate));
        w.WriteBoolean("HasErrors", false);
        w.WriteBoolean("IsDiscounted", i.LineItems.Exists(l => l.DiscountRate is not null || l.DiscountAmount is not null));
        w.WriteBoolean("HasAttachments", false);
        var contact = book.Contacts.Find(i.ContactId);
        w.WriteStartObject("Contact");
        w.WriteString("ContactID", i.ContactId);
        Writers.Opt(w, "ContactNumber", contact?.ContactNumber);
        Writers.Opt(w, "Name", contact?.Name);
        Writers.EmptyArray(w, "Addresses");
        Writers.EmptyArray(w, "Phones");
        Writers.EmptyArray(w, "ContactGroups");
        Writers.EmptyArray(w, "ContactPersons");
        w.WriteBoolean("HasValidationErrors", false);
        w.WriteEndObject();
        w.WriteString("DateString", XeroDates.DateString(i.Date));
        w.WriteString("Date", XeroDates.Ms(i.Date));
        if (i.DueDate is { } due)
        {
            w.WriteString("DueDateString", XeroDates.DateString(due));
            w.WriteString("DueDate", XeroDates.Ms(due));
        }

        w.WriteString("Status", i.Status);
        w.WriteString("LineAmountTypes", i.LineAmountTypes);
        w.WriteStartArray("LineItems");
        if (ctx.WithLines)
        {
            foreach (var l in i.LineItems)
            {
                LineItems.Write(w, l, ctx);
            }
        }

        w.WriteEndArray();
        w.WriteNumber("SubTotal", XeroNumbers.Money(i.SubTotal));
        w.WriteNumber("TotalTax", XeroNumbers.Money(i.TotalTax));
        w.WriteNumber("Total", XeroNumbers.Money(i.Total));
        if (i.TotalDiscount != 0m)
        {
            w.WriteNumber("TotalDiscount", XeroNumbers.Money(i.TotalDiscount));
        }

        Writers.Updated(w, i.Updated);
        w.WriteString("UpdatedDateUTCString", XeroDates.UtcString(i.Updated));
        w.WriteString("CurrencyCode", i.CurrencyCode);
        if (i.FullyPaidOnDate is { } paid)
        {
            w.WriteString("FullyPaidOnDate", XeroDates.Ms(paid));
        }

        w.WriteEndObject();
    }

    private static SaveOutcome<Invoice> Save(SaveContext ctx, ElementReader e, Invoice? existing)
    {
        var book = ctx.Book;
        var errors = new List<string>();
        if (existing is { Status: "PAID" or "VOIDED" or "DELETED" })
        {
            return SaveOutcome<Invoice>.Refused([NotModifiable]);
        }

        var inv = (Invoice?)existing?.Copy() ?? new Invoice { Id = Guid.NewGuid(), CurrencyCode = book.Tenant.BaseCurrency, Date = book.Today(ctx.Now) };

        var requested = e.Str("Status")?.ToUpperInvariant() ?? inv.Status;
        if (!AllStatuses.Contains(requested))
        {
            return SaveOutcome<Invoice>.Refused([$"The status '{requested}' is not a valid invoice status."]);
        }

        if (existing is not null && requested is "VOIDED" or "DELETED")
        {
            // A void or delete carries only the status; other members of the element are not applied.
            return StatusChange(existing, inv, requested);
        }

        if (TransitionError(existing?.Status, requested) is { } transition)
        {
            return SaveOutcome<Invoice>.Refused([transition]);
        }

        if (existing is not null && (existing.AmountPaid > 0m || existing.AmountCredited > 0m) && (e.Has("LineItems") || e.Has("Contact") || e.Has("CurrencyCode") || e.Has("LineAmountTypes") || e.Has("Type")))
        {
            return SaveOutcome<Invoice>.Refused([HasPayments]);
        }

        if (e.Has("Type"))
        {
            var type = e.Str("Type")?.ToUpperInvariant();
            if (type is not ("ACCREC" or "ACCPAY"))
            {
                errors.Add("Invoice Type must be ACCREC or ACCPAY.");
            }
            else if (existing is not null && type != existing.Type)
            {
                errors.Add("The Type of an existing invoice cannot be changed.");
            }
            else
            {
                inv.Type = type;
            }
        }
        else if (existing is null)
        {
            errors.Add("Invoice Type must be specified.");
        }

        Contact? newContact = null;
        if (e.Obj("Contact") is { } ce)
        {
            var (contact, created, error) = ResolveContact(book, ce);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                inv.ContactId = contact!.Id;
                newContact = created ? contact : null;
            }
        }
        else if (existing is null)
        {
            errors.Add(ContactRequired);
        }

        if (e.Has("Date"))
        {
            inv.Date = e.Date("Date") ?? book.Today(ctx.Now);
        }

        if (e.Has("DueDate"))
        {
            inv.DueDate = e.Date("DueDate");
        }

        if (e.Has("InvoiceNumber"))
        {
            inv.InvoiceNumber = e.Str("InvoiceNumber", 255) is { Length: > 0 } n ? n.Trim() : null;
        }

        if (e.Has("Reference"))
        {
            inv.Reference = e.Str("Reference", 255);
        }

        if (e.Bool("SentToContact") is { } sent)
        {
            inv.SentToContact = sent;
        }

        if (e.Has("CurrencyCode"))
        {
            var code = e.Str("CurrencyCode", 3)?.ToUpperInvariant() ?? book.Tenant.BaseCurrency;
            if (!book.CurrencyRates.TryGetValue(code, out var rate))
            {
                errors.Add($"The currency code {code} is not set up for this organisation.");
            }
            else
            {
                inv.CurrencyCode = code;
                inv.CurrencyRate = rate;
            }
        }

        if (e.Dec("CurrencyRate") is { } currencyRate)
        {
            if (currencyRate <= 0m)
            {
                errors.Add("The currency rate must be greater than zero.");
            }
            else
            {
                inv.CurrencyRate = inv.CurrencyCode == book.Tenant.BaseCurrency ? 1m : currencyRate;
            }
        }

        var lineTypesChanged = false;
        if (e.Has("LineAmountTypes"))
        {
            var lat = e.Str("LineAmountTypes");
            var canonical = LineAmountTypeNames.FirstOrDefault(x => string.Equals(x, lat, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                errors.Add("LineAmountTypes must be Exclusive, Inclusive or NoTax.");
            }
            else
            {
                lineTypesChanged = canonical != inv.LineAmountTypes;
                inv.LineAmountTypes = canonical;
            }
        }

        if (errors.Count > 0)
        {
            return SaveOutcome<Invoice>.Refused(errors);
        }

        if (e.Arr("LineItems") is { } lines)
        {
            var previous = inv.LineItems;
            inv.LineItems = [];
            foreach (var l in lines)
            {
                if (LineItems.Bind(ctx, inv.Type, inv.LineAmountTypes, inv.Type == "ACCREC", l, previous, errors) is { } line)
                {
                    inv.LineItems.Add(line);
                }
            }
        }
        else if (lineTypesChanged)
        {
            inv.LineItems = [.. inv.LineItems.Select(l => l.TaxOverridden ? l : l with
            {
                TaxAmount = InvoiceMath.LineTax(l.LineAmount, book.TaxRate(l.TaxType)?.Rate ?? 0m, inv.LineAmountTypes),
            })];
        }

        if (requested is "SUBMITTED" or "AUTHORISED")
        {
            // A line refused above is reported as itself, not as a missing line.
            if (inv.LineItems.Count == 0 && errors.Count == 0)
            {
                errors.Add("An invoice must have at least one line item before it can be submitted or approved.");
            }

            if (inv.LineItems.Exists(l => l.AccountCode is null))
            {
                errors.Add("Account code must be specified on every line item before the invoice can be submitted or approved.");
            }
        }

        if (errors.Count > 0)
        {
            return SaveOutcome<Invoice>.Refused(errors);
        }

        InvoiceMath.Totals(inv);
        inv.Status = requested;
        if (inv.Type == "ACCREC")
        {
            if (inv.InvoiceNumber is null)
            {
                inv.InvoiceNumber = book.TakeInvoiceNumber();
            }
            else if (book.Invoices.All.Any(o => o.Id != inv.Id && o.Type == "ACCREC" && o.Status != "DELETED" &&
                string.Equals(o.InvoiceNumber, inv.InvoiceNumber, StringComparison.OrdinalIgnoreCase)))
            {
                return SaveOutcome<Invoice>.Refused(["Invoice # must be unique."]);
            }
        }

        if (inv.Status == "AUTHORISED" && inv.AmountDue == 0m)
        {
            // Xero marks an approved document with nothing to pay as paid at once.
            inv.Status = "PAID";
            inv.FullyPaidOnDate = inv.Date;
        }

        return new SaveOutcome<Invoice>(inv, errors, () =>
        {
            var contact = newContact ?? book.Contacts.Find(inv.ContactId);
            if (contact is not null)
            {
                var next = newContact is null ? (Contact)contact.Copy() : contact;
                next.IsCustomer |= inv.Type == "ACCREC";
                next.IsSupplier |= inv.Type == "ACCPAY";
                if (newContact is not null)
                {
                    next.Updated = ctx.Now;
                }

                // Xero does not move UpdatedDateUTC when only IsCustomer/IsSupplier change (documented caveat).
                book.Contacts.Upsert(next);
            }
        });
    }

    private static SaveOutcome<Invoice> StatusChange(Invoice existing, Invoice inv, string requested)
    {
        if (existing.Status == requested)
        {
            return new SaveOutcome<Invoice>(inv, []);
        }

        if (requested == "DELETED")
        {
            if (existing.Status is not ("DRAFT" or "SUBMITTED"))
            {
                return SaveOutcome<Invoice>.Refused(["Only DRAFT or SUBMITTED invoices can be deleted. Void an AUTHORISED invoice instead."]);
            }
        }
        else if (existing.Status != "AUTHORISED")
        {
            return SaveOutcome<Invoice>.Refused(["Only AUTHORISED invoices can be voided. Delete a DRAFT or SUBMITTED invoice instead."]);
        }
        else if (existing.AmountPaid > 0m || existing.AmountCredited > 0m)
        {
            return SaveOutcome<Invoice>.Refused(["This document cannot be voided as it has a payment or credit note allocated to it."]);
        }

        inv.Status = requested;
        return new SaveOutcome<Invoice>(inv, []);
    }

    /// <summary>Which status changes Xero allows, other than void and delete (handled by <see cref="StatusChange"/>).</summary>
    private static string? TransitionError(string? from, string to) => (from, to) switch
    {
        (null, "DRAFT" or "SUBMITTED" or "AUTHORISED") => null,
        (null, _) => "An invoice can only be created as DRAFT, SUBMITTED or AUTHORISED.",
        (_, "PAID") => "An invoice becomes PAID when payments cover it; PAID cannot be set.",
        ("DRAFT" or "SUBMITTED", _) => null,
        ("AUTHORISED", "AUTHORISED") => null,
        ("AUTHORISED", _) => "An AUTHORISED invoice cannot be returned to DRAFT or SUBMITTED.",
        _ => NotModifiable,
    };

    internal static (Contact? Contact, bool Created, string? Error) ResolveContact(TenantBook book, ElementReader ce)
    {
        if (ce.Id("ContactID") is { } id)
        {
            return book.Contacts.Find(id) is { } byId ? (byId, false, null) : (null, false, $"The contact with ContactID {id} could not be found.");
        }

        if (ce.Str("ContactNumber") is { Length: > 0 } number)
        {
            var byNumber = book.Contacts.All.FirstOrDefault(c => string.Equals(c.ContactNumber, number, StringComparison.OrdinalIgnoreCase));
            return byNumber is not null ? (byNumber, false, null) : (null, false, $"The contact with ContactNumber {number} could not be found.");
        }

        if (ce.Str("Name", 255)?.Trim() is { Length: > 0 } name)
        {
            var byName = book.Contacts.All.FirstOrDefault(c => c.ContactStatus == "ACTIVE" && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (byName is not null)
            {
                return (byName, false, null);
            }

            // Xero creates a contact from a name it does not know; stored only if the invoice is.
            return (new Contact
            {
                Id = Guid.NewGuid(),
                Name = name,
                Addresses = [new Address("STREET", null, null, null, null, null, null, null), new Address("POBOX", null, null, null, null, null, null, null)],
                Phones = [new Phone("DEFAULT", null, null, null), new Phone("DDI", null, null, null), new Phone("FAX", null, null, null), new Phone("MOBILE", null, null, null)],
            }, true, null);
        }

        return (null, false, ContactRequired);
    }
}
