using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// <c>/Quotes</c>: sales quotes with every line amount type, line discounts and Xero's rounding (<see cref="InvoiceMath"/>,
/// <see cref="LineItems"/>), <c>QU-0001</c> numbers, the quote lifecycle (DRAFT → SENT → ACCEPTED or DECLINED; ACCEPTED →
/// INVOICED; DELETED) and the list filters Xero documents (<c>DateFrom</c>, <c>DateTo</c>, <c>ExpiryDateFrom</c>,
/// <c>ExpiryDateTo</c>, <c>ContactID</c>, <c>Status</c>, <c>QuoteNumber</c>), <c>page</c> without a <c>pagination</c> object,
/// <c>order</c> and <c>If-Modified-Since</c>. A quote never turns into an invoice here: the client creates the invoice and
/// sets the quote INVOICED, as in Xero.
/// </summary>
internal static class QuoteResource
{
    private static readonly string[] LineAmountTypeNames = ["Exclusive", "Inclusive", "NoTax"];
    private static readonly string[] AllStatuses = ["DRAFT", "SENT", "DECLINED", "ACCEPTED", "INVOICED", "DELETED"];

    public const string NotModifiable = "Quote not of valid status for modification";
    public const string NumberTaken = "Quote number must be unique.";

    public static XeroResource<Quote> Create(SandboxServices s) => new()
    {
        Services = s,
        Name = "Quotes",
        IdName = "QuoteID",
        ReadScopes = ["accounting.transactions.read", "accounting.invoices.read"],
        WriteScopes = ["accounting.transactions", "accounting.invoices"],
        Store = b => b.Quotes,
        Write = Write,
        Paged = true,
        Pagination = false,
        Where = false,
        MatchOnPost = (book, e) => e.Str("QuoteNumber") is { Length: > 0 } number
            ? book.Quotes.All.FirstOrDefault(q => q.Status != "DELETED" && string.Equals(q.QuoteNumber, number, StringComparison.OrdinalIgnoreCase))
            : null,
        Filters = Filters,
        Save = Save,
    };

    private static Func<Quote, bool>? Filters(IQueryCollection query)
    {
        var from = QueryDate(query, "DateFrom");
        var to = QueryDate(query, "DateTo");
        var expiryFrom = QueryDate(query, "ExpiryDateFrom");
        var expiryTo = QueryDate(query, "ExpiryDateTo");
        Guid? contact = null;
        if (query["ContactID"].ToString() is { Length: > 0 } contactText)
        {
            contact = Guid.TryParse(contactText.Trim('"'), out var id)
                ? id
                : throw AccountingException.Query($"The value '{contactText}' is not valid for ContactID.");
        }

        var status = query["Status"].ToString() is { Length: > 0 } st ? st.Trim('"') : null;
        var number = query["QuoteNumber"].ToString() is { Length: > 0 } n ? n.Trim('"') : null;
        if (from is null && to is null && expiryFrom is null && expiryTo is null && contact is null && status is null && number is null)
        {
            return null;
        }

        return q => (from is null || q.Date >= from) &&
            (to is null || q.Date <= to) &&
            (expiryFrom is null || (q.ExpiryDate is { } e1 && e1 >= expiryFrom)) &&
            (expiryTo is null || (q.ExpiryDate is { } e2 && e2 <= expiryTo)) &&
            (contact is null || q.ContactId == contact) &&
            (status is null || string.Equals(q.Status, status, StringComparison.OrdinalIgnoreCase)) &&
            (number is null || string.Equals(q.QuoteNumber, number, StringComparison.OrdinalIgnoreCase));
    }

    private static DateOnly? QueryDate(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return XeroDates.TryParseDate(text.Trim('"'), out var date)
            ? date
            : throw AccountingException.Query($"The value '{text}' is not valid for {name}.");
    }

