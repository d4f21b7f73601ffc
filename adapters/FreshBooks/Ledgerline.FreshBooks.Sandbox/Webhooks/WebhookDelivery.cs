namespace Ledgerline.FreshBooks.Sandbox.Webhooks;

/// <summary>One webhook POST the sandbox made (or is still trying to make), with every attempt's outcome.</summary>
public sealed class WebhookDelivery
{
    private readonly Lock _gate = new();
    private readonly List<int> _statusCodes = [];
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal WebhookDelivery(long id, int callbackId, string accountId, Uri uri, string eventName, int objectId,
        IReadOnlyList<KeyValuePair<string, string>> fields, string signature, bool isVerification, DateTimeOffset createdAt)
    {
        Id = id;
        CallbackId = callbackId;
        AccountId = accountId;
        Uri = uri;
        EventName = eventName;
        ObjectId = objectId;
        Fields = fields;
        Signature = signature;
        IsVerification = isVerification;
        CreatedAt = createdAt;
    }

    /// <summary>Sequence number within this sandbox.</summary>
    public long Id { get; }

    /// <summary>The callback subscription this delivery belongs to.</summary>
    public int CallbackId { get; }

    /// <summary>Account the event happened in.</summary>
    public string AccountId { get; }

    /// <summary>Where it is posted.</summary>
    public Uri Uri { get; }

    /// <summary>Event name (the <c>name</c> field), e.g. <c>invoice.create</c> or <c>callback.verify</c>.</summary>
    public string EventName { get; }

    /// <summary>Affected record id (the callback id for verification posts).</summary>
    public int ObjectId { get; }

    /// <summary>The form fields, in the order they are posted and signed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The <c>X-FreshBooks-Hmac-SHA256</c> header sent.</summary>
    public string Signature { get; }

    /// <summary>True for the verification post sent when a callback is created or re-sent.</summary>
    public bool IsVerification { get; }

    /// <summary>When the event was queued (sandbox time).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Status code of each attempt; 0 for a connection failure or timeout.</summary>
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

    /// <summary>True once an attempt got a 2xx.</summary>
    public bool Succeeded { get; private set; }

    /// <summary>True once delivery succeeded or every retry was spent.</summary>
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

    /// <summary>Names the event without printing the verifier or the signature.</summary>
    public override string ToString() =>
        $"Webhook #{Id} {EventName} object {ObjectId} -> {Uri} attempts={Attempts} succeeded={Succeeded}";
}
