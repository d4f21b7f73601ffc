using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// <c>/CreditNotes</c>: customer (<c>ACCRECCREDIT</c>) and supplier (<c>ACCPAYCREDIT</c>) credit notes with every
/// <c>LineAmountTypes</c> and Xero's rounding (<see cref="InvoiceMath"/>, <see cref="LineItems"/>), the invoice statuses
/// and transitions, no discounts, and <c>RemainingCredit</c> moved by allocations (<see cref="CreditNoteAllocations"/>).
/// Xero documents only <c>where</c>, <c>order</c>, paging and <c>If-Modified-Since</c> on the list.
/// </summary>
internal static class CreditNoteResource
{
    private static readonly string[] LineAmountTypeNames = ["Exclusive", "Inclusive", "NoTax"];
    private static readonly string[] AllStatuses = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED"];

    public const string NotModifiable = "Credit Note not of valid status for modification";
    public const string Allocated = "This document cannot be edited as it has a payment or credit note allocated to it.";

    public static readonly string[] ReadScopes = ["accounting.transactions.read", "accounting.invoices.read"];
    public static readonly string[] WriteScopes = ["accounting.transactions", "accounting.invoices"];

    public static XeroResource<CreditNote> Create(SandboxServices s) => new()
    {
        Services = s,
        Name = "CreditNotes",
        IdName = "CreditNoteID",
        ReadScopes = ReadScopes,
        WriteScopes = WriteScopes,
        Store = b => b.CreditNotes,
        Write = Write,
        Paged = true,
        MatchOnPost = (book, e) => e.Str("CreditNoteNumber") is { Length: > 0 } number
            ? book.CreditNotes.All.FirstOrDefault(c => c.Type == "ACCRECCREDIT" && c.Status != "DELETED" && string.Equals(c.CreditNoteNumber, number, StringComparison.OrdinalIgnoreCase))
            : null,
        Save = Save,
    };

    public static void Write(Utf8JsonWriter w, CreditNote c, RenderContext ctx)
    {
        var book = ctx.Book;
        w.WriteStartObject();
        w.WriteString("Type", c.Type);
        w.WriteString("CreditNoteID", c.Id);
        Writers.Opt(w, "CreditNoteNumber", c.CreditNoteNumber);
        Writers.Opt(w, "Reference", c.Reference);
        Writers.EmptyArray(w, "Payments");
        w.WriteNumber("RemainingCredit", XeroNumbers.Money(c.RemainingCredit));
        w.WriteStartArray("Allocations");
        foreach (var a in c.Allocations)
        {
            WriteAllocation(w, a, c, book, withCreditNote: false);
        }

        w.WriteEndArray();
        w.WriteBoolean("SentToContact", c.SentToContact);
        w.WriteNumber("CurrencyRate", XeroNumbers.Rate(c.CurrencyRate));
        w.WriteBoolean("HasErrors", false);
        w.WriteBoolean("HasAttachments", false);
        var contact = book.Contacts.Find(c.ContactId);
        w.WriteStartObject("Contact");
        w.WriteString("ContactID", c.ContactId);
        Writers.Opt(w, "ContactNumber", contact?.ContactNumber);
        Writers.Opt(w, "Name", contact?.Name);
        Writers.EmptyArray(w, "Addresses");
        Writers.EmptyArray(w, "Phones");
        Writers.EmptyArray(w, "ContactGroups");
        Writers.EmptyArray(w, "ContactPersons");
        w.WriteBoolean("HasValidationErrors", false);
        w.WriteEndObject();
        w.WriteString("DateString", XeroDates.DateString(c.Date));
        w.WriteString("Date", XeroDates.Ms(c.Date));
        if (c.DueDate is { } due)
        {
            w.WriteString("DueDateString", XeroDates.DateString(due));
            w.WriteString("DueDate", XeroDates.Ms(due));
        }

        w.WriteString("Status", c.Status);
        w.WriteString("LineAmountTypes", c.LineAmountTypes);
        w.WriteStartArray("LineItems");
        if (ctx.WithLines)
        {
            foreach (var l in c.LineItems)
            {
                LineItems.Write(w, l, ctx);
            }
        }

        w.WriteEndArray();
        w.WriteNumber("SubTotal", XeroNumbers.Money(c.SubTotal));
        w.WriteNumber("TotalTax", XeroNumbers.Money(c.TotalTax));
        w.WriteNumber("Total", XeroNumbers.Money(c.Total));
        Writers.Updated(w, c.Updated);
        w.WriteString("UpdatedDateUTCString", XeroDates.UtcString(c.Updated));
        w.WriteString("CurrencyCode", c.CurrencyCode);
        if (c.FullyPaidOnDate is { } paid)
        {
            w.WriteString("FullyPaidOnDate", XeroDates.Ms(paid));
        }

        w.WriteEndObject();
    }

