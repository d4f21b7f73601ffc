using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Identity;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// <c>PUT /CreditNotes/{CreditNoteID}/Allocations</c> with <c>{"Allocations":[{"Invoice":{"InvoiceID"},"Amount","Date"}]}</c>
/// (or one bare allocation): applies credit to invoices of the same contact, currency and side, moving the invoice's
/// <c>AmountCredited</c> and <c>AmountDue</c> and the credit note's <c>RemainingCredit</c> together; a document with
/// nothing left becomes <c>PAID</c>. Allocations are applied in order and, as Xero's batches, not as one transaction:
/// with <c>summarizeErrors</c> (default) any refusal answers 400 <c>ValidationException</c> naming the refused ones.
/// </summary>
internal sealed class CreditNoteAllocations(SandboxServices services)
{
    public const string AmountOutstanding = "Credit Note cannot be allocated as amount is greater than amount outstanding";
    public const string PaidOff = "The invoice you are trying to allocate to has already been paid off";
    public const string WrongType = "Credit Note cannot be allocated to an incorrect invoice type";

    public async Task HandleAsync(HttpContext context, Grant grant, TenantBook book, string creditNoteId)
    {
        if (!HttpMethods.IsPut(context.Request.Method))
        {
            // Xero's description offers only PUT here (and DELETE of one allocation, which the sandbox does not serve yet).
            await HttpJson.WriteTextAsync(context, 405, $"The requested resource does not support http method '{context.Request.Method}'.");
            return;
        }

        if (!await ApiGate.ScopeAsync(context, grant, CreditNoteResource.WriteScopes))
        {
            return;
        }

        try
        {
            await AllocateAsync(context, book, creditNoteId);
        }
        catch (AccountingException ex)
        {
            await Envelope.ErrorAsync(context, ex);
        }
    }

    private async Task AllocateAsync(HttpContext context, TenantBook book, string creditNoteId)
    {
        var read = await HttpJson.ReadAsync(context);
        if (read.TooLarge)
        {
            await HttpJson.WriteTextAsync(context, 413, "The request body is larger than 3.5 MB.");
            return;
        }

        if (read.Malformed)
        {
            throw AccountingException.PostData("The request body is not valid JSON.");
        }

        if (read.Empty)
        {
            throw AccountingException.PostData("No data was posted.");
        }

        if (read.Body is not JsonObject body)
        {
            throw AccountingException.PostData($"Unexpected JSON token: {read.Body!.GetValueKind()}. Path ''.");
        }

        var envelope = new ElementReader(body, "");
        IReadOnlyList<ElementReader> elements = envelope.Has("Allocations") ? envelope.Arr("Allocations") ?? [] : [envelope];
        var summarize = !string.Equals(context.Request.Query["summarizeErrors"].ToString(), "false", StringComparison.OrdinalIgnoreCase);
        var now = services.Clock.GetUtcNow();
        var results = new List<(Allocation? Applied, JsonObject? Refused)>();
        CreditNote? note = null;
        lock (book.Gate)
        {
            if (Guid.TryParse(creditNoteId, out var id) && book.CreditNotes.Find(id) is { } found)
            {
                note = found;
                foreach (var element in elements)
                {
                    var (applied, errors) = Apply(book, note, element, now);
                    results.Add((applied, errors.Count > 0 ? Envelope.Refused(element.Element, errors, !summarize) : null));
                    note = book.CreditNotes.Find(id)!;
                }
            }
        }

        if (note is null)
        {
            await Problems.NotFoundAsync(context);
            return;
        }

        if (summarize && results.Exists(r => r.Refused is not null))
        {
            await Envelope.ValidationAsync(context, [.. results.Where(r => r.Refused is not null).Select(r => r.Refused!)]);
            return;
        }

        await HttpJson.WriteAsync(context, 200, w => Envelope.Write(w, services.Options.AppName, now, "Allocations", w =>
        {
            foreach (var (applied, refused) in results)
            {
                if (applied is not null)
                {
                    CreditNoteResource.WriteAllocation(w, applied, note, book, withCreditNote: true);
                }
                else
                {
                    refused!.WriteTo(w);
                }
            }
        }));
    }

