using System.Globalization;
using System.Text.Json;
using Ledgerline.Xero.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.Webhooks;

/// <summary>The webhook pipeline: size → signature (constant time, raw bytes) → payload → canonical changes per connection → duplicate flag.</summary>
internal sealed partial class XeroWebhookReceiver(
    IXeroTenantResolver tenants,
    XeroDeliveryDeduplicator deduplicator,
    IOptionsMonitor<XeroWebhookOptions> options,
    TimeProvider timeProvider,
    ILogger<XeroWebhookReceiver> logger) : IXeroWebhookReceiver
{
    private static readonly string[] RequiredEventFields = ["resourceUrl", "resourceId", "eventDateUtc", "eventType", "eventCategory", "tenantId", "tenantType"];

    public async Task<XeroWebhookResult> ReceiveAsync(ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        if (body.Length > settings.MaxBodyBytes)
        {
            return Malformed($"The body is larger than {settings.MaxBodyBytes} bytes.");
        }

        // The signature first, over the exact bytes: intent to receive sends wrongly signed requests that must get 401
        // whatever they hold, and nothing unauthenticated is parsed.
        if (!XeroWebhookSignature.IsValid(settings.SigningKey!, body.Span, signature))
        {
            LogRejected(logger, signature is null ? "missing" : "not matching");
            return new() { Status = XeroWebhookStatus.Unauthorized, Error = "The x-xero-signature is missing or does not match." };
        }

        if (!TryParse(body, out var payload, out var error))
        {
            return Malformed(error);
        }

        if (payload.Events.Count == 0)
        {
            LogIntentToReceive(logger);
            return new()
            {
                Status = XeroWebhookStatus.Accepted,
                IsIntentToReceive = true,
                FirstEventSequence = payload.First,
                LastEventSequence = payload.Last,
            };
        }

        var now = timeProvider.GetUtcNow();
        var changes = new List<LedgerChange>();
        var unmapped = new List<XeroWebhookEvent>();
        var connectionsByTenant = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (e, dataType) in payload.Events)
        {
            if (!TryMap(e, dataType, out var entity, out var kind))
            {
                unmapped.Add(e);
                continue;
            }

            if (!connectionsByTenant.TryGetValue(e.TenantId, out var connections))
            {
                connections = await tenants.ResolveConnectionIdsAsync(e.TenantId, cancellationToken);
                connectionsByTenant[e.TenantId] = connections;
            }

            var eventName = $"{e.EventCategory}.{e.EventType}";
            var dedupeKey = $"{XeroRequest.ProviderName}:{e.TenantId}:{eventName}:{e.ResourceId}:{e.EventDateUtc}";
            var change = new LedgerChange
            {
                Provider = XeroRequest.ProviderName,
                Entity = entity,
                Kind = kind,
                EntityId = e.ResourceId,
                AccountId = e.TenantId,
                ReceivedAt = now,
                EventName = eventName,
                DedupeKey = dedupeKey,
                IsDuplicate = deduplicator.Observe(dedupeKey, settings.DuplicateWindow, Math.Max(1, settings.DuplicateCapacity)),
                ProviderFields = [.. e.Fields, .. payload.BatchFields],
            };

            if (connections.Count == 0)
            {
                changes.Add(change);
            }
            else
            {
                changes.AddRange(connections.Select(c => change with { ConnectionId = c }));
            }
        }

        LogAccepted(logger, payload.Events.Count, payload.First, payload.Last, unmapped.Count);
        return new()
        {
            Status = XeroWebhookStatus.Accepted,
            Changes = changes,
            Unmapped = unmapped,
            FirstEventSequence = payload.First,
            LastEventSequence = payload.Last,
        };
    }

    /// <summary>
    /// CONTACT → contact, INVOICE → invoice (Xero's category also covers bills and does not say which), CREDITNOTE of
    /// <c>data.Type</c> ACCRECCREDIT → credit note; CREATE → created, UPDATE → updated. Anything else is unmapped.
    /// </summary>
    internal static bool TryMap(XeroWebhookEvent e, string? dataType, out EntityKind entity, out ChangeKind kind)
    {
        entity = default;
        kind = default;
        if (!string.Equals(e.TenantType, "ORGANISATION", StringComparison.Ordinal))
        {
            return false;
        }

        switch (e.EventType)
        {
            case "CREATE": kind = ChangeKind.Created; break;
            case "UPDATE": kind = ChangeKind.Updated; break;
            default: return false;
        }

        switch (e.EventCategory)
        {
            case "CONTACT": entity = EntityKind.Contact; return true;
            case "INVOICE": entity = EntityKind.Invoice; return true;
            case "CREDITNOTE" when dataType == "ACCRECCREDIT": entity = EntityKind.CreditNote; return true;
            default: return false;
        }
    }

    private sealed record Payload(List<(XeroWebhookEvent Event, string? DataType)> Events, long First, long Last, List<KeyValuePair<string, string>> BatchFields);

    /// <summary>Reads Xero's event payload; every required member must be present with its type, or the whole payload is malformed.</summary>
    private static bool TryParse(ReadOnlyMemory<byte> body, out Payload payload, out string error)
    {
        payload = null!;
        error = "";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            error = "The body is not valid JSON.";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The body is not a JSON object.";
                return false;
            }

            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                error = "'events' is missing or not an array.";
                return false;
            }

            long first = 0, last = 0;
            foreach (var name in (ReadOnlySpan<string>)["firstEventSequence", "lastEventSequence"])
            {
                if (!root.TryGetProperty(name, out var n) || n.ValueKind != JsonValueKind.Number || !n.TryGetInt64(out var value) || value < 0)
                {
                    error = $"'{name}' is missing or not a non-negative integer.";
                    return false;
                }

                (first, last) = name == "firstEventSequence" ? (value, last) : (first, value);
            }

            if (!root.TryGetProperty("entropy", out var entropy) || entropy.ValueKind != JsonValueKind.String)
            {
                error = "'entropy' is missing or not a string.";
                return false;
            }

            var list = new List<(XeroWebhookEvent, string?)>();
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                if (!TryReadEvent(item, index, out var e, out var dataType, out error))
                {
                    return false;
                }

                list.Add((e, dataType));
                index++;
            }

            payload = new Payload(list, first, last,
            [
                new("firstEventSequence", first.ToString(CultureInfo.InvariantCulture)),
                new("lastEventSequence", last.ToString(CultureInfo.InvariantCulture)),
                new("entropy", entropy.GetString()!),
            ]);
            return true;
        }
    }

    private static bool TryReadEvent(JsonElement item, int index, out XeroWebhookEvent e, out string? dataType, out string error)
    {
        e = null!;
        dataType = null;
        error = "";
        if (item.ValueKind != JsonValueKind.Object)
        {
            error = $"events[{index}] is not an object.";
            return false;
        }

        var fields = new List<KeyValuePair<string, string>>();
        foreach (var property in item.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in property.Value.EnumerateObject())
                {
                    fields.Add(new($"{property.Name}.{inner.Name}", Text(inner.Value)));
                }
            }
            else
            {
                fields.Add(new(property.Name, Text(property.Value)));
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in RequiredEventFields)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                error = $"events[{index}].{name} is missing, empty or not a string.";
                return false;
            }

            values[name] = value.GetString()!;
        }

        foreach (var name in (ReadOnlySpan<string>)["resourceId", "tenantId"])
        {
            if (!Guid.TryParse(values[name], out _))
            {
                error = $"events[{index}].{name} is not a GUID.";
                return false;
            }
        }

        if (item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object &&
            data.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            dataType = type.GetString();
        }

        e = new XeroWebhookEvent
        {
            ResourceUrl = values["resourceUrl"],
            ResourceId = values["resourceId"],
            EventDateUtc = values["eventDateUtc"],
            EventType = values["eventType"],
            EventCategory = values["eventCategory"],
            TenantId = values["tenantId"],
            TenantType = values["tenantType"],
            Fields = fields,
        };
        return true;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static XeroWebhookResult Malformed(string error) => new() { Status = XeroWebhookStatus.Malformed, Error = error };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Xero webhook: signature {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a correctly signed Xero intent-to-receive request")]
    private static partial void LogIntentToReceive(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Accepted a Xero webhook of {Count} events ({First}..{Last}), {Unmapped} without a canonical change")]
    private static partial void LogAccepted(ILogger logger, int count, long first, long last, int unmapped);
}
