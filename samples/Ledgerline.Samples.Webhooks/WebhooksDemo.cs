using System.Globalization;
using Ledgerline.Connections;
using Ledgerline.FreshBooks;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ledgerline.Samples.Webhooks;

/// <summary>
/// A webhook receiver against the FreshBooks sandbox, in one process: start the sandbox, host the receiver on
/// 127.0.0.1, connect, subscribe (the verification round-trip completes by itself), make changes through the stores,
/// and print the canonical change events FreshBooks' signed deliveries become.
/// </summary>
internal static class WebhooksDemo
{
    public const string ConnectionId = "default";
    public const string WebhookPath = "/webhooks/freshbooks";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        DemoOptions options;
        try
        {
            options = DemoOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            output.WriteLine(ex.Message);
            return 2;
        }

        output.WriteLine("Starting the FreshBooks sandbox in-process…");
        await using var sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions(), cancellationToken);
        output.WriteLine($"  sandbox: {sandbox.BaseAddress}");

        var printer = new ConsoleChangePrinter(output);
        await using var app = BuildReceiver(sandbox, printer, options.Port);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var receiverUri = new Uri(new Uri(address), WebhookPath);
        output.WriteLine($"  receiver: {receiverUri}");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await ConnectAsync(app.Services, sandbox, output, timeout.Token);
            await SubscribeAsync(app.Services, receiverUri, output, timeout.Token);
            var expected = await MakeChangesAsync(app.Services.GetRequiredService<ILedger>(), output, timeout.Token);
            await AwaitChangesAsync(printer, expected, output, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            output.WriteLine($"Timed out after {options.Timeout.TotalSeconds:0} s waiting for FreshBooks (sandbox).");
            return 1;
        }

        if (options.KeepListening)
        {
            output.WriteLine($"Listening on {receiverUri}; change data in the sandbox ({sandbox.BaseAddress}) to see events. Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C.
            }
        }

        output.WriteLine("Done.");
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static WebApplication BuildReceiver(FreshBooksSandbox sandbox, ConsoleChangePrinter printer, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Logging.ClearProviders();
        builder.Services.AddLedgerline(o => o.DefaultConnectionId = ConnectionId)
            .AddFreshBooks(o =>
            {
                o.ApiBaseUrl = sandbox.BaseAddress;
                o.AuthBaseUrl = sandbox.BaseAddress;
                o.ClientId = sandbox.Options.ClientId;
                o.ClientSecret = sandbox.Options.ClientSecret;
            })
            .AddFreshBooksWebhooks(o => o.FetchRecords = true);
        builder.Services.AddSingleton<ILedgerChangeHandler>(printer);

        var app = builder.Build();
        app.MapFreshBooksWebhooks(WebhookPath);
        return app;
    }

    private static async Task ConnectAsync(IServiceProvider services, FreshBooksSandbox sandbox, TextWriter output, CancellationToken cancellationToken)
    {
        // The quickstart sample walks the OAuth consent flow; here the sandbox issues the tokens directly so the demo
        // stays about webhooks. The property names are the FreshBooks adapter's connection settings.
        var tokens = sandbox.IssueTokens();
        var business = sandbox.Data.PrimaryBusiness;
        await services.GetRequiredService<IConnectionStore>().SaveAsync(
            new LedgerConnection
            {
                Id = ConnectionId,
                Provider = "FreshBooks",
                Tokens = new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt),
                Properties = new Dictionary<string, string>
                {
                    [FreshBooksConnectionProperties.AccountId] = business.AccountId,
                    [FreshBooksConnectionProperties.BusinessId] = business.BusinessId.ToString(CultureInfo.InvariantCulture),
                    [FreshBooksConnectionProperties.BusinessName] = business.Name,
                },
            },
            cancellationToken);
        output.WriteLine($"Connected \"{ConnectionId}\" to {business.Name} (account {business.AccountId}).");
    }

    private static async Task SubscribeAsync(IServiceProvider services, Uri receiverUri, TextWriter output, CancellationToken cancellationToken)
    {
        var subscriptions = services.GetRequiredService<IFreshBooksWebhookSubscriptions>();
        var secrets = services.GetRequiredService<IWebhookSecretStore>();
        LedgerChangeTopic[] topics = [new(EntityKind.Contact), new(EntityKind.Invoice)];
        foreach (var callback in await subscriptions.SubscribeAsync(ConnectionId, topics, receiverUri, cancellationToken))
        {
            output.WriteLine($"Subscribed callback {callback.Id} to {callback.EventName}; FreshBooks now posts a verifier to the receiver.");
        }

        // The endpoint sends each verifier back by itself; wait until FreshBooks reports every callback live.
        while (true)
        {
            // Verified at FreshBooks and its verifier saved here: a delivery signed with it can be checked from now on.
            var callbacks = await subscriptions.ListAsync(ConnectionId, cancellationToken);
            var saved = await Task.WhenAll(callbacks.Select(c => secrets.GetAsync(c.Id, cancellationToken)));
            if (callbacks.Count >= topics.Length && callbacks.All(c => c.Verified) && saved.All(s => s?.Verifier is not null))
            {
                output.WriteLine($"Verified {callbacks.Count} callbacks: {string.Join(", ", callbacks.Select(c => c.EventName))}.");
                return;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<List<(EntityKind Entity, ChangeKind Kind, string Id)>> MakeChangesAsync(
        ILedger ledger, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine("Making changes through the stores…");
        var contact = await ledger.Contacts.CreateAsync(
            new NewContact { Organization = "Lovelace Analytical Engines", Email = "ada@example.test" }, cancellationToken);
        await ledger.Contacts.UpdateAsync(contact.Id, new ContactChanges { Email = "accounts@example.test" }, cancellationToken);
        var invoice = await ledger.Invoices.CreateAsync(
            new NewInvoice
            {
                ContactId = contact.Id,
                Currency = CurrencyCode.USD,
                IssueDate = new DateOnly(2026, 1, 15),
                Lines = [new NewInvoiceLine { Name = "Difference engine tuning", Quantity = 2m, UnitPrice = new Money(150m, CurrencyCode.USD) }],
            },
            cancellationToken);
        await ledger.Invoices.DeleteAsync(invoice.Id, cancellationToken);
        output.WriteLine($"  created and updated contact {contact.Id}; created and deleted invoice {invoice.Id}");
        return
        [
            (EntityKind.Contact, ChangeKind.Created, contact.Id),
            (EntityKind.Contact, ChangeKind.Updated, contact.Id),
            (EntityKind.Invoice, ChangeKind.Created, invoice.Id),
            (EntityKind.Invoice, ChangeKind.Deleted, invoice.Id),
        ];
    }

    private static async Task AwaitChangesAsync(
        ConsoleChangePrinter printer, List<(EntityKind Entity, ChangeKind Kind, string Id)> expected, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine("Waiting for the deliveries…");
        var missing = new HashSet<(EntityKind, ChangeKind, string)>(expected);
        while (missing.Count > 0)
        {
            var change = await printer.Received.ReadAsync(cancellationToken);
            missing.Remove((change.Entity, change.Kind, change.EntityId));
        }

        output.WriteLine($"Received all {expected.Count} expected change events.");
    }
}