    public static void Write(Utf8JsonWriter w, Quote q, RenderContext ctx)
    {
        var book = ctx.Book;
        w.WriteStartObject();
        w.WriteString("QuoteID", q.Id);
        Writers.Opt(w, "QuoteNumber", q.QuoteNumber);
        Writers.Opt(w, "Reference", q.Reference);
        w.WriteString("Terms", q.Terms ?? "");
        var contact = book.Contacts.Find(q.ContactId);
        w.WriteStartObject("Contact");
        w.WriteString("ContactID", q.ContactId);
        Writers.Opt(w, "ContactNumber", contact?.ContactNumber);
        Writers.Opt(w, "Name", contact?.Name);
        w.WriteString("EmailAddress", contact?.EmailAddress ?? "");
        w.WriteEndObject();
        w.WriteStartArray("LineItems");
        if (ctx.WithLines)
        {
            foreach (var l in q.LineItems)
            {
                LineItems.Write(w, l, ctx);
            }
        }

        w.WriteEndArray();
        w.WriteString("Date", XeroDates.Ms(q.Date));
        w.WriteString("DateString", XeroDates.DateString(q.Date));
        if (q.ExpiryDate is { } expiry)
        {
            w.WriteString("ExpiryDate", XeroDates.Ms(expiry));
            w.WriteString("ExpiryDateString", XeroDates.DateString(expiry));
        }

        w.WriteString("Status", q.Status);
        w.WriteNumber("CurrencyRate", XeroNumbers.Rate(q.CurrencyRate));
        w.WriteString("CurrencyCode", q.CurrencyCode);
        w.WriteNumber("SubTotal", XeroNumbers.Money(q.SubTotal));
        w.WriteNumber("TotalTax", XeroNumbers.Money(q.TotalTax));
        w.WriteNumber("Total", XeroNumbers.Money(q.Total));
        if (q.TotalDiscount != 0m)
        {
            w.WriteNumber("TotalDiscount", XeroNumbers.Money(q.TotalDiscount));
        }

        Writers.Opt(w, "Title", q.Title);
        Writers.Opt(w, "Summary", q.Summary);
        Writers.Updated(w, q.Updated);
        w.WriteString("LineAmountTypes", q.LineAmountTypes.ToUpperInvariant());
        w.WriteEndObject();
    }

    private static SaveOutcome<Quote> Save(SaveContext ctx, ElementReader e, Quote? existing)
    {
        var book = ctx.Book;
        var errors = new List<string>();
        if (existing is { Status: "INVOICED" or "DELETED" })
        {
            return SaveOutcome<Quote>.Refused([NotModifiable]);
        }

        var quote = (Quote?)existing?.Copy() ?? new Quote { Id = Guid.NewGuid(), CurrencyCode = book.Tenant.BaseCurrency, Date = book.Today(ctx.Now) };
        var requested = e.Str("Status")?.Trim().ToUpperInvariant() ?? quote.Status;
        if (!AllStatuses.Contains(requested))
        {
            return SaveOutcome<Quote>.Refused([$"The status '{requested}' is not a valid quote status."]);
        }

        if (TransitionError(existing?.Status, requested) is { } transition)
        {
            return SaveOutcome<Quote>.Refused([transition]);
        }

        if (existing is not null && existing.Status != requested && requested is not ("DRAFT" or "SENT"))
        {
            // Accepting, declining, invoicing or deleting changes the status only; other members of that element are not applied.
            quote.Status = requested;
            return new SaveOutcome<Quote>(quote, []);
        }

        if (existing is { Status: "ACCEPTED" or "DECLINED" } && HasContent(e))
        {
            return SaveOutcome<Quote>.Refused([NotModifiable]);
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
                quote.ContactId = contact!.Id;
                newContact = created ? contact : null;
            }
        }
        else if (existing is null)
        {
            errors.Add(InvoiceResource.ContactRequired);
        }

        if (e.Has("Date"))
        {
            quote.Date = e.Date("Date") ?? book.Today(ctx.Now);
        }

        if (e.Has("ExpiryDate"))
        {
            quote.ExpiryDate = e.Date("ExpiryDate");
        }

        if (quote.ExpiryDate is { } expiry && expiry < quote.Date)
        {
            errors.Add("The expiry date cannot be before the quote date.");
        }

        if (e.Has("QuoteNumber"))
        {
            quote.QuoteNumber = e.Str("QuoteNumber", 255) is { Length: > 0 } n ? n.Trim() : null;
        }

        if (e.Has("Reference"))
        {
            quote.Reference = e.Str("Reference", 4000);
        }

        if (e.Has("Title"))
        {
            quote.Title = e.Str("Title", 100);
        }

        if (e.Has("Summary"))
        {
            quote.Summary = e.Str("Summary", 3000);
        }

