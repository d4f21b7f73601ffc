using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Ledgerline.Xero.Sandbox.Accounting;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Webhooks;

/// <summary>
/// The app's webhook, as Xero runs it: one subscription per app with its signing key, intent to receive (signed and
/// deliberately wrongly signed validation requests that must be answered 200 and 401), then signed, batched deliveries
/// of contact, invoice and credit note changes made through the Accounting API, retried on failure and disabled when
/// the retries are spent. Posts go to loopback addresses only.
/// </summary>
public sealed class SandboxWebhooks : IAsyncDisposable
{
    /// <summary>The event categories the sandbox raises (Xero's spec also lists <c>SUBSCRIPTION</c>, for app-store subscriptions, which the sandbox has none of).</summary>
    public static IReadOnlyList<string> EventCategories { get; } = ["CONTACT", "INVOICE", "CREDITNOTE"];

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private readonly SandboxServices _services;
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<WebhookDelivery> _log = new();
    private readonly Channel<Pending> _events = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _intent = new(1, 1);
    private readonly Random _random;
    private readonly HttpClient _http;
    private WebhookSubscription? _subscription;
    private int _sequence;
    private long _nextId;
    private Task? _pump;

    internal SandboxWebhooks(SandboxServices services)
    {
        _services = services;
        _random = new Random(services.Options.Seed ^ 0x5EB0);
        // No proxy and no redirects: a post must go straight to the loopback listener and nowhere else.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        foreach (var book in services.Books)
        {
            book.Contacts.Changed = (contact, created) => Raise(book, "CONTACT", "Contacts", contact, created, null, null);
            book.Invoices.Changed = (invoice, created) => Raise(book, "INVOICE", "Invoices", invoice, created, null, null);
            book.CreditNotes.Changed = (note, created) => Raise(book, "CREDITNOTE", "CreditNotes", note, created, note.Type, note.Status);
        }
    }

    /// <summary>The app's webhook, or null when none is configured.</summary>
    public WebhookSubscription? Subscription
    {
        get
        {
            lock (_gate)
            {
                return _subscription;
            }
        }
    }

    /// <summary>Every post so far (intent to receive included), oldest first.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries => [.. _log];

    /// <summary>Forgets past posts (a delivery in flight keeps retrying).</summary>
    public void ClearDeliveries() => _log.Clear();

    /// <summary>Waits until a post matching <paramref name="predicate"/> has been made up, and returns it.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="timeout"/> passed first.</exception>
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

