using System.Threading.Channels;

namespace Ledgerline.Samples.Webhooks;

/// <summary>The application's change handler: prints each canonical event and lets the demo wait for the ones it caused.</summary>
internal sealed class ConsoleChangePrinter(TextWriter output) : ILedgerChangeHandler
{
    private readonly Lock _gate = new();
    private readonly Channel<LedgerChange> _received = Channel.CreateUnbounded<LedgerChange>();

    public ChannelReader<LedgerChange> Received => _received.Reader;

    public Task HandleAsync(LedgerChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            output.WriteLine(Describe(change));
        }

        _received.Writer.TryWrite(change);
        return Task.CompletedTask;
    }

    public static string Describe(LedgerChange change)
    {
        var record = change.Record switch
        {
            Contact c => $"contact \"{c.DisplayName}\" <{c.Email}>",
            Invoice i => $"invoice {i.Number} total {i.Total.Amount:0.00} {i.Total.Currency} due {i.AmountDue.Amount:0.00}",
            null => "(no record)",
            var other => other.GetType().Name,
        };
        return $"  change: {change.Entity} {change.Kind} id={change.EntityId} event={change.EventName} " +
            $"connection={change.ConnectionId ?? "?"} duplicate={(change.IsDuplicate ? "yes" : "no")} -> {record}";
    }
}
