using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Ledgerline.Diagnostics;
using Ledgerline.InMemory;
using Ledgerline.Tests.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NSubstitute;

namespace Ledgerline.Tests.Logging;

/// <summary>Traces and metrics of ledgers opened through <see cref="ILedgerFactory"/> on the in-memory provider.</summary>
public sealed class LedgerTelemetryTests : IDisposable
{
    private const string Provider = "InMemory";
    private const string Secret = "Secret Org";
    private const string PrivateEmail = "private@example.com";

    // Listeners are process-wide and other tests run in parallel: keep only this test's activities, by connection id.
    private readonly string _connectionId = "tenant-" + Guid.NewGuid().ToString("N");
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener;
    private readonly ServiceProvider _services;
    private readonly MetricCollector<double> _durations;
    private readonly MetricCollector<long> _refusals;
    private readonly ILedger _ledger;

    public LedgerTelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LedgerlineDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("ledgerline.connection_id") as string == _connectionId)
                {
                    _activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);

        // A meter factory of our own: its meters, and so these collectors, see only this test's ledger.
        var services = new ServiceCollection().AddMetrics();
        services.AddLedgerline().AddInMemory(o => o.ConfigureStore(
            EntityKind.Expense, s => s with { Operations = s.Operations & ~StoreOperations.Delete, Filters = new HashSet<string>() }));
        _services = services.BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        _durations = new MetricCollector<double>(meterFactory, LedgerlineDiagnostics.MeterName, LedgerlineDiagnostics.OperationDurationInstrumentName);
        _refusals = new MetricCollector<long>(meterFactory, LedgerlineDiagnostics.MeterName, LedgerlineDiagnostics.OperationRefusedInstrumentName);
        _ledger = _services.GetRequiredService<ILedgerFactory>().Open(_connectionId);
    }

    private static NewContact Draft => new() { Organization = Secret, Email = PrivateEmail };

    [Fact]
    public async Task CreateAsync_Success_StartsClientActivityWithIdsAndNoContents()
    {
        var contact = await _ledger.Contacts.CreateAsync(Draft);

        var activity = Assert.Single(_activities);
        Assert.Equal("Contact create", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(LedgerlineDiagnostics.ActivitySourceName, activity.Source.Name);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["ledgerline.provider"] = Provider,
                ["ledgerline.connection_id"] = _connectionId,
                ["ledgerline.entity"] = "Contact",
                ["ledgerline.operation"] = "create",
                ["ledgerline.record_id"] = contact.Id,
            },
            activity.Tags.ToDictionary(t => t.Key, t => t.Value));
        AssertNoContents(activity);
    }

    [Fact]
    public async Task GetAsync_Success_RecordsDurationWithLowCardinalityTagsOnly()
    {
        var contact = await _ledger.Contacts.CreateAsync(Draft);

        await _ledger.Contacts.GetAsync(contact.Id);

        var measurement = Assert.Single(_durations.GetMeasurementSnapshot(), m => Equals(m.Tags["ledgerline.operation"], "get"));
        Assert.InRange(measurement.Value, 0, 60);
        Assert.Equal(
            [
                Tag("ledgerline.entity", "Contact"),
                Tag("ledgerline.operation", "get"),
                Tag("ledgerline.provider", Provider),
            ],
            measurement.Tags.OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal("Contact get", _activities.Last().DisplayName);
        Assert.Equal(contact.Id, _activities.Last().GetTagItem("ledgerline.record_id"));
    }

    [Fact]
    public async Task GetAsync_NotFound_SetsErrorStatusAndTypeButNoMessage()
    {
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => _ledger.Invoices.GetAsync("missing-9"));

        var activity = Assert.Single(_activities);
        Assert.Equal("Invoice get", activity.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Null(activity.StatusDescription);
        Assert.Equal(nameof(RecordNotFoundException), activity.GetTagItem("error.type"));
        Assert.Equal("missing-9", activity.GetTagItem("ledgerline.record_id"));
        Assert.Empty(activity.Events);
        Assert.DoesNotContain(activity.Tags, t => t.Value == error.Message);

        var measurement = Assert.Single(_durations.GetMeasurementSnapshot());
        Assert.True(measurement.ContainsTags(Tag("error.type", nameof(RecordNotFoundException))));
        Assert.False(measurement.Tags.ContainsKey("ledgerline.record_id"));
        Assert.False(measurement.Tags.ContainsKey("ledgerline.connection_id"));
        Assert.Empty(_refusals.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task CreateAsync_Invalid_CountsRefusalAndKeepsInputOutOfTags()
    {
        await Assert.ThrowsAsync<LedgerValidationException>(
            () => _ledger.Contacts.CreateAsync(new NewContact { Organization = Secret, Email = "not-an-address-private" }));

        var activity = Assert.Single(_activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(nameof(LedgerValidationException), activity.GetTagItem("error.type"));
        AssertNoContents(activity, "not-an-address-private");

        var refusal = Assert.Single(_refusals.GetMeasurementSnapshot());
        Assert.Equal(1, refusal.Value);
        Assert.True(refusal.ContainsTags(
            Tag("ledgerline.provider", Provider),
            Tag("ledgerline.entity", "Contact"),
            Tag("ledgerline.operation", "create"),
            Tag("error.type", nameof(LedgerValidationException))));
        Assert.True(Assert.Single(_durations.GetMeasurementSnapshot()).ContainsTags(Tag("error.type", nameof(LedgerValidationException))));
    }

    [Fact]
    public async Task DeleteAsync_Unsupported_CountsRefusal()
    {
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => _ledger.Expenses.DeleteAsync("1"));

        var refusal = Assert.Single(_refusals.GetMeasurementSnapshot());
        Assert.True(refusal.ContainsTags(Tag("error.type", nameof(OperationNotSupportedException))));
        Assert.True(refusal.ContainsTags(Tag("ledgerline.operation", "delete")));
        Assert.Equal(nameof(OperationNotSupportedException), Assert.Single(_activities).GetTagItem("error.type"));
    }

    [Fact]
    public async Task GetAsync_Cancelled_IsTaggedCancelledNotAnError()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _ledger.Contacts.GetAsync("1", cancelled.Token));

        var activity = Assert.Single(_activities);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal(true, activity.GetTagItem("ledgerline.cancelled"));
        Assert.Null(activity.GetTagItem("error.type"));
        var measurement = Assert.Single(_durations.GetMeasurementSnapshot());
        Assert.True(measurement.ContainsTags(Tag("ledgerline.cancelled", true)));
        Assert.False(measurement.Tags.ContainsKey("error.type"));
        Assert.Empty(_refusals.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task ListAsync_Enumerated_OneActivityWithRecordCount()
    {
        for (var i = 0; i < 3; i++)
        {
            await _ledger.Contacts.CreateAsync(Draft);
        }

        var listed = 0;
        await foreach (var _ in _ledger.Contacts.ListAsync())
        {
            listed++;
        }

        Assert.Equal(3, listed);
        var activity = Assert.Single(_activities, a => a.DisplayName == "Contact list");
        Assert.Equal(3, activity.GetTagItem("ledgerline.records"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Single(_durations.GetMeasurementSnapshot(), m => m.ContainsTags(Tag("ledgerline.operation", "list")));
    }

    [Fact]
    public async Task ListAsync_StoppedEarly_EndsActivityWithRecordsYielded()
    {
        await _ledger.Contacts.CreateAsync(Draft);
        await _ledger.Contacts.CreateAsync(Draft);

        await foreach (var _ in _ledger.Contacts.ListAsync())
        {
            break;
        }

        var activity = Assert.Single(_activities, a => a.DisplayName == "Contact list");
        Assert.Equal(1, activity.GetTagItem("ledgerline.records"));
        Assert.True(activity.IsStopped);
    }

    [Fact]
    public async Task ListAsync_UnsupportedFilter_OneErrorActivityAndRefusal()
    {
        await Assert.ThrowsAsync<OperationNotSupportedException>(async () =>
        {
            await foreach (var _ in _ledger.Expenses.ListAsync(new ExpenseQuery { ContactId = "1" }))
            {
            }
        });

        var activity = Assert.Single(_activities);
        Assert.Equal("Expense list", activity.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(0, activity.GetTagItem("ledgerline.records"));
        Assert.Single(_refusals.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Open_WithoutLoggingOrMeterFactory_StillTracesAndMetersOnSharedMeter()
    {
        // A provider name of its own: the shared meter is process-wide.
        var provider = "Telemetry" + Guid.NewGuid().ToString("N");
        using var fake = new FakeProvider(provider);
        using var durations = new MetricCollector<double>(LedgerTelemetry.Shared.Duration);
        fake.Contacts.GetAsync("42", Arg.Any<CancellationToken>()).Returns(new Contact { Id = "42", UpdatedAt = DateTimeOffset.UnixEpoch });
        fake.Ledger.ConnectionId.Returns(_connectionId);
        var ledger = fake.Services.GetRequiredService<ILedgerFactory>().Open(_connectionId);

        await ledger.Contacts.GetAsync("42");

        Assert.Null(fake.Services.GetService<IMeterFactory>());
        Assert.Equal(provider, Assert.Single(_activities).GetTagItem("ledgerline.provider"));
        Assert.Single(durations.GetMeasurementSnapshot(), m => m.ContainsTags(Tag("ledgerline.provider", provider)));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _durations.Dispose();
        _refusals.Dispose();
        _services.Dispose();
    }

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    private static void AssertNoContents(Activity activity, params string[] more)
    {
        foreach (var value in activity.TagObjects.Select(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? string.Empty).Concat([activity.DisplayName, activity.StatusDescription ?? string.Empty]))
        {
            foreach (var content in more.Concat([Secret, PrivateEmail]))
            {
                Assert.DoesNotContain(content, value, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