    /// <summary>True for hosts the sandbox may post to: 127.0.0.0/8, ::1 and localhost.</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return false;
        }

        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>
    /// Configures (or replaces) the app's webhook, as saving it in Xero's developer portal does: it starts in
    /// <see cref="WebhookStatus.IntentToReceiveRequired"/> and nothing is delivered until
    /// <see cref="SendIntentToReceiveAsync"/> passes. Events queued for a previous webhook are dropped.
    /// </summary>
    /// <param name="url">The delivery URL: absolute http(s), loopback only.</param>
    /// <param name="categories">Event categories (default all of <see cref="EventCategories"/>).</param>
    /// <param name="signingKey">The signing key; null generates one (88 base64 characters, as Xero's are).</param>
    /// <exception cref="ArgumentException">The URL is not loopback http(s), a category is unknown, or the key is blank.</exception>
    public WebhookSubscription Configure(Uri url, IEnumerable<string>? categories = null, string? signingKey = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The webhook URL must be an absolute http or https URL.", nameof(url));
        }

        if (!IsLoopback(url))
        {
            throw new ArgumentException("The sandbox delivers webhooks to loopback addresses only (127.0.0.0/8, [::1], localhost).", nameof(url));
        }

        var chosen = (categories ?? EventCategories).Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            throw new ArgumentException("Choose at least one event category.", nameof(categories));
        }

        if (chosen.FirstOrDefault(c => !EventCategories.Contains(c, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"Unknown event category '{unknown}'; the sandbox raises {string.Join(", ", EventCategories)}.", nameof(categories));
        }

        if (signingKey is not null && string.IsNullOrWhiteSpace(signingKey))
        {
            throw new ArgumentException("The signing key must not be blank.", nameof(signingKey));
        }

        lock (_gate)
        {
            _subscription = new WebhookSubscription(url, signingKey ?? NewKey(), [.. EventCategories.Where(chosen.Contains)]);
            return _subscription;
        }
    }

    /// <summary>Removes the app's webhook; nothing more is delivered.</summary>
    public void Remove()
    {
        lock (_gate)
        {
            _subscription = null;
        }
    }

    /// <summary>
    /// Runs intent to receive against the webhook URL: <see cref="XeroSandboxOptions.IntentToReceiveRequests"/> posts of
    /// <c>{"events":[],"lastEventSequence":0,"firstEventSequence":0,"entropy":…}</c>, half signed with the key and half
    /// with another (in an order drawn from the seed), one at a time. Each must be answered within
    /// <see cref="XeroSandboxOptions.WebhookTimeout"/> with 200 (correct signature) or 401 (wrong one), no body and no
    /// cookie. The webhook becomes <see cref="WebhookStatus.Ok"/> only when every one was; otherwise it stays (or goes
    /// back to) <see cref="WebhookStatus.IntentToReceiveRequired"/>. Nothing is retried.
    /// </summary>
    /// <exception cref="InvalidOperationException">No webhook is configured.</exception>
    public async Task<IntentToReceiveResult> SendIntentToReceiveAsync(CancellationToken cancellationToken = default)
    {
        var subscription = Subscription ?? throw new InvalidOperationException("No webhook is configured: call Configure first.");
        await _intent.WaitAsync(cancellationToken);
        try
        {
            lock (_gate)
            {
                if (ReferenceEquals(_subscription, subscription))
                {
                    subscription.Status = WebhookStatus.IntentToReceiveRequired;
                }
            }

            var count = Math.Max(2, _services.Options.IntentToReceiveRequests);
            bool[] signedOrder;
            lock (_gate)
            {
                signedOrder = [.. Enumerable.Range(0, count).Select(i => i < (count + 1) / 2)];
                _random.Shuffle(signedOrder);
            }

            var requests = new List<WebhookDelivery>();
            var failures = new List<string>();
            foreach (var signed in signedOrder)
            {
                string entropy, key;
                lock (_gate)
                {
                    entropy = string.Create(20, _random, (span, r) =>
                    {
                        for (var i = 0; i < span.Length; i++)
                        {
                            span[i] = Letters[r.Next(Letters.Length)];
                        }
                    });
                    key = signed ? subscription.SigningKey : NewKey();
                }

                var body = HttpJson.Build(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("events");
                    w.WriteEndArray();
                    w.WriteNumber("lastEventSequence", 0);
                    w.WriteNumber("firstEventSequence", 0);
                    w.WriteString("entropy", entropy);
                    w.WriteEndObject();
                });
                var delivery = new WebhookDelivery(Interlocked.Increment(ref _nextId), subscription.Url, body, WebhookSignature.Sign(key, body),
                    isIntentToReceive: true, signedCorrectly: signed, [], 0, 0, _services.Clock.GetUtcNow());
                _log.Enqueue(delivery);
                requests.Add(delivery);
                var (status, hasBody, hasCookie) = await SendAsync(delivery, readBody: true);
                delivery.Record(status);
                var expected = signed ? 200 : 401;
                var ok = status == expected && !hasBody && !hasCookie;
                delivery.Finish(ok);
                if (!ok)
                {
                    failures.Add($"#{delivery.Id} ({(signed ? "correctly" : "wrongly")} signed): expected {expected} with no body, got " +
                        (status == 0 ? "no answer in time" : $"{status}{(hasBody ? " with a body" : "")}{(hasCookie ? " with a cookie" : "")}"));
                }
            }

            var passed = failures.Count == 0;
            lock (_gate)
            {
                if (ReferenceEquals(_subscription, subscription))
                {
                    subscription.Status = passed ? WebhookStatus.Ok : WebhookStatus.IntentToReceiveRequired;
                }
            }

            return new IntentToReceiveResult(passed, requests) { Failures = failures };
        }
        finally
        {
            _intent.Release();
        }
    }

    internal void Start() => _pump = Task.Run(PumpAsync);

    /// <summary>
    /// Called under the organisation's lock for every stored contact, invoice or credit note. The event is dated now, when
    /// the change that caused it is made (Xero's <c>eventDateUtc</c>: when the event happened), not with the record's
    /// <c>UpdatedDateUTC</c>: a contact touched by an invoice keeps its own older one.
    /// </summary>
    private void Raise(TenantBook book, string category, string collection, XeroEntity record, bool created, string? dataType, string? dataStatus)
    {
        lock (_gate)
        {
            if (_subscription is not { Status: WebhookStatus.Ok } subscription || !subscription.Categories.Contains(category, StringComparer.Ordinal))
            {
                return;
            }

            var when = _services.Clock.GetUtcNow().UtcDateTime;
            var e = new WebhookEvent(
                $"{_services.BaseAddress}api.xro/2.0/{collection}/{record.Id:D}",
                record.Id,
                new DateTime(when.Ticks - (when.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
                created ? "CREATE" : "UPDATE",
                category,
                book.Tenant.TenantId,
                "ORGANISATION",
                dataType,
                dataStatus);
            _events.Writer.TryWrite(new Pending(subscription, ++_sequence, e));
        }
    }

    private async Task PumpAsync()
    {
        var reader = _events.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                // Xero batches: changes made close together go out in one post.
                if (_services.Options.WebhookBatchWindow > TimeSpan.Zero)
                {
                    await Task.Delay(_services.Options.WebhookBatchWindow, _stopping.Token);
                }

                var batch = new List<Pending>();
                var max = Math.Max(1, _services.Options.WebhookMaxBatchSize);
                WebhookSubscription? target = null;
                while (batch.Count < max && reader.TryPeek(out var next))
                {
                    var current = Subscription;
                    if (!ReferenceEquals(next.Subscription, current) || current!.Status != WebhookStatus.Ok)
                    {
                        // Raised for a webhook since replaced, removed or disabled: Xero sends nothing for it.
                        reader.TryRead(out _);
                        continue;
                    }

                    if (target is not null && !ReferenceEquals(target, next.Subscription))
                    {
                        break;
                    }

                    target = next.Subscription;
                    reader.TryRead(out _);
                    batch.Add(next);
                }

                if (batch.Count > 0)
                {
                    await DeliverAsync(target!, batch);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task DeliverAsync(WebhookSubscription subscription, List<Pending> batch)
    {
        var (first, last) = (batch[0].Sequence, batch[^1].Sequence);
        string entropy;
        lock (_gate)
        {
            entropy = string.Create(20, _random, (span, r) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = Letters[r.Next(Letters.Length)];
                }
            });
        }

        var body = HttpJson.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("events");
            foreach (var e in batch.Select(p => p.Event))
            {
                w.WriteStartObject();
                w.WriteString("resourceUrl", e.ResourceUrl);
                w.WriteString("resourceId", e.ResourceId.ToString("D"));
                w.WriteString("tenantId", e.TenantId.ToString("D"));
                w.WriteString("tenantType", e.TenantType);
                w.WriteString("eventCategory", e.EventCategory);
                w.WriteString("eventType", e.EventType);
                w.WriteString("eventDateUtc", e.EventDateUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture));
                if (e.DataType is not null)
                {
                    w.WriteStartObject("data");
                    w.WriteString("Type", e.DataType);
                    w.WriteString("Status", e.DataStatus);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("firstEventSequence", first);
            w.WriteNumber("lastEventSequence", last);
            w.WriteString("entropy", entropy);
            w.WriteEndObject();
        });
        var delivery = new WebhookDelivery(Interlocked.Increment(ref _nextId), subscription.Url, body, WebhookSignature.Sign(subscription.SigningKey, body),
            isIntentToReceive: false, signedCorrectly: true, [.. batch.Select(p => p.Event)], first, last, _services.Clock.GetUtcNow());
        _log.Enqueue(delivery);

        // The same body and signature on every attempt, with decreasing frequency, within the retry window of sandbox time.
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

                if (_services.Clock.GetUtcNow() - delivery.CreatedAt >= _services.Options.WebhookRetryWindow || !ReferenceEquals(Subscription, subscription))
                {
                    break;
                }
            }

            var (status, _, _) = await SendAsync(delivery, readBody: false);
            delivery.Record(status);
            if (status == 200)
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
        if (!_stopping.IsCancellationRequested)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_subscription, subscription) && subscription.Status == WebhookStatus.Ok)
                {
                    subscription.Status = WebhookStatus.Disabled;
                }
            }
        }
    }

    /// <summary>One POST: the status (0 for no answer within the timeout), whether the answer had a body, and whether it set a cookie.</summary>
    private async Task<(int Status, bool HasBody, bool HasCookie)> SendAsync(WebhookDelivery delivery, bool readBody)
    {
        // Checked again at send time: nothing but loopback is ever contacted.
        if (!IsLoopback(delivery.Uri))
        {
            return (0, false, false);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(_services.Options.WebhookTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Uri) { Content = new ByteArrayContent(delivery.RawBody.ToArray()) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, delivery.Signature);
            request.Headers.UserAgent.ParseAdd("Xero-Webhooks/1.0 (Ledgerline sandbox)");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var hasBody = false;
            if (readBody)
            {
                var content = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                hasBody = content.Length > 0;
            }

            return ((int)response.StatusCode, hasBody, response.Headers.Contains("Set-Cookie"));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return (0, false, false);
        }
    }

    /// <summary>A key like Xero's: 64 random bytes in base64 (88 characters). Called under the lock.</summary>
    private string NewKey()
    {
        var bytes = new byte[64];
        _random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Stops sending; pending events and retries are abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _events.Writer.TryComplete();
        try
        {
            if (_pump is not null)
            {
                await _pump;
            }
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        _http.Dispose();
        _stopping.Dispose();
        _intent.Dispose();
    }

    private sealed record Pending(WebhookSubscription Subscription, int Sequence, WebhookEvent Event);
}
