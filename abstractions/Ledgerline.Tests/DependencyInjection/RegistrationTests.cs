using FluentValidation;
using Ledgerline.Tests.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Tests.DependencyInjection;

public sealed class RegistrationTests
{
    private static readonly Type[] Inputs =
    [
        typeof(NewContact), typeof(ContactChanges), typeof(ContactQuery),
        typeof(NewInvoice), typeof(NewInvoiceLine), typeof(InvoiceChanges), typeof(InvoiceQuery),
        typeof(NewPayment), typeof(PaymentChanges), typeof(PaymentQuery),
        typeof(NewExpense), typeof(ExpenseChanges), typeof(ExpenseQuery),
        typeof(NewTimeEntry), typeof(TimeEntryChanges), typeof(TimeEntryQuery),
    ];

    [Fact]
    public void AddLedgerline_Twice_RegistersNothingMore()
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddInMemory();
        var count = services.Count;

        services.AddLedgerline().AddInMemory();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void AddLedgerline_EveryCanonicalInput_HasOneSingletonValidator()
    {
        var services = new ServiceCollection();
        services.AddLedgerline();
        services.AddLedgerline();
        using var provider = services.BuildServiceProvider();

        foreach (var input in Inputs)
        {
            var validatorType = typeof(IValidator<>).MakeGenericType(input);
            var registration = Assert.Single(services, d => d.ServiceType == validatorType);
            Assert.Equal(ServiceLifetime.Singleton, registration.Lifetime);
            Assert.Same(provider.GetRequiredService(validatorType), provider.GetRequiredService(validatorType));
        }
    }

    [Fact]
    public void AddLedgerline_WithInMemory_ResolvesLedgerAndEveryStore()
    {
        using var provider = new ServiceCollection().AddLedgerline().AddInMemory().Services.BuildServiceProvider();

        var ledger = provider.GetRequiredService<ILedger>();

        Assert.Equal("InMemory", ledger.ProviderName);
        Assert.Equal("default", ledger.ConnectionId);
        Assert.Same(ledger.Contacts, provider.GetRequiredService<IContactStore>());
        Assert.Same(ledger.Invoices, provider.GetRequiredService<IInvoiceStore>());
        Assert.Same(ledger.Payments, provider.GetRequiredService<IPaymentStore>());
        Assert.Same(ledger.Expenses, provider.GetRequiredService<IExpenseStore>());
        Assert.Same(ledger.TimeEntries, provider.GetRequiredService<ITimeEntryStore>());
        Assert.NotNull(provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddLedgerline_DefaultConnectionId_IsUsedForInjectedLedger()
    {
        using var provider = new ServiceCollection()
            .AddLedgerline(o => o.DefaultConnectionId = "main").AddInMemory().Services.BuildServiceProvider();

        Assert.Equal("main", provider.GetRequiredService<ILedger>().ConnectionId);
    }

    [Fact]
    public async Task Factory_PerTenant_IsolatesData()
    {
        using var provider = new ServiceCollection().AddLedgerline().AddInMemory().Services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILedgerFactory>();

        await factory.Open("tenant-1").Contacts.CreateAsync(new NewContact { Organization = "One" });
        var tenant2 = await factory.Open("tenant-2").Contacts.ListPageAsync();
        var tenant1 = await factory.Open("tenant-1").Contacts.ListPageAsync();

        Assert.Empty(tenant2.Items);
        Assert.Equal("One", Assert.Single(tenant1.Items).Organization);
    }

    [Fact]
    public void Factory_SeveralProvidersNoDefault_ThrowsNamingThem()
    {
        using var fake = new FakeProvider("Other");
        var services = new ServiceCollection();
        services.AddLedgerline().AddInMemory();
        services.AddSingleton(fake.Provider);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ILedger>());

        Assert.Contains("InMemory", error.Message, StringComparison.Ordinal);
        Assert.Contains("Other", error.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultProvider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLedgerline_SeveralProvidersWithDefault_InjectsThatProvider()
    {
        using var fake = new FakeProvider("Other");
        var services = new ServiceCollection();
        services.AddLedgerline(o => o.DefaultProvider = "Other").AddInMemory();
        services.AddSingleton(fake.Provider);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("Other", provider.GetRequiredService<ILedger>().ProviderName);
        Assert.Equal("InMemory", provider.GetRequiredService<ILedgerFactory>().Open("inmemory", "x").ProviderName);
    }

    [Fact]
    public void Factory_NoProvider_ThrowsSayingHowToAddOne()
    {
        using var provider = new ServiceCollection().AddLedgerline().Services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ILedgerFactory>().Open("x"));

        Assert.Contains("AddInMemory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factory_UnknownProviderName_ThrowsListingRegistered()
    {
        using var provider = new ServiceCollection().AddLedgerline().AddInMemory().Services.BuildServiceProvider();

        var error = Assert.Throws<LedgerValidationException>(() => provider.GetRequiredService<ILedgerFactory>().Open("Nope", "x"));
        var blank = Assert.Throws<LedgerValidationException>(() => provider.GetRequiredService<ILedgerFactory>().Open(" ", "x"));

        Assert.Equal(("providerName", "UnknownProvider"), (Assert.Single(error.Errors).Field, error.Errors[0].Code));
        Assert.Contains("Nope", error.Message, StringComparison.Ordinal);
        Assert.Contains("InMemory", error.Message, StringComparison.Ordinal);
        Assert.Equal("ProviderRequired", Assert.Single(blank.Errors).Code);
        Assert.NotNull(provider.GetRequiredService<ILedgerFactory>().Open("inmemory", "x"));
    }

    [Fact]
    public void Factory_BlankConnectionId_Throws()
    {
        using var provider = new ServiceCollection().AddLedgerline().AddInMemory().Services.BuildServiceProvider();

        var blank = Assert.Throws<LedgerValidationException>(() => provider.GetRequiredService<ILedgerFactory>().Open(" "));
        var none = Assert.Throws<LedgerValidationException>(() => provider.GetRequiredService<ILedgerFactory>().Open("InMemory", null!));

        Assert.All([blank, none], e => Assert.Equal(("connectionId", "BlankId"), (Assert.Single(e.Errors).Field, e.Errors[0].Code)));
    }

    [Fact]
    public void AddProvider_SameTypeTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        var builder = services.AddLedgerline();
        builder.AddInMemory().AddInMemory();
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<ILedgerProvider>());
    }
}
