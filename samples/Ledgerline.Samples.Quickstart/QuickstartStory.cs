using Ledgerline.FreshBooks.Connections;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.Samples.Quickstart.Consent;
using Ledgerline.Samples.Quickstart.Output;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledgerline.Samples.Quickstart;

/// <summary>
/// The quickstart's story, start to finish: connect a FreshBooks business through OAuth, create a client and an invoice,
/// record payments, list unpaid invoices page by page, archive and restore the client. Everything after the connection
/// goes through Ledgerline's canonical interfaces (<see cref="ILedger"/>, <see cref="IContactStore"/>,
/// <see cref="IInvoiceStore"/>, <see cref="IPaymentStore"/>); only connecting is FreshBooks-specific. With
/// <see cref="QuickstartProvider.Xero"/> the same story runs on an embedded Xero sandbox, connected through Xero's OAuth
/// flow (PKCE, then <c>/connections</c>); what Xero does not offer through Ledgerline is shown as its typed refusal.
/// </summary>
internal sealed class QuickstartStory
{
    /// <summary>What the story needs and no more: ask for the least an app can work with.</summary>
    internal static readonly IReadOnlyList<string> Scopes =
    [
        "user:profile:read", "user:clients:read", "user:clients:write", "user:invoices:read", "user:invoices:write",
        "user:payments:read", "user:payments:write", "user:estimates:read", "user:estimates:write",
        "user:credit_notes:read", "user:credit_notes:write", "user:bill_vendors:read", "user:bill_vendors:write",
        "user:bills:read", "user:bills:write", "user:bill_payments:read", "user:bill_payments:write", "user:expenses:read",
    ];

    /// <summary>
    /// Where the sandbox sends the browser back. Nothing needs to listen there: the scripted browser reads the redirect
    /// instead of following it, as an app's callback endpoint would receive it.
    /// </summary>
    internal static readonly Uri SandboxRedirectUri = new("http://127.0.0.1/ledgerline/callback");

    private const string Indent = "   ";
    private const int ShownInvoices = 5;

    private readonly TextWriter _out;
    private readonly QuickstartOptions _options;
    private readonly QuickstartResult _result = new();
    private int _section;

    private bool OnXero => _options.Provider == QuickstartProvider.Xero;

    private CurrencyCode Currency => OnXero ? _options.XeroCurrency : _options.Currency;

    private QuickstartStory(TextWriter output, QuickstartOptions options)
    {
        _out = output;
        _options = options;
    }

    /// <summary>
    /// Runs the story, writing what happens to <paramref name="output"/>. Failures do not throw: the result says which
    /// step failed and why, in one line. Only cancellation through <paramref name="cancellationToken"/> throws.
    /// </summary>
    public static async Task<QuickstartResult> RunAsync(TextWriter output, QuickstartOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, RecordQuery.MaxPageSize);

        var story = new QuickstartStory(output, options);
        var started = options.TimeProvider.GetTimestamp();
        try
        {
            await story.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (IsStoryFailure(ex, cancellationToken))
        {
            story._result.Error = $"{story._result.Step} failed: {Describe(ex)}";
        }

        story._result.Elapsed = options.TimeProvider.GetElapsedTime(started);
        if (story._result.Succeeded && story.OnXero)
        {
            output.WriteLine();
            var refused = story._result.Refusals.Count == 0 ? string.Empty
                : $"; refused typed: {string.Join(", ", story._result.Refusals.Select(r => $"{r.Entity} {r.Feature}"))}";
            output.WriteLine($"Done in {Format.Duration(story._result.Elapsed)}: connected, invoiced, paid, listed, archived, restored, quoted, credited, billed and paid the bill through Ledgerline's canonical interfaces{refused}.");
        }
        else if (story._result.Succeeded)
        {
            output.WriteLine();
            output.WriteLine($"Done in {Format.Duration(story._result.Elapsed)}: connected, invoiced, paid, listed, archived, restored, quoted, credited, billed and paid the bill through Ledgerline's canonical interfaces.");
        }

        return story._result;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        _result.Provider = _options.Provider;
        if (OnXero)
        {
            await RunOnXeroAsync(cancellationToken);
            return;
        }

        FreshBooksSandbox? ownSandbox = null;
        var sandbox = _options.Sandbox;
        if (_options.FreshBooks is null && sandbox is null)
        {
            _result.Step = "Starting the sandbox";
            ownSandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions { SeedInvoices = _options.SeedInvoices, LinesPerInvoice = 3 }, cancellationToken);
            sandbox = ownSandbox;
        }
        else if (_options.FreshBooks is not null)
        {
            sandbox = null;
        }

