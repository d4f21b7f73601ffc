using Ledgerline.FreshBooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ledgerline.FreshBooks.Tests.Errors;

/// <summary>
/// <see cref="FreshBooksOptions.RequestTimeout"/> over loopback: the sandbox holds the answer back (for far longer than the
/// test runs), and the adapter's clock is a <see cref="FakeTimeProvider"/> moved past the timeout, so a typed exception
/// arrives without waiting for real time and never HttpClient's <see cref="TaskCanceledException"/>.
/// </summary>
public sealed class RequestTimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private SandboxLedgerFixture _fixture = null!;
    private ILedger _ledger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fixture = await SandboxLedgerFixture.StartAsync(
            o =>
            {
                o.MaxRetries = 0;
                o.RequestTimeout = Timeout;
            },
            services: s => s.AddSingleton<TimeProvider>(_clock));
        _ledger = await _fixture.OpenAsync();
    }

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task GetAsync_NoAnswerWithinRequestTimeout_ProviderUnavailableNotTaskCanceled()
    {
        var contact = await _ledger.Contacts.CreateAsync(new NewContact { Organization = "Slow Ltd." }, Ct);
        _fixture.Sandbox.Faults.AddLatency(TimeSpan.FromMinutes(10), "/accounting");

        var failure = await FailsWhenTheClockPassesTheTimeoutAsync(t => _ledger.Contacts.GetAsync(contact.Id, t));

        var unavailable = Assert.IsType<ProviderUnavailableException>(failure);
        Assert.Contains("timed out", unavailable.Message, StringComparison.Ordinal);
        Assert.Equal("FreshBooks", unavailable.Provider);
    }

    [Fact]
    public async Task CreateAsync_SentAndNoAnswerWithinRequestTimeout_OutcomeUnknown()
    {
        _fixture.Sandbox.Faults.AddLatency(TimeSpan.FromMinutes(10), "/accounting");

        var failure = await FailsWhenTheClockPassesTheTimeoutAsync(t => _ledger.Contacts.CreateAsync(new NewContact { Organization = "Maybe Ltd." }, t));

        var unknown = Assert.IsType<OutcomeUnknownException>(failure);
        Assert.Equal((EntityKind.Contact, "create"), (unknown.Entity, unknown.Operation));
        Assert.NotNull(unknown.SentAt);
        Assert.True(unknown.SentAt <= _clock.GetUtcNow() - Timeout, $"sent at {unknown.SentAt}, failed at {_clock.GetUtcNow()}");
    }

    [Fact]
    public async Task ListAsync_LaterPageNoAnswerWithinRequestTimeout_ProviderUnavailableWhileEnumerating()
    {
        _fixture.Sandbox.Data.SeedClients(_fixture.AccountId, 150);

        var failure = await FailsWhenTheClockPassesTheTimeoutAsync(async t =>
        {
            await using var contacts = _ledger.Contacts.ListAsync(cancellationToken: t).GetAsyncEnumerator(t);
            Assert.True(await contacts.MoveNextAsync());

            // Page 1 has arrived; page 2 is asked for once the caller has read it.
            _fixture.Sandbox.Faults.AddLatency(TimeSpan.FromMinutes(10), "/accounting");
            while (await contacts.MoveNextAsync())
            {
            }

            return 0;
        });

        Assert.IsType<ProviderUnavailableException>(failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(601)]
    public void RequestTimeout_OutOfRange_RefusedOnStart(int seconds)
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddFreshBooks(o =>
        {
            o.ClientId = "id";
            o.ClientSecret = "secret";
            o.RequestTimeout = TimeSpan.FromSeconds(seconds);
        });
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FreshBooksOptions>>().Value);

        Assert.Contains(nameof(FreshBooksOptions.RequestTimeout), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestTimeout_Default_ThirtySeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new FreshBooksOptions().RequestTimeout);
    }

    private Task<Exception> FailsWhenTheClockPassesTheTimeoutAsync<T>(Func<CancellationToken, Task<T>> call) =>
        ClockSteps.FailureAsClockPassesAsync(_clock, call, Ct);
}
