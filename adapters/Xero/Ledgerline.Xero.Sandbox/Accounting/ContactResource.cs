using System.Text.Json;
using System.Text.RegularExpressions;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// <c>/Contacts</c>: no DELETE (archive with <c>ContactStatus</c>), names unique among active contacts, <c>IsCustomer</c>
/// and <c>IsSupplier</c> read-only (set by invoices), archived contacts listed only with <c>includeArchived=true</c>.
/// </summary>
internal static partial class ContactResource
{
    private static readonly string[] AddressTypes = ["POBOX", "STREET", "DELIVERY"];
    private static readonly string[] PhoneTypes = ["DEFAULT", "DDI", "MOBILE", "FAX", "OFFICE"];
    private static readonly string[] Statuses = ["ACTIVE", "ARCHIVED", "GDPRREQUEST"];

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Email();

    public static XeroResource<Contact> Create(SandboxServices s) => new()
    {
        Services = s,
        Name = "Contacts",
        IdName = "ContactID",
        ReadScopes = ["accounting.contacts.read"],
        WriteScopes = ["accounting.contacts"],
        Store = b => b.Contacts,
        Write = Write,
        Paged = true,
        MatchesKey = (c, key) => string.Equals(c.ContactNumber, key, StringComparison.OrdinalIgnoreCase),
        MatchOnPost = (book, e) => e.Str("ContactNumber") is { Length: > 0 } number
            ? book.Contacts.All.FirstOrDefault(c => string.Equals(c.ContactNumber, number, StringComparison.OrdinalIgnoreCase))
            : null,
        Filters = Filters,
        Save = Save,
    };

