using System.Net;
using System.Text.RegularExpressions;
using Ledgerline.Xero;
using Ledgerline.Xero.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Samples.Aot;

/// <summary>
/// The Xero story in a Native AOT app, against a standalone Xero sandbox: connect an organisation through Xero's OAuth flow
/// (PKCE; the sandbox's consent page answered as a browser would), read the company and a tax rate, create a contact and a
/// taxed invoice, approve it, record a payment, list the contact's invoices and read the invoice back. The adapter maps
/// Xero's records with its mappings written as code here, as Mapster cannot run without dynamic code.
/// </summary>
internal static partial class XeroStory
{
    /// <summary>The sandbox's base address (what it prints as "Xero sandbox listening on …").</summary>
    public const string UrlVariable = "XERO_SANDBOX_URL";

    private const string ConnectionId = "aot-xero";

    /// <summary>The organisation the story connects: the sandbox's New Zealand one (GST, NZD).</summary>
    private const string OrganisationName = "Ledgerline Demo NZ";

    private static readonly CurrencyCode Nzd = CurrencyCode.Parse("NZD");

    /// <summary>Registers the Xero adapter against the sandbox, with its sandbox-only app credentials.</summary>
    public static void Register(LedgerlineBuilder ledgerline, Uri sandbox) =>
        ledgerline.AddXero(o =>
        {
            o.ClientId = "LEDGERLINESANDBOXCLIENT0000000001";
            o.ClientSecret = "ledgerline-xero-sandbox-secret";
            o.RedirectUri = new Uri("http://127.0.0.1/callback");
            o.ApiBaseUrl = sandbox;
            o.IdentityBaseUrl = sandbox;
            o.LoginBaseUrl = sandbox;

            // The sandbox organisations' chart of accounts: bank account, sales and purchases.
            o.PaymentAccountCode = "090";
            o.SalesAccountCode = "200";
            o.PurchaseAccountCode = "400";
        });