    /// <summary>One allocation as Xero shows it, on its credit note or in the answer to an allocation.</summary>
    public static void WriteAllocation(Utf8JsonWriter w, Allocation a, CreditNote note, TenantBook book, bool withCreditNote)
    {
        w.WriteStartObject();
        w.WriteString("AllocationID", a.AllocationID);
        w.WriteNumber("Amount", XeroNumbers.Money(a.Amount));
        w.WriteString("Date", XeroDates.Ms(a.Date));
        w.WriteStartObject("Invoice");
        w.WriteString("InvoiceID", a.InvoiceId);
        Writers.Opt(w, "InvoiceNumber", book.Invoices.Find(a.InvoiceId)?.InvoiceNumber);
        w.WriteEndObject();
        if (withCreditNote)
        {
            w.WriteStartObject("CreditNote");
            w.WriteString("CreditNoteID", note.Id);
            Writers.Opt(w, "CreditNoteNumber", note.CreditNoteNumber);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The credit notes allocated to an invoice, as Xero lists them on it (<c>Invoice.CreditNotes</c>).</summary>
    public static void WriteOnInvoice(Utf8JsonWriter w, Invoice invoice, TenantBook book)
    {
        w.WriteStartArray("CreditNotes");
        foreach (var note in book.CreditNotes.All)
        {
            var applied = note.Allocations.Where(a => a.InvoiceId == invoice.Id).Sum(a => a.Amount);
            if (applied != 0m)
            {
                w.WriteStartObject();
                w.WriteString("CreditNoteID", note.Id);
                Writers.Opt(w, "CreditNoteNumber", note.CreditNoteNumber);
                w.WriteString("Date", XeroDates.Ms(note.Date));
                w.WriteNumber("Total", XeroNumbers.Money(note.Total));
                w.WriteNumber("AppliedAmount", XeroNumbers.Money(applied));
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    private static SaveOutcome<CreditNote> Save(SaveContext ctx, ElementReader e, CreditNote? existing)
    {
        var book = ctx.Book;
        var errors = new List<string>();
        if (existing is { Status: "PAID" or "VOIDED" or "DELETED" })
        {
            return SaveOutcome<CreditNote>.Refused([NotModifiable]);
        }

        var note = (CreditNote?)existing?.Copy() ?? new CreditNote { Id = Guid.NewGuid(), CurrencyCode = book.Tenant.BaseCurrency, Date = book.Today(ctx.Now) };
        var requested = e.Str("Status")?.ToUpperInvariant() ?? note.Status;
        if (!AllStatuses.Contains(requested))
        {
            return SaveOutcome<CreditNote>.Refused([$"The status '{requested}' is not a valid credit note status."]);
        }

        if (existing is not null && requested is "VOIDED" or "DELETED")
        {
            // As for invoices: a void or delete carries only the status.
            return StatusChange(existing, note, requested);
        }

        if (TransitionError(existing?.Status, requested) is { } transition)
        {
            return SaveOutcome<CreditNote>.Refused([transition]);
        }

        if (existing is { Allocations.Count: > 0 } && (e.Has("LineItems") || e.Has("Contact") || e.Has("CurrencyCode") || e.Has("LineAmountTypes") || e.Has("Type")))
        {
            return SaveOutcome<CreditNote>.Refused([Allocated]);
        }

        if (e.Has("Type"))
        {
            var type = e.Str("Type")?.ToUpperInvariant();
            if (type is not ("ACCRECCREDIT" or "ACCPAYCREDIT"))
            {
                errors.Add("Credit Note Type must be ACCRECCREDIT or ACCPAYCREDIT.");
            }
            else if (existing is not null && type != existing.Type)
            {
                errors.Add("The Type of an existing credit note cannot be changed.");
            }
            else
            {
                note.Type = type;
            }
        }
        else if (existing is null)
        {
            errors.Add("Credit Note Type must be specified.");
        }

        Contact? newContact = null;
        if (e.Obj("Contact") is { } ce)
        {
            var (contact, created, error) = InvoiceResource.ResolveContact(book, ce);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                note.ContactId = contact!.Id;
                newContact = created ? contact : null;
            }
        }
        else if (existing is null)
        {
            errors.Add(InvoiceResource.ContactRequired);
        }

        if (e.Has("Date"))
        {
            note.Date = e.Date("Date") ?? book.Today(ctx.Now);
        }

        if (e.Has("DueDate"))
        {
            note.DueDate = e.Date("DueDate");
        }

        if (e.Has("CreditNoteNumber"))
        {
            note.CreditNoteNumber = e.Str("CreditNoteNumber", 255) is { Length: > 0 } n ? n.Trim() : null;
        }

        if (e.Has("Reference"))
        {
            note.Reference = e.Str("Reference", 255);
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
                note.CurrencyCode = code;
                note.CurrencyRate = rate;
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
                note.CurrencyRate = note.CurrencyCode == book.Tenant.BaseCurrency ? 1m : currencyRate;
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
                lineTypesChanged = canonical != note.LineAmountTypes;
                note.LineAmountTypes = canonical;
            }
        }

        if (errors.Count > 0)
        {
            return SaveOutcome<CreditNote>.Refused(errors);
        }

        if (e.Arr("LineItems") is { } lines)
        {
            var previous = note.LineItems;
            note.LineItems = [];
            foreach (var l in lines)
            {
                // Xero takes no discounts on credit notes.
                if (LineItems.Bind(ctx, note.Type, note.LineAmountTypes, discountsAllowed: false, l, previous, errors) is { } line)
                {
                    note.LineItems.Add(line);
                }
            }
        }
        else if (lineTypesChanged)
        {
            note.LineItems = [.. note.LineItems.Select(l => l.TaxOverridden ? l : l with
            {
                TaxAmount = InvoiceMath.LineTax(l.LineAmount, book.TaxRate(l.TaxType)?.Rate ?? 0m, note.LineAmountTypes),
            })];
        }

        if (requested is "SUBMITTED" or "AUTHORISED")
        {
            // A line refused above is reported as itself, not as a missing line.
            if (note.LineItems.Count == 0 && errors.Count == 0)
            {
                errors.Add("A credit note must have at least one line item before it can be submitted or approved.");
            }

            if (note.LineItems.Exists(l => l.AccountCode is null))
            {
                errors.Add("Account code must be specified on every line item before the credit note can be submitted or approved.");
            }
        }

        if (errors.Count > 0)
        {
            return SaveOutcome<CreditNote>.Refused(errors);
        }

        (note.SubTotal, note.TotalTax, note.Total, _) = InvoiceMath.Totals(note.LineItems, note.LineAmountTypes);
        note.Status = requested;
        if (note.Type == "ACCRECCREDIT")
        {
            if (note.CreditNoteNumber is null)
            {
                note.CreditNoteNumber = book.TakeCreditNoteNumber();
            }
            else if (book.CreditNotes.All.Any(o => o.Id != note.Id && o.Type == "ACCRECCREDIT" && o.Status != "DELETED" &&
                string.Equals(o.CreditNoteNumber, note.CreditNoteNumber, StringComparison.OrdinalIgnoreCase)))
            {
                return SaveOutcome<CreditNote>.Refused(["Credit Note number must be unique."]);
            }
        }

        if (note.Status == "AUTHORISED" && note.RemainingCredit == 0m)
        {
            // As with invoices: an approved document with nothing left to use is settled at once.
            note.Status = "PAID";
            note.FullyPaidOnDate = note.Date;
        }

        return new SaveOutcome<CreditNote>(note, errors, newContact is null ? null : () =>
        {
            newContact.Updated = ctx.Now;
            book.Contacts.Upsert(newContact);
        });
    }

    private static SaveOutcome<CreditNote> StatusChange(CreditNote existing, CreditNote note, string requested)
    {
        if (existing.Status == requested)
        {
            return new SaveOutcome<CreditNote>(note, []);
        }

        if (requested == "DELETED")
        {
            if (existing.Status is not ("DRAFT" or "SUBMITTED"))
            {
                return SaveOutcome<CreditNote>.Refused(["Only DRAFT or SUBMITTED credit notes can be deleted. Void an AUTHORISED credit note instead."]);
            }
        }
        else if (existing.Status != "AUTHORISED")
        {
            return SaveOutcome<CreditNote>.Refused(["Only AUTHORISED credit notes can be voided. Delete a DRAFT or SUBMITTED credit note instead."]);
        }
        else if (existing.Allocations.Count > 0)
        {
            return SaveOutcome<CreditNote>.Refused(["This credit note cannot be voided as it has been allocated. Remove its allocations first."]);
        }

        note.Status = requested;
        return new SaveOutcome<CreditNote>(note, []);
    }

    private static string? TransitionError(string? from, string to) => (from, to) switch
    {
        (null, "DRAFT" or "SUBMITTED" or "AUTHORISED") => null,
        (null, _) => "A credit note can only be created as DRAFT, SUBMITTED or AUTHORISED.",
        (_, "PAID") => "A credit note becomes PAID when its credit is fully allocated; PAID cannot be set.",
        ("DRAFT" or "SUBMITTED", _) => null,
        ("AUTHORISED", "AUTHORISED") => null,
        ("AUTHORISED", _) => "An AUTHORISED credit note cannot be returned to DRAFT or SUBMITTED.",
        _ => NotModifiable,
    };
}