        if (e.Has("Terms"))
        {
            quote.Terms = e.Str("Terms", 4000);
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
                quote.CurrencyCode = code;
                quote.CurrencyRate = rate;
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
                quote.CurrencyRate = quote.CurrencyCode == book.Tenant.BaseCurrency ? 1m : currencyRate;
            }
        }

        var lineTypesChanged = false;
        if (e.Has("LineAmountTypes"))
        {
            var lat = e.Str("LineAmountTypes");
            var canonical = LineAmountTypeNames.FirstOrDefault(x => string.Equals(x, lat, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                errors.Add("LineAmountTypes must be EXCLUSIVE, INCLUSIVE or NOTAX.");
            }
            else
            {
                lineTypesChanged = canonical != quote.LineAmountTypes;
                quote.LineAmountTypes = canonical;
            }
        }

        if (errors.Count > 0)
        {
            return SaveOutcome<Quote>.Refused(errors);
        }

        if (e.Arr("LineItems") is { } lines)
        {
            var previous = quote.LineItems;
            quote.LineItems = [];
            foreach (var l in lines)
            {
                if (LineItems.Bind(ctx, "ACCREC", quote.LineAmountTypes, discountsAllowed: true, l, previous, errors) is { } line)
                {
                    quote.LineItems.Add(line);
                }
            }
        }
        else if (lineTypesChanged)
        {
            quote.LineItems = [.. quote.LineItems.Select(l => l.TaxOverridden ? l : l with
            {
                TaxAmount = InvoiceMath.LineTax(l.LineAmount, book.TaxRate(l.TaxType)?.Rate ?? 0m, quote.LineAmountTypes),
            })];
        }

        if (requested == "SENT" && quote.LineItems.Count == 0)
        {
            errors.Add("A quote must have at least one line item before it can be sent.");
        }

        if (errors.Count > 0)
        {
            return SaveOutcome<Quote>.Refused(errors);
        }

        (quote.SubTotal, quote.TotalTax, quote.Total, quote.TotalDiscount) = InvoiceMath.Totals(quote.LineItems, quote.LineAmountTypes);
        quote.Status = requested;
        if (quote.QuoteNumber is null)
        {
            quote.QuoteNumber = book.TakeQuoteNumber();
        }
        else if (book.Quotes.All.Any(o => o.Id != quote.Id && o.Status != "DELETED" &&
            string.Equals(o.QuoteNumber, quote.QuoteNumber, StringComparison.OrdinalIgnoreCase)))
        {
            return SaveOutcome<Quote>.Refused([NumberTaken]);
        }

        return new SaveOutcome<Quote>(quote, [], newContact is null ? null : () =>
        {
            newContact.Updated = ctx.Now;
            book.Contacts.Upsert(newContact);
        });
    }

    /// <summary>Whether an element changes anything besides the status.</summary>
    private static bool HasContent(ElementReader e) =>
        e.Has("Contact") || e.Has("LineItems") || e.Has("Date") || e.Has("ExpiryDate") || e.Has("QuoteNumber") || e.Has("Reference") ||
        e.Has("Title") || e.Has("Summary") || e.Has("Terms") || e.Has("CurrencyCode") || e.Has("CurrencyRate") || e.Has("LineAmountTypes");

    /// <summary>The quote lifecycle: DRAFT → SENT → ACCEPTED or DECLINED; ACCEPTED → INVOICED; any but INVOICED → DELETED.</summary>
    private static string? TransitionError(string? from, string to) => (from, to) switch
    {
        (null, "DRAFT" or "SENT") => null,
        (null, _) => "A quote can only be created as DRAFT or SENT.",
        _ when from == to => null,
        (_, "DELETED") => null,
        ("DRAFT", "SENT") => null,
        ("DRAFT", _) => $"A DRAFT quote can only be sent or deleted; it cannot become {to}.",
        ("SENT", "ACCEPTED" or "DECLINED") => null,
        ("SENT", _) => $"A SENT quote can only be accepted, declined or deleted; it cannot become {to}.",
        ("ACCEPTED", "INVOICED") => null,
        ("ACCEPTED", _) => $"An ACCEPTED quote can only be invoiced or deleted; it cannot become {to}.",
        ("DECLINED", _) => $"A DECLINED quote can only be deleted; it cannot become {to}.",
        _ => NotModifiable,
    };
}
