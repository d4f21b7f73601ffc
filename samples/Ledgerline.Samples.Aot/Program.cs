// Ledgerline in a Native AOT app: on a standalone FreshBooks sandbox, connect, create a contact and an invoice, record a
// payment, list the contact's invoices and read the invoice back; on a standalone Xero sandbox, the same story through
// Xero's OAuth flow (XeroStory.cs). Connections are kept in SQLite. Published with PublishAot=true (no JIT, no runtime
// code generation, trimmed); exit code 0 when every step of every story run did what it should.
//
//   ledgerline-freshbooks-sandbox --urls http://127.0.0.1:5000      # prints FRESHBOOKS_API_URL and FRESHBOOKS_AUTH_URL
//   ledgerline-xero-sandbox --urls http://127.0.0.1:5090            # prints "Xero sandbox listening on …"
//   dotnet publish samples/Ledgerline.Samples.Aot -c Release -o out/aot
//   FRESHBOOKS_API_URL=http://127.0.0.1:5000/ XERO_SANDBOX_URL=http://127.0.0.1:5090/ out/aot/Ledgerline.Samples.Aot
//
// Either variable alone runs that provider's story only.
using System.Text.Json;
using Ledgerline;
using Ledgerline.FreshBooks.Connections;
using Ledgerline.Samples.Aot;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

var apiUrl = Environment.GetEnvironmentVariable("FRESHBOOKS_API_URL") is { Length: > 0 } api
    ? new Uri(api)
    : null;
var xeroUrl = Environment.GetEnvironmentVariable(XeroStory.UrlVariable) is { Length: > 0 } xero
    ? new Uri(xero.EndsWith('/') ? xero : xero + "/")
    : null;
if (apiUrl is null && xeroUrl is null)
{
    Console.Error.WriteLine(
        $"Set FRESHBOOKS_API_URL and/or {XeroStory.UrlVariable} to the sandboxes' addresses (each sandbox tool prints its own on start).");
    return 2;
}

var authUrl = Environment.GetEnvironmentVariable("FRESHBOOKS_AUTH_URL") is { Length: > 0 } auth ? new Uri(auth) : null;
var database = Path.Combine(Path.GetTempPath(), $"ledgerline-aot-{Guid.NewGuid():N}.db");

var services = new ServiceCollection();
var ledgerline = services.AddLedgerline();
if (apiUrl is not null)
{
    ledgerline.AddFreshBooks(o =>
    {
        o.ClientId = "ledgerline-sandbox";
        o.ClientSecret = "ledgerline-sandbox-secret";
        o.RedirectUri = new Uri("http://127.0.0.1/callback");
        o.ApiBaseUrl = apiUrl;
        o.AuthBaseUrl = authUrl ?? apiUrl;
    });
}

if (xeroUrl is not null)
{
    XeroStory.Register(ledgerline, xeroUrl);
}

ledgerline.AddSqliteConnections(database);

try
{
    await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    if (apiUrl is not null)
    {
        await FreshBooksStoryAsync(provider, apiUrl);
    }

    if (xeroUrl is not null)
    {
        await XeroStory.RunAsync(provider, xeroUrl);
    }

    return 0;
}
catch (Exception ex)
{
    // Any failure, Ledgerline's or the runtime's (a trimmed member, a missing constructor), fails the run.
    Console.Error.WriteLine($"aot story: FAILED: {ex}");
    return 1;
}
finally
{
    SqliteConnection.ClearAllPools();
    foreach (var file in new[] { database, database + "-wal", database + "-shm" })
    {
        File.Delete(file);
    }
}

