using Ledgerline.ConformanceTests;
using Ledgerline.Connections;
using Ledgerline.Xero.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.ConformanceTests;

/// <summary>
/// The Xero adapter over HTTP against an in-process Xero sandbox on 127.0.0.1:0, on the sandbox's clock. Each test's
/// ledger is a connection to the sandbox's primary organisation (NZD), emptied first, with freshly issued tokens; requests
/// are counted on the wire by the sandbox. The sandbox's rate limits are off: the suite makes far more than Xero's 60
/// calls a minute, and the adapter's handling of 429 is tested in the adapter's own tests.
/// </summary>
public class XeroConformanceFixture : LedgerConformanceFixture
{
    private XeroSandbox? _sandbox;
    private readonly SemaphoreSlim _setup = new(1, 1);
    private readonly Dictionary<string, string> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Connection, string Contact), string> _projects = [];
    private readonly Dictionary<(string Project, bool Billable), string> _tasks = [];

    /// <summary>The sandbox serving this fixture.</summary>
    public XeroSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox starts in InitializeAsync.");

    public override string ProviderName => "Xero";

    /// <summary>
    /// What the Xero adapter promises, restated here on purpose: the suite checks the adapter reports exactly this.
    /// Contacts are archived, never deleted; invoices are deleted (drafts) or voided, never archived or restored;
    /// payments are created and deleted, never changed; vendors are contacts, archived like them; bills are recorded
    /// approved and credit notes issued (Xero deletes only drafts), bill payments are created and deleted, credit is
    /// allocated; estimates are Xero quotes, sent, accepted, declined, turned into invoices and deleted but kept; tax rates are deleted but kept and carry no change time (no UpdatedSince); items are deleted for good;
    /// expenses (spent money) are deleted but kept, with no contact to rebill; the company is read; projects are created
    /// and changed (closed), never archived or deleted, and time entries (on a project's task, whole minutes) are deleted
    /// for good — neither keeps a change time, so no UpdatedSince.
    /// </summary>
    public override LedgerCapabilities ExpectedCapabilities { get; } = new(new Dictionary<EntityKind, StoreCapabilities>
    {
        [EntityKind.Contact] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Archive | StoreOperations.Restore,
            Filters = Filters(nameof(ContactQuery.Email), nameof(ContactQuery.OrganizationContains)),
            QueryableStates = RecordStates.NotDeleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Invoice] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete | StoreOperations.MarkSent | StoreOperations.Void,
            Filters = Filters(nameof(InvoiceQuery.ContactId), nameof(InvoiceQuery.Statuses), nameof(InvoiceQuery.IssueDate), nameof(InvoiceQuery.DueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
            TaxInclusivePrices = true,
        },
        [EntityKind.Payment] = new()
        {
            Operations = StoreOperations.Get | StoreOperations.List | StoreOperations.Create | StoreOperations.Delete,
            Filters = Filters(nameof(PaymentQuery.InvoiceId), nameof(PaymentQuery.ContactId), nameof(PaymentQuery.Date)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Vendor] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Archive | StoreOperations.Restore,
            Filters = Filters(nameof(VendorQuery.NameContains)),
            QueryableStates = RecordStates.NotDeleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Bill] = new()
        {
            Operations = StoreOperations.ReadWrite,
            Filters = Filters(nameof(BillQuery.VendorId), nameof(BillQuery.Statuses), nameof(BillQuery.IssueDate), nameof(BillQuery.DueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
            TaxInclusivePrices = true,
        },
        [EntityKind.BillPayment] = new()
        {
            Operations = StoreOperations.Get | StoreOperations.List | StoreOperations.Create | StoreOperations.Delete,
            Filters = Filters(nameof(BillPaymentQuery.BillId), nameof(BillPaymentQuery.Date)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.CreditNote] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Allocate,
            Filters = Filters(nameof(CreditNoteQuery.ContactId), nameof(CreditNoteQuery.Statuses), nameof(CreditNoteQuery.IssueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
            TaxInclusivePrices = true,
        },
        [EntityKind.Estimate] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete | StoreOperations.MarkSent | StoreOperations.Accept |
                StoreOperations.Decline | StoreOperations.ConvertToInvoice,
            Filters = Filters(nameof(EstimateQuery.ContactId), nameof(EstimateQuery.Statuses), nameof(EstimateQuery.IssueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
            TaxInclusivePrices = true,
        },
        [EntityKind.TaxRate] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = new HashSet<string>([nameof(TaxRateQuery.NameContains)], StringComparer.Ordinal),
            QueryableStates = RecordStates.All,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Item] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Filters(nameof(ItemQuery.Code), nameof(ItemQuery.NameContains)),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Expense] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Filters(nameof(ExpenseQuery.CategoryId), nameof(ExpenseQuery.Date)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Company] = new() { Operations = StoreOperations.Get, Filters = new HashSet<string>() },
        [EntityKind.Project] = new()
        {
            Operations = StoreOperations.ReadWrite,
            Filters = new HashSet<string>([nameof(ProjectQuery.ContactId), nameof(ProjectQuery.IsComplete)], StringComparer.Ordinal),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
        },
        [EntityKind.TimeEntry] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = new HashSet<string>(
                [nameof(TimeEntryQuery.ContactId), nameof(TimeEntryQuery.ProjectId), nameof(TimeEntryQuery.StartedFrom), nameof(TimeEntryQuery.StartedTo),
                    nameof(TimeEntryQuery.Billable), nameof(TimeEntryQuery.Billed)],
                StringComparer.Ordinal),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
        },
    });

    public override long RequestCount => _sandbox?.Requests.Count ?? 0;

    /// <summary>The sandbox organisation's GST at 15 %: <c>INPUT2</c> on purchases (bills), <c>OUTPUT2</c> on sales.</summary>
    public override LineTax SampleLineTax(EntityKind document) => document == EntityKind.Bill
        ? new LineTax("15% GST on Expenses", 15m) { TaxRateId = "INPUT2" }
        : new LineTax("15% GST on Income", 15m) { TaxRateId = "OUTPUT2" };

    /// <summary>Every Xero organisation has its tax regime's rates (the sandbox's: GST 15 %, zero-rated, …), which cannot be deleted.</summary>
    public override bool ComesWithRecords(EntityKind entity) => entity == EntityKind.TaxRate;

    public override async ValueTask InitializeAsync()
    {
        var options = new XeroSandboxOptions { SeedDefaultData = false };
        options.RateLimits.Enabled = false;
        _sandbox = await XeroSandbox.StartAsync(options);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _setup.Dispose();
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
        builder.AddXero(o =>
        {
            o.ClientId = Sandbox.Options.ClientId;
            o.ClientSecret = Sandbox.Options.ClientSecret;
            o.RedirectUri = new Uri("http://127.0.0.1/callback");
            o.ApiBaseUrl = Sandbox.BaseAddress;
            o.IdentityBaseUrl = Sandbox.BaseAddress;
            o.LoginBaseUrl = Sandbox.BaseAddress;
            o.PaymentAccountCode = "090";
            o.SalesAccountCode = "200";
            o.PurchaseAccountCode = "400";

            // The suite's expenses are in US dollars: the organisation's USD bank account pays them.
            o.ExpenseBankAccountCode = "092";
            o.ExpenseAccountCode = "429";
        });

    public override Task AdvanceClockAsync(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        Sandbox.Clock.Advance(delay);
        return Task.CompletedTask;
    }

    /// <summary>Empties the primary organisation and stores a connection to it with new tokens carrying every app scope.</summary>
    protected override async Task<string> CreateConnectionAsync(CancellationToken cancellationToken)
    {
        var tenant = Sandbox.PrimaryTenant;
        Sandbox.ClearData(tenant.TenantId);
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
                [XeroConnectionProperties.TenantId] = tenant.TenantId.ToString(),
                [XeroConnectionProperties.TenantName] = tenant.Name,
            },
        }, cancellationToken);
        return id;
    }

    /// <summary>
    /// Xero logs time only on a project's task for a Projects user; the suite's drafts name none, so each is completed
    /// the way a Xero app would: the project of the draft's contact (made once per ledger, for a contact made once when
    /// the draft names none), a task of it added in Xero (the sandbox) charged by time when the draft is billable and
    /// not charged when it is not, and the organisation's first Projects user.
    /// </summary>
    public override async Task<NewTimeEntry> CompleteTimeEntryAsync(ILedger ledger, NewTimeEntry draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(draft);
        await _setup.WaitAsync(cancellationToken);
        try
        {
            var tenant = Sandbox.PrimaryTenant.TenantId;
            var contactId = draft.ContactId ?? await DefaultContactAsync(ledger, cancellationToken);
            var key = (ledger.ConnectionId, contactId);
            if (!_projects.TryGetValue(key, out var projectId))
            {
                projectId = (await ledger.Projects.CreateAsync(new NewProject { Name = "Suite time " + _projects.Count, ContactId = contactId, BillingMethod = ProjectBillingMethod.Unknown }, cancellationToken)).Id;
                _projects[key] = projectId;
            }

            var taskKey = (projectId, draft.Billable);
            if (!_tasks.TryGetValue(taskKey, out var taskId))
            {
                taskId = Sandbox.AddProjectTask(tenant, Guid.Parse(projectId), draft.Billable ? "Billable work" : "Internal work", draft.Billable ? "TIME" : "NON_CHARGEABLE", draft.Billable ? 120m : 0m).ToString();
                _tasks[taskKey] = taskId;
            }

            return draft with
            {
                ProjectId = draft.ProjectId ?? projectId,
                TaskId = draft.TaskId ?? taskId,
                UserId = draft.UserId ?? Sandbox.ProjectsUserIds(tenant)[0].ToString(),
            };
        }
        finally
        {
            _setup.Release();
        }
    }

    /// <summary>
    /// A Xero project is for a contact and carries no billing method, hourly rate or description (its tasks carry rates):
    /// the suite's drafts get a contact (made once per ledger) when they name none, and lose what Xero keeps per task.
    /// </summary>
    public override async Task<NewProject> CompleteProjectAsync(ILedger ledger, NewProject draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(draft);
        await _setup.WaitAsync(cancellationToken);
        try
        {
            return draft with
            {
                ContactId = draft.ContactId ?? await DefaultContactAsync(ledger, cancellationToken),
                BillingMethod = ProjectBillingMethod.Unknown,
                FixedPrice = null,
                HourlyRate = null,
                Description = null,
                Budget = draft.Budget is { } budget ? new Money(budget.Amount, CurrencyCode.Parse(Sandbox.PrimaryTenant.BaseCurrency)) : null,
            };
        }
        finally
        {
            _setup.Release();
        }
    }

    private async Task<string> DefaultContactAsync(ILedger ledger, CancellationToken cancellationToken)
    {
        if (!_contacts.TryGetValue(ledger.ConnectionId, out var contactId))
        {
            contactId = (await ledger.Contacts.CreateAsync(new NewContact { Organization = "Suite projects " + ledger.ConnectionId }, cancellationToken)).Id;
            _contacts[ledger.ConnectionId] = contactId;
        }

        return contactId;
    }

    private static HashSet<string> Filters(params string[] filters) =>
        new([nameof(RecordQuery.UpdatedSince), .. filters], StringComparer.Ordinal);
}
