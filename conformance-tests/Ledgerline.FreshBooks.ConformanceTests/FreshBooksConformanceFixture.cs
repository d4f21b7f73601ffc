using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ledgerline.ConformanceTests;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.ConformanceTests;

/// <summary>
/// The FreshBooks adapter over HTTP against an in-process sandbox on 127.0.0.1:0, on the sandbox's clock. Each test's
/// ledger is a connection to the sandbox's primary business, emptied first, with freshly issued tokens; requests are
/// counted on the wire by the sandbox.
/// </summary>
public class FreshBooksConformanceFixture : LedgerConformanceFixture
{
    private FreshBooksSandbox? _sandbox;

    /// <summary>The sandbox serving this fixture.</summary>
    public FreshBooksSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox starts in InitializeAsync.");

    public override string ProviderName => "FreshBooks";

    /// <summary>
    /// What the FreshBooks adapter promises, restated here on purpose: the suite checks the adapter reports exactly this.
    /// Time entries: FreshBooks deletes them for good and cannot archive them, so no archive/restore, hard delete and
    /// active entries only. Every accounting store supports every state and every filter of its query (some filters are
    /// exact only after a covering server-side fetch; see the adapter's README).
    /// </summary>
    public override LedgerCapabilities ExpectedCapabilities { get; } = new(new Dictionary<EntityKind, StoreCapabilities>
    {
        [EntityKind.Contact] = Accounting(nameof(ContactQuery.Email), nameof(ContactQuery.OrganizationContains)),
        [EntityKind.Invoice] = Accounting(nameof(InvoiceQuery.ContactId), nameof(InvoiceQuery.Statuses), nameof(InvoiceQuery.IssueDate), nameof(InvoiceQuery.DueDate))
            with { Operations = StoreOperations.All | StoreOperations.MarkSent },
        [EntityKind.Payment] = Accounting(nameof(PaymentQuery.InvoiceId), nameof(PaymentQuery.ContactId), nameof(PaymentQuery.Date)),
        [EntityKind.Expense] = Accounting(nameof(ExpenseQuery.ContactId), nameof(ExpenseQuery.CategoryId), nameof(ExpenseQuery.Date)),
        [EntityKind.Item] = Accounting(nameof(ItemQuery.Code), nameof(ItemQuery.NameContains)),
        [EntityKind.TaxRate] = new StoreCapabilities
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Filters(nameof(TaxRateQuery.NameContains)),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
        },
        [EntityKind.Project] = new StoreCapabilities
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete | StoreOperations.Archive | StoreOperations.Restore,
            Filters = Filters(nameof(ProjectQuery.ContactId), nameof(ProjectQuery.IsComplete)),
            QueryableStates = RecordStates.NotDeleted,
            SoftDelete = false,
        },
        [EntityKind.TimeEntry] = new StoreCapabilities
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Filters(nameof(TimeEntryQuery.ContactId), nameof(TimeEntryQuery.ProjectId), nameof(TimeEntryQuery.StartedFrom),
                nameof(TimeEntryQuery.StartedTo), nameof(TimeEntryQuery.Billable), nameof(TimeEntryQuery.Billed)),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
        },
        [EntityKind.Estimate] = Accounting(nameof(EstimateQuery.ContactId), nameof(EstimateQuery.Statuses), nameof(EstimateQuery.IssueDate)) with
        {
            Operations = StoreOperations.All | StoreOperations.MarkSent | StoreOperations.Accept | StoreOperations.ConvertToInvoice,
        },
        [EntityKind.CreditNote] = Accounting(nameof(CreditNoteQuery.ContactId), nameof(CreditNoteQuery.Statuses), nameof(CreditNoteQuery.IssueDate)) with
        {
            Operations = StoreOperations.All | StoreOperations.Allocate,
        },
        [EntityKind.Vendor] = Accounting(nameof(VendorQuery.NameContains)),
        [EntityKind.Bill] = Accounting(nameof(BillQuery.VendorId), nameof(BillQuery.Statuses), nameof(BillQuery.IssueDate), nameof(BillQuery.DueDate)),

        // FreshBooks sends bill payments without any timestamp: no UpdatedSince.
        [EntityKind.BillPayment] = new StoreCapabilities
        {
            Operations = StoreOperations.All,
            Filters = new HashSet<string>([nameof(BillPaymentQuery.BillId), nameof(BillPaymentQuery.Date)], StringComparer.Ordinal),
            QueryableStates = RecordStates.All,
            SoftDelete = true,
        },
        [EntityKind.Company] = new StoreCapabilities { Operations = StoreOperations.Get, Filters = new HashSet<string>() },
    });

    public override long RequestCount => _sandbox?.Requests.Count ?? 0;

    public override async ValueTask InitializeAsync()
    {
        _sandbox = await FreshBooksSandbox.StartAsync(new SandboxOptions { SeedDefaultData = false });
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Sandbox.Clock);
        base.ConfigureServices(services);
    }

    public override void AddProvider(LedgerlineBuilder builder) =>
        builder.AddFreshBooks(o =>
        {
            o.ClientId = Sandbox.Options.ClientId;
            o.ClientSecret = Sandbox.Options.ClientSecret;
            o.RedirectUri = new Uri("http://127.0.0.1/callback");
            o.ApiBaseUrl = Sandbox.BaseAddress;
            o.AuthBaseUrl = Sandbox.BaseAddress;
        });

    public override Task AdvanceClockAsync(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        Sandbox.Clock.Advance(delay);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Makes, over the sandbox's HTTP API as FreshBooks' own application would, an invoice with a normal line whose second
    /// tax compounds on the first (GST 5 % then QST 9.975 %) and a line rebilling an expense (<c>type</c> 1 with its
    /// <c>expenseid</c>).
    /// </summary>
    public override async Task<string?> CreateInvoiceWithProviderLineDataAsync(ILedger ledger, string contactId, CancellationToken cancellationToken = default)
    {
        using var http = SandboxClient();
        var categories = await SendAsync(http, HttpMethod.Get, "expenses/categories", null, cancellationToken);
        var categoryId = categories["categories"]![0]!["categoryid"]!.GetValue<int>();
        var expense = await SendAsync(http, HttpMethod.Post, "expenses/expenses", new JsonObject
        {
            ["expense"] = new JsonObject
            {
                ["amount"] = new JsonObject { ["amount"] = "30.00", ["code"] = "USD" },
                ["categoryid"] = categoryId,
                ["clientid"] = int.Parse(contactId, CultureInfo.InvariantCulture),
                ["date"] = "2025-03-01",
                ["vendor"] = "Courier Co",
            },
        }, cancellationToken);
        var invoice = await SendAsync(http, HttpMethod.Post, "invoices/invoices", new JsonObject
        {
            ["invoice"] = new JsonObject
            {
                ["customerid"] = int.Parse(contactId, CultureInfo.InvariantCulture),
                ["create_date"] = "2025-03-10",
                ["currency_code"] = "USD",
                ["lines"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = 0, ["name"] = "Design", ["qty"] = "2", ["unit_cost"] = new JsonObject { ["amount"] = "100.00", ["code"] = "USD" },
                        ["taxName1"] = "GST", ["taxAmount1"] = "5", ["taxName2"] = "QST", ["taxAmount2"] = "9.975", ["compounded_tax"] = true,
                    },
                    new JsonObject
                    {
                        ["type"] = 1, ["expenseid"] = expense["expense"]!["expenseid"]!.GetValue<int>(), ["name"] = "Courier",
                        ["qty"] = "1", ["unit_cost"] = new JsonObject { ["amount"] = "30.00", ["code"] = "USD" },
                    }),
            },
        }, cancellationToken);
        return invoice["invoice"]!["invoiceid"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Each line's <c>type</c>, <c>expenseid</c> and <c>compounded_tax</c>, as the sandbox holds them.</summary>
    public override async Task<IReadOnlyList<string>> ProviderLineDataAsync(ILedger ledger, string invoiceId, CancellationToken cancellationToken = default)
    {
        using var http = SandboxClient();
        var invoice = await SendAsync(http, HttpMethod.Get, $"invoices/invoices/{invoiceId}?include[]=lines", null, cancellationToken);
        return [.. invoice["invoice"]!["lines"]!.AsArray().Select(l =>
            $"type={l!["type"]!.ToJsonString()} expenseid={l["expenseid"]!.ToJsonString()} compounded_tax={l["compounded_tax"]!.ToJsonString()}")];
    }

    private HttpClient SandboxClient()
    {
        var http = new HttpClient { BaseAddress = new Uri(Sandbox.BaseAddress, $"accounting/account/{Sandbox.Data.PrimaryBusiness.AccountId}/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sandbox.IssueTokens().AccessToken);
        return http;
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["response"]!["result"]!;
    }

    /// <summary>Empties the primary business and stores a connection to it with new tokens carrying every app scope.</summary>
    protected override async Task<string> CreateConnectionAsync(CancellationToken cancellationToken)
    {
        var business = Sandbox.Data.PrimaryBusiness;
        Sandbox.Data.Clear(business.AccountId);
        var tokens = Sandbox.IssueTokens();
        var id = "conformance-" + Guid.NewGuid().ToString("N");
        await Services.GetRequiredService<IConnectionStore>().SaveAsync(new LedgerConnection
        {
            Id = id,
            Provider = ProviderName,
            Tokens = new ConnectionTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt),
            Scopes = new HashSet<string>(tokens.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal),
            Properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FreshBooksConnectionProperties.AccountId] = business.AccountId,
                [FreshBooksConnectionProperties.BusinessId] = business.BusinessId.ToString(CultureInfo.InvariantCulture),
            },
        }, cancellationToken);
        return id;
    }

    private static StoreCapabilities Accounting(params string[] filters) => new()
    {
        Operations = StoreOperations.All,
        Filters = Filters(filters),
        QueryableStates = RecordStates.All,
        SoftDelete = true,
    };

    private static HashSet<string> Filters(params string[] filters) =>
        new([nameof(RecordQuery.UpdatedSince), .. filters], StringComparer.Ordinal);
}