static async Task FreshBooksStoryAsync(IServiceProvider provider, Uri apiUrl)
{
    // 1. Connect: the sandbox issues a token pair without its consent page (POST /_sandbox/tokens, sandbox only); the
    //    connector reads which business it belongs to and stores the connection in SQLite.
    var tokens = await SandboxTokens.IssueAsync(apiUrl);
    var connector = provider.GetRequiredService<FreshBooksConnector>();
    var grant = await connector.ImportTokensAsync(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.Scopes);
    var connection = await connector.ConnectAsync("aot", grant, grant.Businesses[0]);
    Console.WriteLine($"connected '{connection.Id}' to {grant.Businesses[0].Name}");

    // 2. A contact and an invoice for it.
    // Both providers may be registered here: the ledger names its own.
    var ledger = provider.GetRequiredService<ILedgerFactory>().Open("FreshBooks", "aot");
    var contact = await ledger.Contacts.CreateAsync(new NewContact
    {
        Organization = "Native AOT Ltd.",
        Email = "aot@example.com",
        Phones = [new ContactPhone(PhoneKind.Mobile, "+1 555 0100")],
    });
    Check(contact.Organization == "Native AOT Ltd." && contact.Email == "aot@example.com", $"contact read back as {contact}");
    Check(contact.Phones is [{ Kind: PhoneKind.Mobile, Number: "+1 555 0100" }], $"contact phones read back as {contact.Phones.Count}");

    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    var invoice = await ledger.Invoices.CreateAsync(new NewInvoice
    {
        ContactId = contact.Id,
        Currency = CurrencyCode.USD,
        IssueDate = today,
        DueDate = today.AddDays(30),
        Notes = "Published with PublishAot",
        Lines =
        [
            new NewInvoiceLine { Name = "Trimmed build", Quantity = 2, UnitPrice = new Money(40.00m, CurrencyCode.USD) },
            new NewInvoiceLine { Name = "Startup check", Quantity = 1, UnitPrice = new Money(20.00m, CurrencyCode.USD) },
        ],
    });
    Console.WriteLine($"created contact {contact.Id} and invoice {invoice.Id}: total {invoice.Total}, status {invoice.Status}");
    Check(invoice.Total == new Money(100.00m, CurrencyCode.USD), $"invoice total {invoice.Total}, expected 100.00 USD");
    Check(invoice.Lines.Count == 2 && invoice.Lines[0].Name == "Trimmed build", $"invoice has {invoice.Lines.Count} lines");

    // 3. A payment of part of it.
    var payment = await ledger.Payments.CreateAsync(new NewPayment
    {
        InvoiceId = invoice.Id,
        Amount = new Money(30.00m, CurrencyCode.USD),
        Date = today,
        Note = "First instalment",
    });
    Console.WriteLine($"recorded payment {payment.Id}: {payment.Amount} on {payment.Date:yyyy-MM-dd}");
    Check(payment.InvoiceId == invoice.Id && payment.Amount == new Money(30.00m, CurrencyCode.USD), $"payment read back as {payment}");

    // 4. The contact's invoices: exactly the new one.
    var listed = new List<Invoice>();
    await foreach (var each in ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = contact.Id }))
    {
        listed.Add(each);
    }

    Check(listed is [{ } only] && only.Id == invoice.Id, $"listing the contact's invoices returned {listed.Count}, expected the new one");
    Console.WriteLine($"listed {listed.Count} invoice for contact {contact.Id}");

    // 5. Read the invoice back: every field the story set, and the payment applied.
    var read = await ledger.Invoices.GetAsync(invoice.Id);
    Check(read.ContactId == contact.Id, $"contact id {read.ContactId}");
    Check(read.Currency == CurrencyCode.USD && read.IssueDate == today && read.DueDate == today.AddDays(30), $"currency {read.Currency}, dates {read.IssueDate}/{read.DueDate}");
    Check(read.Notes == "Published with PublishAot", $"notes '{read.Notes}'");
    Check(read.Lines.Count == 2 && read.Lines[1] is { Name: "Startup check", Quantity: 1 } && read.Lines[1].UnitPrice == new Money(20.00m, CurrencyCode.USD),
        $"lines read back: {string.Join("; ", read.Lines)}");
    Check(read.Total == new Money(100.00m, CurrencyCode.USD), $"total {read.Total}");
    Check(read.AmountPaid == new Money(30.00m, CurrencyCode.USD) && read.AmountDue == new Money(70.00m, CurrencyCode.USD),
        $"paid {read.AmountPaid}, due {read.AmountDue}");
    Check(read.Status == InvoiceStatus.PartiallyPaid && read.State == RecordState.Active, $"status {read.Status}, state {read.State}");
    Check(read.UpdatedAt is { Offset.Ticks: 0 } updated && updated != default, $"updated at {read.UpdatedAt:O}");
    Console.WriteLine($"read back invoice {read.Id}: total {read.Total}, paid {read.AmountPaid}, due {read.AmountDue}, status {read.Status}");

    Console.WriteLine("freshbooks aot story: passed");
}

static void Check(bool condition, string failure)
{
    if (!condition)
    {
        throw new InvalidOperationException(failure);
    }
}

/// <summary>A token pair the sandbox issues without its consent page (sandbox only; a real app runs the OAuth flow).</summary>
internal sealed record SandboxTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes)
{
    /// <summary>Asks the sandbox for a token pair; the body is read as a document, so no serializer metadata is needed.</summary>
    public static async Task<SandboxTokens> IssueAsync(Uri sandbox)
    {
        using var http = new HttpClient { BaseAddress = sandbox };
        using var response = await http.PostAsync(new Uri("_sandbox/tokens", UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var json = await JsonDocument.ParseAsync(body);
        var root = json.RootElement;
        return new SandboxTokens(
            root.GetProperty("access_token").GetString()!,
            root.GetProperty("refresh_token").GetString()!,
            DateTimeOffset.UtcNow.AddSeconds(root.GetProperty("expires_in").GetInt64()),
            root.GetProperty("scope").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