    private static Func<Contact, bool>? Filters(IQueryCollection query)
    {
        var includeArchived = string.Equals(query["includeArchived"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var ids = Ids(query["IDs"].ToString());
        var search = query["searchTerm"].ToString();
        return c => (includeArchived || c.ContactStatus != "ARCHIVED") &&
            (ids is null || ids.Contains(c.Id)) &&
            (search.Length == 0 || new[] { c.Name, c.FirstName, c.LastName, c.ContactNumber, c.CompanyNumber, c.EmailAddress }
                .Any(v => v?.Contains(search, StringComparison.OrdinalIgnoreCase) == true));
    }

    /// <summary>A comma-separated id list; ids that do not parse match nothing (they name no record).</summary>
    internal static HashSet<Guid>? Ids(string text) =>
        text.Length == 0 ? null : [.. text.Split(',', StringSplitOptions.TrimEntries).Select(t => Guid.TryParse(t.Trim('"'), out var g) ? g : Guid.Empty)];

    public static void Write(Utf8JsonWriter w, Contact c, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("ContactID", c.Id);
        Writers.Opt(w, "ContactNumber", c.ContactNumber);
        Writers.Opt(w, "AccountNumber", c.AccountNumber);
        w.WriteString("ContactStatus", c.ContactStatus);
        w.WriteString("Name", c.Name);
        Writers.Opt(w, "FirstName", c.FirstName);
        Writers.Opt(w, "LastName", c.LastName);
        Writers.Opt(w, "EmailAddress", c.EmailAddress);
        Writers.Opt(w, "CompanyNumber", c.CompanyNumber);
        Writers.Opt(w, "TaxNumber", c.TaxNumber);
        Writers.Opt(w, "DefaultCurrency", c.DefaultCurrency);
        w.WriteStartArray("Addresses");
        foreach (var a in c.Addresses)
        {
            w.WriteStartObject();
            w.WriteString("AddressType", a.AddressType);
            Writers.Opt(w, "AddressLine1", a.AddressLine1);
            Writers.Opt(w, "AddressLine2", a.AddressLine2);
            Writers.Opt(w, "City", a.City);
            Writers.Opt(w, "Region", a.Region);
            Writers.Opt(w, "PostalCode", a.PostalCode);
            Writers.Opt(w, "Country", a.Country);
            Writers.Opt(w, "AttentionTo", a.AttentionTo);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("Phones");
        foreach (var p in c.Phones)
        {
            w.WriteStartObject();
            w.WriteString("PhoneType", p.PhoneType);
            Writers.Opt(w, "PhoneNumber", p.PhoneNumber);
            Writers.Opt(w, "PhoneAreaCode", p.PhoneAreaCode);
            Writers.Opt(w, "PhoneCountryCode", p.PhoneCountryCode);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Writers.Updated(w, c.Updated);
        Writers.EmptyArray(w, "ContactGroups");
        w.WriteBoolean("IsSupplier", c.IsSupplier);
        w.WriteBoolean("IsCustomer", c.IsCustomer);
        Writers.EmptyArray(w, "ContactPersons");
        w.WriteBoolean("HasAttachments", false);
        w.WriteBoolean("HasValidationErrors", false);
        w.WriteEndObject();
    }

    private static SaveOutcome<Contact> Save(SaveContext ctx, ElementReader e, Contact? existing)
    {
        var errors = new List<string>();
        var c = (Contact?)existing?.Copy() ?? new Contact
        {
            Id = Guid.NewGuid(),
            Addresses = [new Address("STREET", null, null, null, null, null, null, null), new Address("POBOX", null, null, null, null, null, null, null)],
            Phones = [new Phone("DEFAULT", null, null, null), new Phone("DDI", null, null, null), new Phone("FAX", null, null, null), new Phone("MOBILE", null, null, null)],
        };

        if (e.Has("Name"))
        {
            c.Name = e.Str("Name", 255)?.Trim() ?? "";
        }

        if (c.Name.Length == 0)
        {
            errors.Add("The contact name must be specified.");
        }

        if (e.Has("ContactNumber"))
        {
            c.ContactNumber = e.Str("ContactNumber", 50);
        }

        if (e.Has("ContactStatus"))
        {
            var status = e.Str("ContactStatus")?.ToUpperInvariant();
            if (status is null || !Statuses.Contains(status))
            {
                errors.Add("ContactStatus must be ACTIVE, ARCHIVED or GDPRREQUEST.");
            }
            else
            {
                c.ContactStatus = status;
            }
        }

        if (e.Has("AccountNumber"))
        {
            c.AccountNumber = e.Str("AccountNumber", 50);
        }

        if (e.Has("FirstName"))
        {
            c.FirstName = e.Str("FirstName", 255);
        }

        if (e.Has("LastName"))
        {
            c.LastName = e.Str("LastName", 255);
        }

        if (e.Has("EmailAddress"))
        {
            c.EmailAddress = e.Str("EmailAddress", 255) is { Length: > 0 } email ? email : null;
            if (c.EmailAddress is not null && !Email().IsMatch(c.EmailAddress))
            {
                errors.Add("Email address must be valid.");
            }
        }

        if (e.Has("CompanyNumber"))
        {
            c.CompanyNumber = e.Str("CompanyNumber", 50);
        }

        if (e.Has("TaxNumber"))
        {
            c.TaxNumber = e.Str("TaxNumber", 50);
        }

        if (e.Has("DefaultCurrency"))
        {
            c.DefaultCurrency = e.Str("DefaultCurrency", 3)?.ToUpperInvariant();
            if (c.DefaultCurrency is not null && !ctx.Book.CurrencyRates.ContainsKey(c.DefaultCurrency))
            {
                errors.Add($"The currency code {c.DefaultCurrency} is not set up for this organisation.");
            }
        }

        foreach (var a in e.Arr("Addresses") ?? [])
        {
            var type = a.Str("AddressType")?.ToUpperInvariant();
            if (type is null || !AddressTypes.Contains(type))
            {
                errors.Add("AddressType must be POBOX, STREET or DELIVERY.");
                continue;
            }

            var address = new Address(type, a.Str("AddressLine1", 500), a.Str("AddressLine2", 500), a.Str("City", 255), a.Str("Region", 255),
                a.Str("PostalCode", 50), a.Str("Country", 50), a.Str("AttentionTo", 255));
            var i = c.Addresses.FindIndex(x => x.AddressType == type);
            if (i >= 0)
            {
                c.Addresses[i] = address;
            }
            else
            {
                c.Addresses.Add(address);
            }
        }

        foreach (var p in e.Arr("Phones") ?? [])
        {
            var type = p.Str("PhoneType")?.ToUpperInvariant();
            if (type is null || !PhoneTypes.Contains(type))
            {
                errors.Add("PhoneType must be DEFAULT, DDI, MOBILE, FAX or OFFICE.");
                continue;
            }

            var phone = new Phone(type, p.Str("PhoneNumber", 50), p.Str("PhoneAreaCode", 10), p.Str("PhoneCountryCode", 20));
            var i = c.Phones.FindIndex(x => x.PhoneType == type);
            if (i >= 0)
            {
                c.Phones[i] = phone;
            }
            else
            {
                c.Phones.Add(phone);
            }
        }

        if (errors.Count == 0 && c.ContactStatus == "ACTIVE" &&
            ctx.Book.Contacts.All.Any(o => o.Id != c.Id && o.ContactStatus == "ACTIVE" && string.Equals(o.Name, c.Name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"The contact name {c.Name} is already assigned to another contact. The contact name must be unique across all active contacts.");
        }

        if (errors.Count == 0 && c.ContactNumber is { Length: > 0 } number &&
            ctx.Book.Contacts.All.Any(o => o.Id != c.Id && string.Equals(o.ContactNumber, number, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"The contact number {number} is already assigned to another contact.");
        }

        return errors.Count > 0 ? SaveOutcome<Contact>.Refused(errors) : new SaveOutcome<Contact>(c, errors);
    }
}