        await using (ownSandbox)
        {
            _result.UsedSandbox = sandbox is not null;
            _out.WriteLine(sandbox is null
                ? $"Ledgerline quickstart on FreshBooks at {_options.FreshBooks!.ApiBaseUrl?.AbsoluteUri ?? "https://api.freshbooks.com/"} (app {_options.FreshBooks.ClientId}, redirect URI {_options.FreshBooks.RedirectUri})"
                : $"Ledgerline quickstart on the FreshBooks sandbox at {sandbox.BaseAddress} ({(ownSandbox is null ? "given" : "in-process")}, no account needed)");

            await using var services = BuildServices(sandbox);
            await ConnectAsync(services, sandbox, cancellationToken);
            await RunStoryAsync(services, cancellationToken);
        }
    }

    private async Task RunOnXeroAsync(CancellationToken cancellationToken)
    {
        XeroSandbox? ownSandbox = null;
        var sandbox = _options.XeroSandbox;
        if (sandbox is null)
        {
            _result.Step = "Starting the sandbox";
            var sandboxOptions = new XeroSandboxOptions { SeedInvoices = _options.SeedInvoices, LinesPerInvoice = 3 };

            // The story makes more calls in a few seconds than Xero's 60 a minute; the adapter would wait out each 429.
            sandboxOptions.RateLimits.Enabled = false;
            ownSandbox = await XeroSandbox.StartAsync(sandboxOptions, cancellationToken);
            sandbox = ownSandbox;
        }

        await using (ownSandbox)
        {
            _result.UsedSandbox = true;
            _out.WriteLine($"Ledgerline quickstart on the Xero sandbox at {sandbox.BaseAddress} ({(ownSandbox is null ? "given" : "in-process")}, no account needed)");
            if (ownSandbox is not null)
            {
                _out.WriteLine($"{Indent}Seeded {_options.SeedInvoices} extra invoices in {sandbox.PrimaryTenant.Name}, so that listing really spans pages.");
            }

            await using var services = BuildXeroServices(sandbox);
            await ConnectXeroAsync(services, sandbox, cancellationToken);
            await RunStoryAsync(services, cancellationToken);
        }
    }

    private async Task RunStoryAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        {
            // From here on, nothing is FreshBooks-specific: the same code runs on any Ledgerline provider.
            var ledger = services.GetRequiredService<ILedger>();
            var contacts = services.GetRequiredService<IContactStore>();
            var invoices = services.GetRequiredService<IInvoiceStore>();
            var payments = services.GetRequiredService<IPaymentStore>();
            _out.WriteLine($"{Indent}Ledger ready: provider {ledger.ProviderName}, connection \"{ledger.ConnectionId}\"");

            var contact = await CreateContactAsync(contacts, cancellationToken);
            var invoice = await CreateInvoiceAsync(ledger, invoices, contact, cancellationToken);
            await PayAsync(invoices, payments, invoice, cancellationToken);
            await ListUnpaidAsync(invoices, contacts, cancellationToken);
            await ArchiveAndRestoreAsync(contacts, contact, cancellationToken);
            var quoted = await QuoteAndInvoiceAsync(ledger, contact, cancellationToken);
            await ApplyCreditAsync(ledger, quoted, cancellationToken);
            await RecordAndPayBillAsync(ledger, cancellationToken);
        }
    }

    private ServiceProvider BuildXeroServices(XeroSandbox sandbox)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_options.TimeProvider);
        services.AddLogging(logging => _options.ConfigureLogging?.Invoke(logging));
        services.AddLedgerline(o => o.DefaultConnectionId = _options.ConnectionId)
            .AddXero(o =>
            {
                o.ClientId = sandbox.Options.ClientId;
                o.ClientSecret = sandbox.Options.ClientSecret;
                o.RedirectUri = SandboxRedirectUri;
                o.ApiBaseUrl = sandbox.BaseAddress;
                o.IdentityBaseUrl = sandbox.BaseAddress;
                o.LoginBaseUrl = sandbox.BaseAddress;

                // The sandbox organisations' chart of accounts: bank account, sales and purchases.
                o.PaymentAccountCode = "090";
                o.SalesAccountCode = "200";
                o.PurchaseAccountCode = "400";
            });
        return services.BuildServiceProvider();
    }

    private async Task ConnectXeroAsync(IServiceProvider services, XeroSandbox sandbox, CancellationToken cancellationToken)
    {
        Section("Connecting Xero", "Connect a Xero organisation (OAuth 2.0 authorization code flow with PKCE)");
        var connector = services.GetRequiredService<XeroConnector>();
        var request = connector.CreateAuthorizationRequest();
        _out.WriteLine($"{Indent}Authorization URL: {request.AuthorizationUrl.AbsoluteUri}");

        AuthorizationRedirect redirect;
        using (var browser = ScriptedBrowser.CreateHttpClient())
        {
            redirect = await new ScriptedBrowser(browser, _options.SandboxConsent, _out).AuthorizeAsync(request.AuthorizationUrl, cancellationToken);
        }

        if (redirect.Error is { } error)
        {
            throw new QuickstartException(
                $"Xero did not grant access ({error}{(redirect.ErrorDescription is { } d ? ": " + d : string.Empty)}).");
        }

        if (string.IsNullOrWhiteSpace(redirect.Code))
        {
            throw new QuickstartException("The redirect back to the app carries no authorization code.");
        }

        if (!request.IsExpectedState(redirect.State))
        {
            // The redirect did not come from the flow this app started (CSRF): its code must not be used.
            throw new QuickstartException("The redirect's state does not match the authorization request's; the code was not used.");
        }

        _out.WriteLine($"{Indent}Redirected back with a code; the state matches the request.");
        var grant = await connector.ExchangeCodeAsync(request, redirect.Code, redirect.State, cancellationToken);
        _out.WriteLine($"{Indent}Code exchanged for tokens with the PKCE code verifier: {grant.Scopes.Count} scopes granted ({string.Join(", ", grant.Scopes.Order(StringComparer.Ordinal))}).");

        Section("Picking an organisation", "Pick an organisation (GET /connections)");
        _result.Organisations = grant.Organisations;
        var table = new TextTable(("Organisation", Align.Left), ("Type", Align.Left), ("Tenant id", Align.Left));
        foreach (var o in grant.Organisations)
        {
            table.AddRow(o.Name, o.TenantType, o.TenantId.ToString("D"));
        }

        table.WriteTo(_out, Indent);
        var organisation = grant.Organisations.FirstOrDefault(o => o.TenantId == sandbox.PrimaryTenant.TenantId)
            ?? (grant.Organisations.Count > 0 ? grant.Organisations[0] : null)
            ?? throw new QuickstartException("The grant reaches no Xero organisation: allow at least one on the consent page.");
        var connection = await connector.ConnectAsync(_options.ConnectionId, grant, organisation, cancellationToken);
        _result.Organisation = organisation;
        _result.ConnectionId = connection.Id;
        _out.WriteLine($"{Indent}Picked {organisation.Name} (tenant {organisation.TenantId:D}), the organisation the sandbox seeded.");
        _out.WriteLine($"{Indent}Stored connection \"{connection.Id}\" pinned to it (xero-tenant-id on every call); the tokens stay inside the connection store.");
    }

    private ServiceProvider BuildServices(FreshBooksSandbox? sandbox)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_options.TimeProvider);
        services.AddLogging(logging => _options.ConfigureLogging?.Invoke(logging));
        services.AddLedgerline(o => o.DefaultConnectionId = _options.ConnectionId)
            .AddFreshBooks(o =>
            {
                if (sandbox is not null)
                {
                    o.ClientId = sandbox.Options.ClientId;
                    o.ClientSecret = sandbox.Options.ClientSecret;
                    o.RedirectUri = SandboxRedirectUri;
                    o.ApiBaseUrl = sandbox.BaseAddress;
                    o.AuthBaseUrl = sandbox.BaseAddress;
                }
                else
                {
                    var credentials = _options.FreshBooks!;
                    o.ClientId = credentials.ClientId;
                    o.ClientSecret = credentials.ClientSecret;
                    o.RedirectUri = credentials.RedirectUri;
                    o.ApiBaseUrl = credentials.ApiBaseUrl ?? o.ApiBaseUrl;
                    o.AuthBaseUrl = credentials.AuthBaseUrl ?? o.AuthBaseUrl;
                }
            });
        return services.BuildServiceProvider();
    }

    private async Task ConnectAsync(IServiceProvider services, FreshBooksSandbox? sandbox, CancellationToken cancellationToken)
    {
        Section("Connecting FreshBooks", "Connect a FreshBooks account (OAuth 2.0 authorization code flow)");
        var connector = services.GetRequiredService<FreshBooksConnector>();
        var request = connector.CreateAuthorizationRequest(Scopes);
        _out.WriteLine($"{Indent}Authorization URL: {request.AuthorizationUrl.AbsoluteUri}");

        AuthorizationRedirect redirect;
        if (sandbox is not null)
        {
            using var browser = ScriptedBrowser.CreateHttpClient();
            redirect = await new ScriptedBrowser(browser, _options.SandboxConsent, _out).AuthorizeAsync(request.AuthorizationUrl, cancellationToken);
        }
        else
        {
            var interactive = _options.Input is null && !Console.IsInputRedirected;
            redirect = await new ConsoleConsent(_options.Input ?? Console.In, _out, endPromptLine: !interactive).AuthorizeAsync(request.AuthorizationUrl, cancellationToken);
        }

        if (redirect.Error is { } error)
        {
            throw new QuickstartException(
                $"FreshBooks did not grant access ({error}{(redirect.ErrorDescription is { } d ? ": " + d : string.Empty)}).");
        }

        if (string.IsNullOrWhiteSpace(redirect.Code))
        {
            throw new QuickstartException("The redirect back to the app carries no authorization code.");
        }

        if (redirect.State is null && sandbox is null)
        {
            _out.WriteLine($"{Indent}A bare code was pasted, so the state could not be checked; a web app always checks it.");
        }
        else if (!request.IsExpectedState(redirect.State))
        {
            // The redirect did not come from the flow this app started (CSRF): its code must not be used.
            throw new QuickstartException("The redirect's state does not match the authorization request's; the code was not used.");
        }
        else
        {
            _out.WriteLine($"{Indent}Redirected back with a code; the state matches the request.");
        }

        var grant = await connector.ExchangeCodeAsync(redirect.Code, cancellationToken);
        var who = string.Join(' ', new[] { grant.FirstName, grant.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        _out.WriteLine($"{Indent}Code exchanged for tokens: signed in as {who} <{grant.Email}>, {grant.Scopes.Count} scopes granted.");

        Section("Picking a business", "Pick a business");
        _result.Businesses = grant.Businesses;
        var table = new TextTable(("Business", Align.Left), ("Role", Align.Left), ("Account id", Align.Left), ("Business id", Align.Right));
        foreach (var b in grant.Businesses)
        {
            table.AddRow(b.Name, b.Role, b.AccountId, b.BusinessId);
        }

        table.WriteTo(_out, Indent);
        var business = grant.Businesses.FirstOrDefault(b => string.Equals(b.Role, "owner", StringComparison.OrdinalIgnoreCase))
            ?? throw new QuickstartException(
                $"None of the user's {grant.Businesses.Count} businesses has the owner role; the quickstart only writes to a business the user owns.");
        var connection = await connector.ConnectAsync(_options.ConnectionId, grant, business, cancellationToken);
        _result.Business = business;
        _result.ConnectionId = connection.Id;
        _out.WriteLine($"{Indent}Picked the first owner-role business: {business.Name} (account {business.AccountId}).");
        _out.WriteLine($"{Indent}Stored connection \"{connection.Id}\" pinned to it; the tokens stay inside the connection store.");
    }

    private async Task<Contact> CreateContactAsync(IContactStore contacts, CancellationToken cancellationToken)
    {
        Section("Creating a client", "Create a client (IContactStore.CreateAsync)");
        var contact = await contacts.CreateAsync(
            new NewContact
            {
                FirstName = "Nancy",
                LastName = "Davolio",
                Organization = "Northwind Traders",
                Email = "nancy.davolio@northwind.test",
                Currency = Currency,
            },
            cancellationToken);
        _result.Contact = contact;
        _out.WriteLine($"{Indent}Created contact {contact.Id}: {contact.DisplayName}, {contact.FirstName} {contact.LastName} <{contact.Email}>, {contact.State}");
        return contact;
    }

    private async Task<Invoice> CreateInvoiceAsync(ILedger ledger, IInvoiceStore invoices, Contact contact, CancellationToken cancellationToken)
    {
        Section("Creating an invoice", "Create an invoice with lines, a tax and a discount (IInvoiceStore.CreateAsync)");
        var currency = Currency;
        var today = DateOnly.FromDateTime(_options.TimeProvider.GetUtcNow().UtcDateTime);

        // Xero names a line's tax by one of the organisation's tax rates (its TaxType) and taxes every line of a taxed
        // document, so there the untaxed lines carry the zero rate; FreshBooks takes a name and a percentage.
        var tax = OnXero ? new LineTax("GST on Income", 15m) { TaxRateId = "OUTPUT2" } : new LineTax("HST", 13m);
        LineTax[] untaxed = OnXero ? [new LineTax("Zero Rated", 0m) { TaxRateId = "ZERORATED" }] : [];
        var invoice = await invoices.CreateAsync(
            new NewInvoice
            {
                ContactId = contact.Id,
                Currency = currency,
                IssueDate = today,
                DueDate = today.AddDays(30),
                DiscountPercent = 10m,

                // Xero keeps payment terms on the contact or organisation, never on an invoice, and refuses them here.
                Terms = OnXero ? null : "Net 30",
                Lines =
                [
                    new() { Name = "Consulting", Description = "Architecture review (hours)", Quantity = 10m, UnitPrice = new Money(120m, currency), Taxes = [tax] },
                    new() { Name = "Workshop", Description = "Half-day team workshop", Quantity = 1m, UnitPrice = new Money(450m, currency), Taxes = untaxed },
                    new() { Name = "Hosting", Description = "Staging environment (months)", Quantity = 3m, UnitPrice = new Money(19.99m, currency), Taxes = untaxed },
                ],
            },
            cancellationToken);
        Record(invoice);

        _out.WriteLine($"{Indent}Invoice {invoice.Number} (id {invoice.Id}) for {contact.DisplayName}: issued {Format.Date(invoice.IssueDate)}, due {Format.Date(invoice.DueDate)}, {invoice.Currency}");
        var lines = new TextTable(("#", Align.Right), ("Item", Align.Left), ("Qty", Align.Right), ("Unit price", Align.Right), ("Amount", Align.Right), ("Tax", Align.Left));
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            lines.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), line.Name, Format.Number(line.Quantity),
                Format.Amount(line.UnitPrice), Format.Amount(line.Amount), Format.Taxes(line.Taxes));
        }

        lines.WriteTo(_out, Indent);
        WriteTotals(
        [
            ("Subtotal", invoice.Subtotal),
            ($"Discount {Format.Number(invoice.DiscountPercent)}%", -invoice.Discount),
            ("Tax", invoice.Tax),
            ("Total", invoice.Total),
            ("Amount due", invoice.AmountDue),
        ]);
        _out.WriteLine($"{Indent}Status: {invoice.Status}");
        if (OnXero)
        {
            invoice = await ApproveAsync(ledger, invoice, cancellationToken);
        }

        return invoice;
    }

    /// <summary>Xero takes payments and credit only on approved invoices, and records new ones as drafts.</summary>
    private async Task<Invoice> ApproveAsync(ILedger ledger, Invoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.Status != InvoiceStatus.Draft || !ledger.Capabilities.Supports(EntityKind.Invoice, StoreOperations.MarkSent))
        {
            return invoice;
        }

        var approved = await ledger.Invoices.MarkAsSentAsync(invoice.Id, cancellationToken);
        if (invoice.Id == _result.Invoice?.Id)
        {
            Record(approved);
        }

        _out.WriteLine($"{Indent}Approved and marked as sent (IInvoiceStore.MarkAsSentAsync), as {ledger.ProviderName} takes payments only on approved invoices -> {approved.Status}");
        return approved;
    }

    private async Task PayAsync(IInvoiceStore invoices, IPaymentStore payments, Invoice invoice, CancellationToken cancellationToken)
    {
        Section("Recording payments", "Record a partial payment, then the rest (IPaymentStore.CreateAsync)");
        var today = DateOnly.FromDateTime(_options.TimeProvider.GetUtcNow().UtcDateTime);
        var partial = new Money(Math.Min(500m, Math.Round(invoice.AmountDue.Amount / 2, 2, MidpointRounding.AwayFromZero)), invoice.Currency);
        invoice = await RecordPaymentAsync(partial, "Bank Transfer");
        await RecordPaymentAsync(invoice.AmountDue, "Credit Card");
        _out.WriteLine($"{Indent}Status moves: {string.Join(" -> ", _result.InvoiceStatuses)}");

        async Task<Invoice> RecordPaymentAsync(Money amount, string method)
        {
            var payment = await payments.CreateAsync(
                new NewPayment { InvoiceId = invoice.Id, Amount = amount, Date = today, Method = PaymentMethod(method), Note = "Quickstart" },
                cancellationToken);
            _result.Payments.Add(payment);
            var updated = await invoices.GetAsync(invoice.Id, cancellationToken);
            Record(updated);
            _out.WriteLine($"{Indent}Payment {payment.Id}: {Format.Money(payment.Amount)}{By(payment.Method)} -> invoice {updated.Status}, paid {Format.Money(updated.AmountPaid)}, due {Format.Money(updated.AmountDue)}");
            return updated;
        }
    }

    private async Task ListUnpaidAsync(IInvoiceStore invoices, IContactStore contacts, CancellationToken cancellationToken)
    {
        Section("Listing unpaid invoices", $"List unpaid invoices page by page (IInvoiceStore.ListPageAsync, page size {_options.PageSize})");
        var query = InvoiceQuery.Unpaid() with { PageSize = _options.PageSize };
        var first = new List<Invoice>();
        string? cursor = null;
        do
        {
            var page = await invoices.ListPageAsync(query, cursor, cancellationToken);
            _result.UnpaidPageCounts.Add(page.Items.Count);
            first.AddRange(page.Items.Take(ShownInvoices - first.Count));
            _out.WriteLine($"{Indent}Page {_result.UnpaidPageCounts.Count}: {page.Items.Count} unpaid{(page.HasMore ? string.Empty : " (last page)")}");
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        if (_result.UnpaidPageCounts.SkipLast(1).Any(count => count < _options.PageSize))
        {
            _out.WriteLine($"{Indent}(A page can hold fewer than {_options.PageSize}: each page the provider sends is narrowed by the exact status check, and pages are not repacked.)");
        }

        // ListAsync does the paging itself: the simple way to walk everything.
        var listed = 0;
        var ours = false;
        await foreach (var unpaid in invoices.ListAsync(query, cancellationToken))
        {
            listed++;
            ours |= unpaid.Id == _result.Invoice?.Id;
        }

        _result.UnpaidListedCount = listed;
        _out.WriteLine($"{Indent}{_result.UnpaidPageCounts.Sum()} unpaid invoices on {_result.UnpaidPageCounts.Count} pages; IInvoiceStore.ListAsync (auto-paging) yields {listed}.");
        _out.WriteLine($"{Indent}Invoice {_result.Invoice?.Number} is {(ours ? "still listed as unpaid" : "not among them: it is paid")}.");

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var table = new TextTable(("Number", Align.Left), ("Client", Align.Left), ("Issued", Align.Left), ("Status", Align.Left),
            ("Total", Align.Right), ("Amount due", Align.Right));
        foreach (var invoice in first)
        {
            if (!names.TryGetValue(invoice.ContactId, out var name))
            {
                name = (await contacts.GetAsync(invoice.ContactId, cancellationToken)).DisplayName;
                names[invoice.ContactId] = name;
            }

            table.AddRow(invoice.Number, name, Format.Date(invoice.IssueDate), invoice.Status.ToString(), Format.Money(invoice.Total), Format.Money(invoice.AmountDue));
        }

        _out.WriteLine($"{Indent}The first {table.RowCount}:");
        table.WriteTo(_out, Indent);
    }

    private async Task ArchiveAndRestoreAsync(IContactStore contacts, Contact contact, CancellationToken cancellationToken)
    {
        Section("Archiving and restoring the client", "Archive the client, then restore it (IContactStore.ArchiveAsync / RestoreAsync)");
        var archived = await contacts.ArchiveAsync(contact.Id, cancellationToken);
        _out.WriteLine($"{Indent}Archived {contact.DisplayName} -> state {archived.State}");
        var (count, listed) = await FindAsync(contacts, new ContactQuery(), contact.Id, cancellationToken);
        _result.ArchivedContactHidden = !listed;
        _out.WriteLine($"{Indent}Default contact list (active only): {count} contacts, {contact.DisplayName} {(listed ? "is STILL listed" : "is gone")}");
        var (_, inArchive) = await FindAsync(contacts, new ContactQuery { States = RecordStates.Archived }, contact.Id, cancellationToken);
        _out.WriteLine($"{Indent}Listed with States = Archived: {contact.DisplayName} {(inArchive ? "is there" : "is MISSING")}");

        var restored = await contacts.RestoreAsync(contact.Id, cancellationToken);
        _result.Contact = restored;
        _out.WriteLine($"{Indent}Restored {contact.DisplayName} -> state {restored.State}");
        (count, listed) = await FindAsync(contacts, new ContactQuery(), contact.Id, cancellationToken);
        _result.RestoredContactListed = listed;
        _out.WriteLine($"{Indent}Default contact list: {count} contacts, {contact.DisplayName} {(listed ? "is back" : "is STILL missing")}");
    }

    private async Task<Invoice> QuoteAndInvoiceAsync(ILedger ledger, Contact contact, CancellationToken cancellationToken)
    {
        Section("Turning an estimate into an invoice", "Send an estimate, record its acceptance and turn it into an invoice (IEstimateStore)");
        var currency = Currency;
        var today = DateOnly.FromDateTime(_options.TimeProvider.GetUtcNow().UtcDateTime);
        var newEstimate = new NewEstimate
        {
            ContactId = contact.Id,
            Currency = currency,
            IssueDate = today,
            Notes = "Phase 2: data migration",
            Lines =
            [
                new() { Name = "Migration", Description = "Data migration (days)", Quantity = 4m, UnitPrice = new Money(800m, currency) },
                new() { Name = "Training", Description = "Admin training session", Quantity = 1m, UnitPrice = new Money(350m, currency) },
            ],
        };
        if (!ledger.Capabilities.Supports(EntityKind.Estimate, StoreOperations.Create))
        {
            // Capabilities say so up front; the store refuses typed, before any request, all the same.
            var refusal = await RefusedAsync(ledger, () => ledger.Estimates.CreateAsync(newEstimate, cancellationToken), "estimates");
            _out.WriteLine($"{Indent}{ledger.ProviderName} cannot keep estimates through Ledgerline: {refusal.Message}");

            // The credit note below still needs an open invoice: one with the estimate's lines, invoiced directly.
            var direct = await ledger.Invoices.CreateAsync(
                new NewInvoice { ContactId = contact.Id, Currency = currency, IssueDate = today, DueDate = today.AddDays(30), Notes = newEstimate.Notes, Lines = newEstimate.Lines },
                cancellationToken);
            _out.WriteLine($"{Indent}No estimate, so the same lines were invoiced directly (IInvoiceStore.CreateAsync): invoice {direct.Number} (id {direct.Id}), {direct.Lines.Count} lines, total {Format.Money(direct.Total)}, due {Format.Money(direct.AmountDue)}, {direct.Status}");
            direct = await ApproveAsync(ledger, direct, cancellationToken);
            _result.QuotedInvoice = direct;
            return direct;
        }

        var estimate = await ledger.Estimates.CreateAsync(newEstimate, cancellationToken);
        _result.EstimateStatuses.Add(estimate.Status);
        _out.WriteLine($"{Indent}Estimate {estimate.Number} (id {estimate.Id}) for {contact.DisplayName}: {Format.Money(estimate.Total)}, {estimate.Status}");

        estimate = await ledger.Estimates.MarkAsSentAsync(estimate.Id, cancellationToken);
        _result.EstimateStatuses.Add(estimate.Status);
        estimate = await ledger.Estimates.AcceptAsync(estimate.Id, cancellationToken);
        _result.EstimateStatuses.Add(estimate.Status);
        _result.Estimate = estimate;
        _out.WriteLine($"{Indent}Status moves: {string.Join(" -> ", _result.EstimateStatuses)}");

        var invoice = await ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, cancellationToken);
        _result.QuotedInvoice = invoice;
        _out.WriteLine($"{Indent}Converted into invoice {invoice.Number} (id {invoice.Id}): {invoice.Lines.Count} lines, total {Format.Money(invoice.Total)}, due {Format.Money(invoice.AmountDue)}, {invoice.Status}");
        return invoice;
    }

    private async Task ApplyCreditAsync(ILedger ledger, Invoice invoice, CancellationToken cancellationToken)
    {
        Section("Applying a credit note", "Issue a credit note and apply part of it to the invoice (ICreditNoteStore.AllocateAsync)");
        var currency = invoice.Currency;
        var today = DateOnly.FromDateTime(_options.TimeProvider.GetUtcNow().UtcDateTime);
        var credit = await ledger.CreditNotes.CreateAsync(
            new NewCreditNote
            {
                ContactId = invoice.ContactId,
                Currency = currency,
                IssueDate = today,
                Lines = [new() { Name = "Goodwill", Description = "Credit for the delayed workshop", Quantity = 1m, UnitPrice = new Money(300m, currency) }],
            },
            cancellationToken);
        _out.WriteLine($"{Indent}Credit note {credit.Number} (id {credit.Id}): {Format.Money(credit.Total)}, remaining {Format.Money(credit.RemainingCredit)}");

        var applied = new Money(200m, currency);

        // Credit is applied no earlier than the invoice is dated (Xero dates an invoice made from a quote in the
        // organisation's time zone, which can be a day ahead of UTC).
        var allocated = invoice.IssueDate > today ? invoice.IssueDate : today;
        credit = await ledger.CreditNotes.AllocateAsync(
            credit.Id, new NewCreditAllocation { InvoiceId = invoice.Id, Amount = applied, Date = allocated }, cancellationToken);
        _result.CreditNote = credit;
        var credited = await ledger.Invoices.GetAsync(invoice.Id, cancellationToken);
        _result.QuotedInvoice = credited;
        _out.WriteLine($"{Indent}Applied {Format.Money(applied)} to invoice {credited.Number}: credit remaining {Format.Money(credit.RemainingCredit)}; " +
            $"invoice due {Format.Money(credited.AmountDue)} (was {Format.Money(invoice.AmountDue)}), {credited.Status}");

        // Providers book applied credit differently (FreshBooks counts it as paid, others as credited); the sum agrees.
        _out.WriteLine($"{Indent}Settled on the invoice: {Format.Money(credited.AmountPaid + credited.AmountCredited)} (paid {Format.Money(credited.AmountPaid)}, credited {Format.Money(credited.AmountCredited)})");
    }

    private async Task RecordAndPayBillAsync(ILedger ledger, CancellationToken cancellationToken)
    {
        Section("Recording and paying a bill", "Record a vendor's bill and pay it (IVendorStore, IBillStore, IBillPaymentStore)");
        var currency = Currency;
        var today = DateOnly.FromDateTime(_options.TimeProvider.GetUtcNow().UtcDateTime);
        var vendor = await ledger.Vendors.CreateAsync(
            new NewVendor { Name = "Contoso Hosting", Email = "billing@contoso-hosting.test", Currency = currency }, cancellationToken);
        var bill = await ledger.Bills.CreateAsync(
            new NewBill
            {
                VendorId = vendor.Id,
                Currency = currency,
                IssueDate = today,
                DueDate = today.AddDays(14),
                Lines = [new() { Description = "Staging servers, one month", Quantity = 1m, UnitPrice = new Money(240m, currency) }],
            },
            cancellationToken);
        _result.Bill = bill;
        _out.WriteLine($"{Indent}Bill {bill.Number ?? bill.Id} from {vendor.Name}: {Format.Money(bill.Total)}, due {(bill.DueDate is { } due ? Format.Date(due) : "on receipt")}, {bill.Status}");

        if (!ledger.Capabilities.Supports(EntityKind.BillPayment, StoreOperations.Create))
        {
            // Capabilities say so up front; the store refuses typed, before any request, all the same.
            var refusal = await RefusedAsync(ledger, () => ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = bill.Id, Amount = bill.AmountDue, Date = today }, cancellationToken), "bill payments");
            _result.BillPaymentRefusal = refusal;
            _out.WriteLine($"{Indent}{ledger.ProviderName} cannot record bill payments through Ledgerline: {refusal.Message}");
            return;
        }

        var payment = await ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = bill.Id, Amount = bill.AmountDue, Date = today, Method = PaymentMethod("Bank Transfer") }, cancellationToken);
        bill = await ledger.Bills.GetAsync(bill.Id, cancellationToken);
        _result.Bill = bill;
        _result.BillPayment = payment;
        _out.WriteLine($"{Indent}Bill payment {payment.Id}: {Format.Money(payment.Amount)} -> bill {bill.Status}, paid {Format.Money(bill.AmountPaid)}, due {Format.Money(bill.AmountDue)}");
    }

    /// <summary>Calls what the provider declared it does not offer and returns the typed refusal it must answer.</summary>
    private async Task<OperationNotSupportedException> RefusedAsync<T>(ILedger ledger, Func<Task<T>> call, string what)
    {
        try
        {
            await call();
        }
        catch (OperationNotSupportedException ex)
        {
            _result.Refusals.Add(ex);
            return ex;
        }

        throw new QuickstartException($"{ledger.ProviderName} declares no {what}, yet recording one did not fail.");
    }

    /// <summary>Xero keeps no payment method (a payment names the bank account it went into) and refuses one.</summary>
    private string? PaymentMethod(string method) => OnXero ? null : method;

    private static string By(string? method) => method is null ? string.Empty : " by " + method;

    private static async Task<(int Count, bool Found)> FindAsync(IContactStore contacts, ContactQuery query, string id, CancellationToken cancellationToken)
    {
        var count = 0;
        var found = false;
        await foreach (var contact in contacts.ListAsync(query, cancellationToken))
        {
            count++;
            found |= contact.Id == id;
        }

        return (count, found);
    }

    private void Record(Invoice invoice)
    {
        _result.Invoice = invoice;
        _result.InvoiceStatuses.Add(invoice.Status);
    }

    private void WriteTotals(IReadOnlyList<(string Label, Money Amount)> rows)
    {
        var labelWidth = rows.Max(r => r.Label.Length);
        var amounts = rows.Select(r => Format.Money(r.Amount)).ToArray();
        var amountWidth = amounts.Max(a => a.Length);
        for (var i = 0; i < rows.Count; i++)
        {
            _out.WriteLine($"{Indent}{rows[i].Label.PadLeft(labelWidth + 20)}  {amounts[i].PadLeft(amountWidth)}");
        }
    }

    private void Section(string step, string title)
    {
        _result.Step = step;
        _out.WriteLine();
        _out.WriteLine($"{++_section}. {title}");
    }

    private static bool IsStoryFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        LedgerlineException or QuickstartException or HttpRequestException or OptionsValidationException => true,

        // A timeout of the scripted browser's HttpClient, not the caller's cancellation. The connectors' own refusals (a
        // missing setting, a grant used twice) are Ledgerline exceptions.
        OperationCanceledException => true,
        _ => false,
    };

    private static string Describe(Exception exception) => exception switch
    {
        OperationCanceledException => "a request timed out.",
        HttpRequestException http => $"the server could not be reached ({http.Message})",
        _ => exception.Message,
    };
}