    public static async Task RunAsync(IServiceProvider provider, Uri sandbox)
    {
        // 1. Connect: the authorization request (PKCE), the consent page's form sent back with "allow", the code exchanged
        //    for tokens, the organisation picked from GET /connections and the connection stored in SQLite.
        var connector = provider.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        var (code, state) = await ConsentAsync(request.AuthorizationUrl);
        Check(request.IsExpectedState(state), "the redirect's state is not the request's");
        var grant = await connector.ExchangeCodeAsync(request, code, state);
        var organisation = grant.Organisations.FirstOrDefault(o => o.Name == OrganisationName)
            ?? throw new InvalidOperationException($"the grant does not reach '{OrganisationName}': {string.Join(", ", grant.Organisations.Select(o => o.Name))}");
        var connection = await connector.ConnectAsync(ConnectionId, grant, organisation);
        Console.WriteLine($"connected '{connection.Id}' to Xero organisation {organisation.Name} (sandbox at {sandbox})");

        // 2. The company and the tax rate the invoice lines carry.
        var ledger = provider.GetRequiredService<ILedgerFactory>().Open("Xero", ConnectionId);
        var company = await ledger.Company.GetAsync();
        Check(company.Name == OrganisationName && company.BaseCurrency == Nzd && company.CountryCode == "NZ",
            $"company read back as {company.Name}, {company.BaseCurrency}, {company.CountryCode}");
        var gst = await ledger.TaxRates.GetAsync("OUTPUT2");
        Check(gst is { Percent: 15m, State: RecordState.Active }, $"tax rate OUTPUT2 read back as {gst.Name} {gst.Percent}%");
        LineTax[] taxed = [new LineTax(gst.Name, gst.Percent) { TaxRateId = gst.Id }];

        // 3. A contact and a taxed invoice for it, approved (Xero records new invoices as drafts, and pays approved ones only).
        var contact = await ledger.Contacts.CreateAsync(new NewContact
        {
            Organization = "Native AOT Ltd.",
            Email = "aot@example.com",
            Phones = [new ContactPhone(PhoneKind.Mobile, "021 555 0100")],
        });
        Check(contact.Organization == "Native AOT Ltd." && contact.Email == "aot@example.com", $"contact read back as {contact}");
        Check(contact.Phones is [{ Kind: PhoneKind.Mobile, Number: "021 555 0100" }], $"contact phones read back as {contact.Phones.Count}");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var nzd = Nzd;
        var draft = await ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id,
            Currency = nzd,
            IssueDate = today,
            DueDate = today.AddDays(30),
            Notes = "Published with PublishAot",
            Lines =
            [
                new NewInvoiceLine { Name = "Trimmed build", Quantity = 2, UnitPrice = new Money(40.00m, nzd), Taxes = taxed },
                new NewInvoiceLine { Name = "Startup check", Description = "Cold start", Quantity = 1, UnitPrice = new Money(20.00m, nzd), Taxes = taxed },
            ],
        });
        Check(draft.Status == InvoiceStatus.Draft, $"new invoice status {draft.Status}");
        var invoice = await ledger.Invoices.MarkAsSentAsync(draft.Id);
        Console.WriteLine($"created contact {contact.Id} and invoice {invoice.Number} ({invoice.Id}): total {invoice.Total}, status {invoice.Status}");
        Check(invoice.Subtotal == new Money(100.00m, nzd) && invoice.Tax == new Money(15.00m, nzd) && invoice.Total == new Money(115.00m, nzd),
            $"invoice subtotal {invoice.Subtotal}, tax {invoice.Tax}, total {invoice.Total}; expected 100.00 + 15.00 = 115.00 NZD");
        Check(invoice.Status == InvoiceStatus.Sent, $"approved invoice status {invoice.Status}");

        // 4. A payment of part of it.
        var payment = await ledger.Payments.CreateAsync(new NewPayment
        {
            InvoiceId = invoice.Id,
            Amount = new Money(30.00m, nzd),
            Date = today,
            Note = "First instalment",
        });
        Console.WriteLine($"recorded payment {payment.Id}: {payment.Amount} on {payment.Date:yyyy-MM-dd}");
        Check(payment.InvoiceId == invoice.Id && payment.Amount == new Money(30.00m, nzd) && payment.ContactId == contact.Id,
            $"payment read back as {payment}");

        // 5. The contact's invoices: exactly the new one.
        var listed = new List<Invoice>();
        await foreach (var each in ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = contact.Id }))
        {
            listed.Add(each);
        }

        Check(listed is [{ } only] && only.Id == invoice.Id, $"listing the contact's invoices returned {listed.Count}, expected the new one");
        Console.WriteLine($"listed {listed.Count} invoice for contact {contact.Id}");

        // 6. Read the invoice back: every field the story set, the tax and the payment applied.
        var read = await ledger.Invoices.GetAsync(invoice.Id);
        Check(read.ContactId == contact.Id, $"contact id {read.ContactId}");
        Check(read.Currency == nzd && read.IssueDate == today && read.DueDate == today.AddDays(30), $"currency {read.Currency}, dates {read.IssueDate}/{read.DueDate}");
        Check(read.Notes == "Published with PublishAot", $"notes '{read.Notes}'");
        Check(read.Lines.Count == 2 && read.Lines[1] is { Name: "Startup check", Description: "Cold start", Quantity: 1 }
            && read.Lines[1].UnitPrice == new Money(20.00m, nzd) && read.Lines[1].Taxes is [{ TaxRateId: "OUTPUT2", Percent: 15m }],
            $"lines read back: {string.Join("; ", read.Lines)}");
        Check(read.Total == new Money(115.00m, nzd) && read.AmountPaid == new Money(30.00m, nzd) && read.AmountDue == new Money(85.00m, nzd),
            $"total {read.Total}, paid {read.AmountPaid}, due {read.AmountDue}");
        Check(read.Status == InvoiceStatus.PartiallyPaid && read.ProviderStatus == "AUTHORISED" && read.State == RecordState.Active,
            $"status {read.Status} ({read.ProviderStatus}), state {read.State}");
        Check(read.UpdatedAt is { Offset.Ticks: 0 } updated && updated != default, $"updated at {read.UpdatedAt:O}");
        Console.WriteLine($"read back invoice {read.Id}: total {read.Total}, paid {read.AmountPaid}, due {read.AmountDue}, status {read.Status}");

        Console.WriteLine("xero aot story: passed");
    }

    /// <summary>
    /// Answers the sandbox's consent page as the user's browser would: reads its form (the authorization request's hidden
    /// fields and a checkbox per organisation), sends it back with "allow" and reads the code and state from the redirect
    /// to the app, without following it (nothing listens on the redirect URI here).
    /// </summary>
    private static async Task<(string Code, string? State)> ConsentAsync(Uri authorizationUrl)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        var page = await browser.GetStringAsync(authorizationUrl);
        var form = FormRegex().Match(page);
        Check(form.Success, "the consent page has no form");
        var fields = InputRegex().Matches(form.Groups["body"].Value)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Append(KeyValuePair.Create("decision", "allow"))
            .ToList();
        using var content = new FormUrlEncodedContent(fields);
        using var answer = await browser.PostAsync(new Uri(authorizationUrl, WebUtility.HtmlDecode(form.Groups["action"].Value)), content);
        var location = answer.Headers.Location;
        Check(answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && location is not null,
            $"the consent page answered HTTP {(int)answer.StatusCode} instead of redirecting to the app");
        var query = location!.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length == 2 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : string.Empty, StringComparer.Ordinal);
        var code = query.GetValueOrDefault("code");
        Check(!string.IsNullOrEmpty(code), $"the redirect carries no code (error '{query.GetValueOrDefault("error")}')");
        return (code!, query.GetValueOrDefault("state"));
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }

    [GeneratedRegex("""<form\b[^>]*\baction="(?<action>[^"]*)"[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    // Hidden fields and checked checkboxes: the page writes type, then name, then value.
    [GeneratedRegex("""<input\b[^>]*\bname="(?<name>[^"]*)"[^>]*\bvalue="(?<value>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();
}
