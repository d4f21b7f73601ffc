using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Webhooks;

/// <summary>Sends verification and event webhooks to loopback URIs only, signed as FreshBooks signs them, with retries.</summary>
public sealed class SandboxWebhooks : IAsyncDisposable
{
    private readonly SandboxServices _services;
    private readonly ConcurrentQueue<WebhookDelivery> _log = new();
    private readonly Channel<WebhookDelivery> _queue = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http;
    private Task? _pump;
    private long _nextId;

    internal SandboxWebhooks(SandboxServices services)
    {
        _services = services;
        // No proxy: a delivery must go straight to the loopback listener and nowhere else.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Every delivery so far, oldest first (verification posts included).</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries => [.. _log];

    /// <summary>Forgets past deliveries (in-flight ones keep retrying).</summary>
    public void ClearDeliveries() => _log.Clear();

    /// <summary>Waits until a delivery matching <paramref name="predicate"/> has been queued, and returns it.</summary>
    public async Task<WebhookDelivery> WaitForDeliveryAsync(Func<WebhookDelivery, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            if (_log.FirstOrDefault(predicate) is { } found)
            {
                return found;
            }

            await Task.Delay(10, cts.Token);
        }
    }

    /// <summary>True for hosts a sandbox may post to: 127.0.0.0/8, ::1 and localhost.</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    internal void Start() => _pump = Task.Run(PumpAsync);

    internal static readonly string[] EventObjects =
    [
        "bill", "bill_vendor", "category", "client", "credit_note", "estimate", "expense", "invoice", "item", "payment",
        "project", "recurring", "service", "tax", "time_entry",
    ];

    internal static bool IsKnownEvent(string name)
    {
        if (name is "estimate.sendByEmail" or "invoice.sendByEmail")
        {
            return true;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var obj = dot < 0 ? name : name[..dot];
        var action = dot < 0 ? null : name[(dot + 1)..];
        return EventObjects.Contains(obj, StringComparer.Ordinal) && action is null or "create" or "update" or "delete";
    }

    /// <summary>The read scope an event's object needs, e.g. invoice → user:invoices:read.</summary>
    internal static string ScopeFor(string eventName)
    {
        var obj = eventName.Split('.')[0];
        var family = obj switch
        {
            "client" => "clients",
            "invoice" or "recurring" => "invoices",
            "payment" => "payments",
            "expense" or "category" => "expenses",
            "item" => "billable_items",
            "tax" => "taxes",
            "time_entry" => "time_entries",
            "project" or "service" => "projects",
            "estimate" => "estimates",
            "credit_note" => "credit_notes",
            "bill" => "bills",
            "bill_vendor" => "bill_vendors",
            _ => obj,
        };
        return $"user:{family}:read";
    }

    /// <summary>Called under the account lock for every record change.</summary>
    internal void OnChange(SandboxChange change)
    {
        var account = _services.Data.ByAccount(change.AccountId);
        if (account is null)
        {
            return;
        }

        var name = change.Entity + "." + change.Action;
        foreach (var callback in account.Callbacks.All)
        {
            if (callback.Verified && callback.Matches(name))
            {
                Enqueue(account, callback, name, change.ObjectId, verification: false);
            }
        }
    }

    internal void SendVerification(AccountState account, Callback callback) =>
        Enqueue(account, callback, "callback.verify", callback.Id, verification: true);

    private void Enqueue(AccountState account, Callback callback, string name, int objectId, bool verification)
    {
        var b = account.Business;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("name", name),
            new("object_id", objectId.ToString(CultureInfo.InvariantCulture)),
        };
        if (verification)
        {
            fields.Add(new("verifier", callback.Verifier));
        }

        fields.Add(new("account_id", b.AccountId));
        fields.Add(new("business_id", b.BusinessId.ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("identity_id", _services.Data.Identity.Id.ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("user_id", "1"));
        var delivery = new WebhookDelivery(Interlocked.Increment(ref _nextId), callback.Id, b.AccountId, new Uri(callback.Uri), name, objectId,
            fields, WebhookSignature.Sign(callback.Verifier, fields), verification, _services.Clock.GetUtcNow());
        _log.Enqueue(delivery);
        _queue.Writer.TryWrite(delivery);
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                var task = DeliverAsync(delivery);
                _inFlight[delivery.Id] = task;
                _ = task.ContinueWith(_ => _inFlight.TryRemove(delivery.Id, out Task? _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery)
    {
        var delays = _services.Options.WebhookRetryDelays.ToArray();
        for (var attempt = 0; attempt <= delays.Length; attempt++)
        {
            if (attempt > 0)
            {
                try
                {
                    await Task.Delay(delays[attempt - 1], _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var status = 0;
            // Checked again at send time: nothing but loopback is ever contacted.
            if (IsLoopback(delivery.Uri))
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                    timeout.CancelAfter(_services.Options.WebhookTimeout);
                    using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Uri) { Content = new FormUrlEncodedContent(delivery.Fields) };
                    request.Headers.TryAddWithoutValidation("X-FreshBooks-Hmac-SHA256", delivery.Signature);
                    request.Headers.UserAgent.ParseAdd("FreshBooks-Webhooks/1.0 (Ledgerline sandbox)");
                    using var response = await _http.SendAsync(request, timeout.Token);
                    status = (int)response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                {
                    status = 0;
                }
            }

            delivery.Record(status);
            if (status is >= 200 and < 300)
            {
                delivery.Finish(true);
                return;
            }

            if (_stopping.IsCancellationRequested)
            {
                break;
            }
        }

        delivery.Finish(false);
    }

    /// <summary>Stops sending; pending retries are abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        try
        {
            if (_pump is not null)
            {
                await _pump;
            }

            await Task.WhenAll(_inFlight.Values);
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        _http.Dispose();
        _stopping.Dispose();
    }
}
