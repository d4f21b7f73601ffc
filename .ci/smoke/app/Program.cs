// The story a new user runs against a standalone FreshBooks sandbox: connect with the sandbox's token issuance, create a
// contact and an invoice, list invoices, check health. Exit code 0 when every step did what it should, 1 otherwise.
using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline;
using Ledgerline.FreshBooks.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

var apiUrl = new Uri(Environment.GetEnvironmentVariable("FRESHBOOKS_API_URL") ?? throw new InvalidOperationException("Set FRESHBOOKS_API_URL."));
var authUrl = new Uri(Environment.GetEnvironmentVariable("FRESHBOOKS_AUTH_URL") ?? apiUrl.ToString());
var database = Path.Combine(Path.GetTempPath(), $"ledgerline-smoke-{Guid.NewGuid():N}.db");
var noise = new CountingLoggerProvider();

var services = new ServiceCollection();
services.AddLogging(logging => logging.AddProvider(noise));
services.AddLedgerline()
    .AddFreshBooks(o =>
    {
        o.ClientId = "ledgerline-sandbox";
        o.ClientSecret = "ledgerline-sandbox-secret";
        o.RedirectUri = new Uri("http://127.0.0.1/callback");
        o.ApiBaseUrl = apiUrl;
        o.AuthBaseUrl = authUrl;
    })
    .AddSqliteConnections(database);
services.AddHealthChecks().AddLedgerlineConnections(["smoke"]).AddLedgerlineFreshBooks();

try
{
    await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

    // 1. Connect: the sandbox issues a token pair without its consent page; the connector reads who it belongs to.
    using var http = new HttpClient { BaseAddress = apiUrl };
    using var issued = await http.PostAsync("_sandbox/tokens", content: null);
    issued.EnsureSuccessStatusCode();
    var tokens = await issued.Content.ReadFromJsonAsync<JsonElement>();
    var connector = provider.GetRequiredService<FreshBooksConnector>();
    var grant = await connector.ImportTokensAsync(
        tokens.GetProperty("access_token").GetString()!,
        tokens.GetProperty("refresh_token").GetString()!,
        DateTimeOffset.UtcNow.AddSeconds(tokens.GetProperty("expires_in").GetInt64()),
        tokens.GetProperty("scope").GetString()!.Split(' '));
    var connection = await connector.ConnectAsync("smoke", grant, grant.Businesses[0]);
    Console.WriteLine($"connected '{connection.Id}' to {grant.Businesses[0].Name} (stored in SQLite)");

    // Connecting may warn once (this store keeps tokens unencrypted: no Data Protection here); the calls below must not log
    // at Information or above, however many requests they make.
    Console.WriteLine($"{noise.AtInformationOrAbove} log line(s) at Information or above while connecting: {noise.First ?? "none"}");
    noise.Reset();

    // 2. Create a contact and an invoice for it.
    var ledger = provider.GetRequiredService<ILedgerFactory>().Open("smoke");
    var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Smoke Test Ltd.", Email = "smoke@example.com" });
    var invoice = await ledger.Invoices.CreateAsync(new NewInvoice
    {
        ContactId = contact.Id,
        Currency = CurrencyCode.USD,
        IssueDate = DateOnly.FromDateTime(DateTime.UtcNow),
        Lines = [new NewInvoiceLine { Name = "Packaging check", Quantity = 3, UnitPrice = new Money(12.50m, CurrencyCode.USD) }],
    });
    Console.WriteLine($"created contact {contact.Id} and invoice {invoice.Id}: total {invoice.Total}, status {invoice.Status}");

    // 3. List: the new invoice is there, with the total FreshBooks computed.
    var listed = new List<Invoice>();
    await foreach (var each in ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = contact.Id }))
    {
        listed.Add(each);
    }

    Check(listed.Count == 1 && listed[0].Id == invoice.Id, $"listing the contact's invoices returned {listed.Count}, expected the new one");
    Check(listed[0].Total == new Money(37.50m, CurrencyCode.USD), $"total {listed[0].Total}, expected 37.50 USD");
    Check(noise.AtInformationOrAbove == 0, $"{noise.AtInformationOrAbove} log lines at Information or above: {noise.First}");

    // 4. Health: the connection is usable and the sandbox answers.
    var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    Check(health.Status == HealthStatus.Healthy,
        "health " + string.Join("; ", health.Entries.Select(e => $"{e.Key}: {e.Value.Status} {e.Value.Description}")));
    Console.WriteLine($"listed {listed.Count} invoice; creating and listing logged nothing at Information or above");
    Console.WriteLine($"health: {string.Join(", ", health.Entries.Select(e => $"{e.Key} {e.Value.Status}"))}");
    Console.WriteLine("smoke story: passed");
    return 0;
}
catch (Exception ex) when (ex is LedgerlineException or HttpRequestException or InvalidOperationException)
{
    Console.Error.WriteLine($"smoke story: FAILED: {ex}");
    return 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var file in new[] { database, database + "-wal", database + "-shm" })
    {
        File.Delete(file);
    }
}

static void Check(bool condition, string failure)
{
    if (!condition)
    {
        throw new InvalidOperationException(failure);
    }
}

/// <summary>Counts what an app with default logging would show: lines at Information and above.</summary>
internal sealed class CountingLoggerProvider : ILoggerProvider
{
    private int _total;
    private int _atInformationOrAbove;

    public int Total => _total;

    public int AtInformationOrAbove => _atInformationOrAbove;

    public string? First { get; private set; }

    public void Reset()
    {
        _total = 0;
        _atInformationOrAbove = 0;
        First = null;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CountingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Interlocked.Increment(ref owner._total);
            if (logLevel >= LogLevel.Information && Interlocked.Increment(ref owner._atInformationOrAbove) == 1)
            {
                owner.First = $"{logLevel} {category}: {formatter(state, exception)}";
            }
        }
    }
}