    /// <summary>Checks one allocation and, when Xero would take it, stores it on both documents (under the book's lock).</summary>
    private static (Allocation? Applied, List<string> Errors) Apply(TenantBook book, CreditNote note, ElementReader e, DateTimeOffset now)
    {
        var errors = new List<string>();
        switch (note.Status)
        {
            case "DRAFT" or "SUBMITTED":
                errors.Add("Credit Note must be AUTHORISED before it can be allocated.");
                break;
            case "VOIDED" or "DELETED":
                errors.Add("Credit Note not of valid status for allocation.");
                break;
        }

        Invoice? invoice = null;
        if (e.Obj("Invoice") is { } ie)
        {
            invoice = ie.Id("InvoiceID") is { } invoiceId ? book.Invoices.Find(invoiceId)
                : ie.Str("InvoiceNumber") is { Length: > 0 } number
                    ? book.Invoices.All.FirstOrDefault(i => i.Status != "DELETED" && string.Equals(i.InvoiceNumber, number, StringComparison.OrdinalIgnoreCase))
                    : null;
            if (invoice is null)
            {
                errors.Add("The invoice for this allocation could not be found.");
            }
        }
        else
        {
            errors.Add("An Invoice must be specified for the allocation.");
        }

        if (invoice is not null)
        {
            if (invoice.Type != (note.Type == "ACCRECCREDIT" ? "ACCREC" : "ACCPAY"))
            {
                errors.Add(WrongType);
            }

            if (invoice.ContactId != note.ContactId)
            {
                errors.Add("Credit Note can only be allocated to a document of the same contact.");
            }

            if (invoice.CurrencyCode != note.CurrencyCode)
            {
                errors.Add("Credit Note and invoice must be in the same currency.");
            }

            if (invoice.Status == "PAID")
            {
                errors.Add(PaidOff);
            }
            else if (invoice.Status != "AUTHORISED")
            {
                errors.Add("Credit Notes can only be allocated to AUTHORISED documents.");
            }
        }

        var amount = e.Dec("Amount") is { } given ? XeroNumbers.Money(given) : (decimal?)null;
        if (amount is not > 0m)
        {
            errors.Add("The allocation amount must be greater than zero.");
        }
        else
        {
            if (invoice is { Status: "AUTHORISED" } && amount > invoice.AmountDue)
            {
                errors.Add(AmountOutstanding);
            }

            if (amount > note.RemainingCredit && note.Status is "AUTHORISED" or "PAID")
            {
                errors.Add("The amount allocated exceeds the remaining credit on the credit note.");
            }
        }

        // Xero's app dates an allocation on the later of the two documents; an earlier date is refused (*Decision*).
        var date = e.Date("Date") ?? (invoice is null || invoice.Date < note.Date ? note.Date : invoice.Date);
        if (date < note.Date)
        {
            errors.Add("The allocation date cannot be earlier than the credit note date.");
        }

        if (invoice is not null && date < invoice.Date)
        {
            errors.Add("The allocation date cannot be earlier than the invoice date.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var allocation = new Allocation(Guid.NewGuid(), invoice!.Id, amount!.Value, date);
        var credited = (CreditNote)note.Copy();
        credited.Allocations.Add(allocation);
        credited.Updated = now;
        if (credited.RemainingCredit == 0m)
        {
            credited.Status = "PAID";
            credited.FullyPaidOnDate = date;
        }

        var settled = (Invoice)invoice.Copy();
        settled.AmountCredited += allocation.Amount;
        settled.Updated = now;
        if (settled.AmountDue == 0m)
        {
            settled.Status = "PAID";
            settled.FullyPaidOnDate = date;
        }

        book.CreditNotes.Upsert(credited);
        book.Invoices.Upsert(settled);
        return (allocation, errors);
    }
}
