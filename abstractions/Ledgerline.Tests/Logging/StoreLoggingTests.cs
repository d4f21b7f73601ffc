using Ledgerline.Diagnostics;
using Ledgerline.Tests.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Ledgerline.Tests.Logging;

/// <summary>The logging part of the store pipeline's telemetry middleware, on ledgers as applications get them.</summary>
public sealed class StoreLoggingTests : IDisposable
{
    private readonly FakeLogCollector _collector = new();
    private readonly FakeProvider _fake;
    private readonly ILedger _ledger;

    public StoreLoggingTests()
    {
        _fake = new FakeProvider("Fake", configure: Logging(_collector));
        _ledger = _fake.Guarded;
    }

    private IReadOnlyList<FakeLogRecord> Logs => _collector.GetSnapshot().Where(r => r.Category == LedgerLog.Category).ToArray();

    private static Action<LedgerlineBuilder> Logging(FakeLogCollector collector) =>
        builder => builder.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(collector)));

    private static Contact Contact(string id) => new() { Id = id, UpdatedAt = DateTimeOffset.UnixEpoch, Organization = "Secret Org", Email = "private@example.com" };

    [Fact]
    public async Task GetAsync_Success_LogsDebugWithProviderConnectionEntityAndId()
    {
        _fake.Contacts.GetAsync("42", Arg.Any<CancellationToken>()).Returns(Contact("42"));

        var contact = await _ledger.Contacts.GetAsync("42");

        Assert.Equal("42", contact.Id);
        var log = Assert.Single(Logs);
        Assert.Equal(LogLevel.Debug, log.Level);
        Assert.Contains("Fake/c1: Get Contact 42 completed", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Success_LogsNewIdButNeverContents()
    {
        _fake.Contacts.CreateAsync(Arg.Any<NewContact>(), Arg.Any<CancellationToken>()).Returns(Contact("7"));

        await _ledger.Contacts.CreateAsync(new NewContact { Organization = "Secret Org", Email = "private@example.com" });

        var log = Assert.Single(Logs);
        Assert.Contains("Create Contact 7", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("private@", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Invalid_LogsRefusalWithFieldNamesOnly()
    {
        await Assert.ThrowsAsync<LedgerValidationException>(
            () => _ledger.Contacts.CreateAsync(new NewContact { Organization = "X", Email = "not-an-address-private" }));

        var log = Assert.Single(Logs);
        Assert.Equal(LogLevel.Debug, log.Level);
        Assert.Contains("fields Email", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-an-address-private", log.Message, StringComparison.Ordinal);
        Assert.Null(log.Exception);
    }

    [Fact]
    public async Task GetAsync_NotFound_LogsRefusalAndRethrowsSameException()
    {
        var notFound = new RecordNotFoundException(EntityKind.Invoice, "9");
        _fake.Invoices.GetAsync("9", Arg.Any<CancellationToken>()).ThrowsAsync(notFound);

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => _ledger.Invoices.GetAsync("9"));

        Assert.Same(notFound, error);
        Assert.Equal(LogLevel.Debug, Assert.Single(Logs).Level);
    }

    [Fact]
    public async Task UpdateAsync_ProviderFailure_ThrowsItAndLogsOneDebugLineWithoutTheException()
    {
        var outage = new ProviderUnavailableException("FreshBooks answered 503.");
        _fake.Payments.UpdateAsync("3", Arg.Any<PaymentChanges>(), Arg.Any<CancellationToken>()).ThrowsAsync(outage);

        var error = await Assert.ThrowsAsync<ProviderUnavailableException>(() => _ledger.Payments.UpdateAsync("3", new PaymentChanges { Note = "n" }));

        // The caller has the exception; the log keeps the trace of the call, not a second copy of the failure.
        Assert.Same(outage, error);
        var log = Assert.Single(Logs);
        Assert.Equal(LogLevel.Debug, log.Level);
        Assert.Null(log.Exception);
        Assert.Contains("Update Payment 3 failed (ProviderUnavailableException)", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_UnexpectedException_LogsErrorAndThrowsALedgerlineExceptionAroundIt()
    {
        var bug = new InvalidOperationException("bug");
        _fake.Expenses.DeleteAsync("1", Arg.Any<CancellationToken>()).ThrowsAsync(bug);

        var error = await Assert.ThrowsAnyAsync<LedgerlineException>(() => _ledger.Expenses.DeleteAsync("1"));

        Assert.Same(bug, error.InnerException);
        Assert.Equal("Fake", error.Provider);
        Assert.Contains("Delete Expense unexpectedly", error.Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Error, Assert.Single(Logs).Level);
    }

    [Fact]
    public async Task ListAsync_ProviderThrowsWhileEnumerating_ThrowsALedgerlineExceptionAroundIt()
    {
        _fake.Contacts.ListAsync(Arg.Any<ContactQuery?>(), Arg.Any<CancellationToken>()).Returns(Failing());

        var error = await Assert.ThrowsAnyAsync<LedgerlineException>(async () =>
        {
            await foreach (var _ in _ledger.Contacts.ListAsync())
            {
            }
        });

        Assert.IsType<FormatException>(error.InnerException);

        static async IAsyncEnumerable<Contact> Failing()
        {
            await Task.Yield();
            yield return Contact("1");
            throw new FormatException("unread provider data");
        }
    }

    [Fact]
    public async Task GetAsync_Cancelled_PassesThroughUnwrappedAtDebug()
    {
        using var cancel = new CancellationTokenSource();
        _fake.TimeEntries.GetAsync("1", Arg.Any<CancellationToken>()).Returns(_ =>
        {
            cancel.Cancel();
            return Task.FromException<TimeEntry>(new OperationCanceledException(cancel.Token));
        });

        await Assert.ThrowsAsync<OperationCanceledException>(() => _ledger.TimeEntries.GetAsync("1", cancel.Token));

        var log = Assert.Single(Logs);
        Assert.Equal(LogLevel.Debug, log.Level);
        Assert.Contains("cancelled", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_CancellationTheCallerDidNotAskFor_IsAProviderFailure()
    {
        // What an HttpClient timeout looks like when a provider lets it escape: a TaskCanceledException, caller's token untouched.
        var timeout = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.");
        _fake.TimeEntries.GetAsync("1", Arg.Any<CancellationToken>()).ThrowsAsync(timeout);

        var error = await Assert.ThrowsAnyAsync<LedgerlineException>(() => _ledger.TimeEntries.GetAsync("1"));

        Assert.Same(timeout, error.InnerException);
        Assert.Contains("cancellation the caller did not ask for", error.Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Error, Assert.Single(Logs).Level);
    }

    [Fact]
    public async Task ListAsync_CancellationTheCallerDidNotAskForWhileEnumerating_IsAProviderFailure()
    {
        _fake.Contacts.ListAsync(Arg.Any<ContactQuery?>(), Arg.Any<CancellationToken>()).Returns(TimingOut());

        var error = await Assert.ThrowsAnyAsync<LedgerlineException>(async () =>
        {
            await foreach (var _ in _ledger.Contacts.ListAsync())
            {
            }
        });

        Assert.IsType<TaskCanceledException>(error.InnerException);

        static async IAsyncEnumerable<Contact> TimingOut()
        {
            await Task.Yield();
            yield return Contact("1");
            throw new TaskCanceledException("timed out");
        }
    }

    [Fact]
    public async Task ListAsync_Enumerated_LogsCountOnce()
    {
        _fake.Contacts.ListAsync(Arg.Any<ContactQuery?>(), Arg.Any<CancellationToken>()).Returns(new[] { Contact("1"), Contact("2") }.ToAsyncEnumerable());

        var ids = new List<string>();
        await foreach (var contact in _ledger.Contacts.ListAsync())
        {
            ids.Add(contact.Id);
        }

        Assert.Equal(["1", "2"], ids);
        Assert.Contains("listed 2 Contact records", Assert.Single(Logs).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_UnsupportedByGuard_LogsRefusal()
    {
        using var limited = new FakeProvider(capabilities: _ => FakeProvider.Everything with { Filters = new HashSet<string>() }, configure: Logging(_collector));
        var ledger = limited.Guarded;

        await Assert.ThrowsAsync<OperationNotSupportedException>(async () =>
        {
            await foreach (var _ in ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = "1" }))
            {
            }
        });

        Assert.Equal(LogLevel.Debug, Assert.Single(Logs).Level);
    }

    [Fact]
    public void Ledger_KeepsProviderIdentityAndCapabilities()
    {
        Assert.Equal("Fake", _ledger.ProviderName);
        Assert.Equal("c1", _ledger.ConnectionId);
        Assert.Same(_fake.Capabilities, _ledger.Capabilities);
    }

    [Fact]
    public async Task Ledger_WithoutLogging_StillServesCallsThroughThePipeline()
    {
        using var quiet = new FakeProvider("Fake");
        quiet.Contacts.GetAsync("42", Arg.Any<CancellationToken>()).Returns(Contact("42"));

        var contact = await quiet.Guarded.Contacts.GetAsync("42");

        Assert.Equal("42", contact.Id);
        Assert.Empty(Logs);
    }

    [Fact]
    public async Task Ledger_WithLogging_LogsToLedgerlineCategory()
    {
        _fake.Contacts.GetAsync("42", Arg.Any<CancellationToken>()).Returns(Contact("42"));

        await _ledger.Contacts.GetAsync("42");

        Assert.Equal(LedgerLog.Category, Assert.Single(_collector.GetSnapshot()).Category);
    }

    public void Dispose() => _fake.Dispose();
}
