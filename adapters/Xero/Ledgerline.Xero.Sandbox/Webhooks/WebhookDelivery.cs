using System.Text;

namespace Ledgerline.Xero.Sandbox.Webhooks;

/// <summary>
/// One webhook POST the sandbox made (or is still trying to make): an intent-to-receive request or a batch of events,
/// with every attempt's outcome. <see cref="ToString"/> never prints the signature.
/// </summary>
public sealed class WebhookDelivery
{
    private readonly Lock _gate = new();
    private readonly List<int> _statusCodes = [];
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal WebhookDelivery(long id, Uri uri, byte[] body, string signature, bool isIntentToReceive, bool signedCorrectly,
        IReadOnlyList<WebhookEvent> events, int firstEventSequence, int lastEventSequence, DateTimeOffset createdAt)
    {
        Id = id;
        Uri = uri;
        RawBody = body;
        Signature = signature;
        IsIntentToReceive = isIntentToReceive;
        SignedCorrectly = signedCorrectly;
        Events = events;
        FirstEventSequence = firstEventSequence;
        LastEventSequence = lastEventSequence;
        CreatedAt = createdAt;
    }

    /// <summary>Sequence number within this sandbox.</summary>
    public long Id { get; }

    /// <summary>Where it is posted.</summary>
    public Uri Uri { get; }

    /// <summary>The exact bytes posted (and signed).</summary>
    public ReadOnlyMemory<byte> RawBody { get; }

    /// <summary>The body as text.</summary>
    public string Body => Encoding.UTF8.GetString(RawBody.Span);

    /// <summary>The <c>x-xero-signature</c> header sent.</summary>
    public string Signature { get; }

    /// <summary>True for an intent-to-receive request (empty <c>events</c>, sequences 0).</summary>
    public bool IsIntentToReceive { get; }

    /// <summary>False for the intent-to-receive requests deliberately signed with a wrong key; true otherwise.</summary>
    public bool SignedCorrectly { get; }

    /// <summary>The events in the body, in sequence order (empty for intent to receive).</summary>
    public IReadOnlyList<WebhookEvent> Events { get; }

    /// <summary><c>firstEventSequence</c> (0 for intent to receive).</summary>
    public int FirstEventSequence { get; }

    /// <summary><c>lastEventSequence</c> (0 for intent to receive).</summary>
    public int LastEventSequence { get; }

    /// <summary>When the delivery was made up (sandbox time).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Status code of each attempt; 0 for a connection failure or a timeout.</summary>
    public IReadOnlyList<int> StatusCodes
    {
        get
        {
            lock (_gate)
            {
                return [.. _statusCodes];
            }
        }
    }

    /// <summary>Number of attempts so far.</summary>
    public int Attempts => StatusCodes.Count;

    /// <summary>True once an attempt was answered as Xero requires (an event batch: 200; intent to receive: 200 or 401 as signed, no body, in time).</summary>
    public bool Succeeded { get; private set; }

    /// <summary>True once the delivery succeeded or every retry was spent.</summary>
    public bool Completed { get; private set; }

    /// <summary>Completes when <see cref="Completed"/> becomes true.</summary>
    public Task WhenCompleted => _completed.Task;

    internal void Record(int status)
    {
        lock (_gate)
        {
            _statusCodes.Add(status);
        }
    }

    internal void Finish(bool succeeded)
    {
        Succeeded = succeeded;
        Completed = true;
        _completed.TrySetResult();
    }

    /// <summary>Names the delivery without the signature.</summary>
    public override string ToString() => IsIntentToReceive
        ? $"Xero intent to receive #{Id} ({(SignedCorrectly ? "signed" : "wrongly signed")}) -> {Uri} status={string.Join(",", StatusCodes)}"
        : $"Xero webhook #{Id} events {FirstEventSequence}..{LastEventSequence} ({Events.Count}) -> {Uri} attempts={Attempts} succeeded={Succeeded}";
}
