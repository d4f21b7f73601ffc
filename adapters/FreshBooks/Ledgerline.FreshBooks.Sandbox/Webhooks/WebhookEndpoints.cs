using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Accounting;
using Ledgerline.FreshBooks.Sandbox.Auth;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Webhooks;

/// <summary><c>/events/account/{accountId}/events/callbacks[/{id}]</c>: create, list, get, update, verify, resend, delete.</summary>
internal static class WebhookEndpoints
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "DELETE"];
    private const string InvalidUri = "uri: Input should be a valid URL, relative URL without a base";
    private const string NotLoopback = "uri: The sandbox only delivers to loopback addresses (127.0.0.0/8, localhost, [::1]).";
    private const string UnknownEvent = "event: Value error, Unrecognized event.";

    public static void Map(WebApplication app, SandboxServices s, SandboxWebhooks hooks)
    {
        app.MapMethods("/events/account/{accountId}/events/callbacks", Verbs,
            (HttpContext c, string accountId) => HandleAsync(c, s, hooks, accountId, null));
        app.MapMethods("/events/account/{accountId}/events/callbacks/{id}", Verbs,
            (HttpContext c, string accountId, string id) => HandleAsync(c, s, hooks, accountId, id));
    }

    private static async Task HandleAsync(HttpContext context, SandboxServices s, SandboxWebhooks hooks, string accountId, string? id)
    {
        var grant = await s.Gate.AuthorizeAsync(context, ServiceFamily.Events, null);
        if (grant is null)
        {
            return;
        }

        var account = s.Data.ByAccount(accountId);
        int recordId = 0;
        if (account is null || (id is not null && !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out recordId)))
        {
            await Errors.EventsNotFoundAsync(context);
            return;
        }

        var method = context.Request.Method;
        if (id is null && method == "GET")
        {
            await ListAsync(context, account);
            return;
        }

        if (id is null && method == "POST")
        {
            await CreateAsync(context, s, hooks, account, grant);
            return;
        }

        if (id is null)
        {
            await Errors.EventsAsync(context, 405, "Method not allowed.");
            return;
        }

        Callback? existing;
        using (account.Read())
        {
            existing = account.Callbacks.Find(recordId);
        }

        if (existing is null)
        {
            await Errors.EventsNotFoundAsync(context);
            return;
        }

        var scope = SandboxWebhooks.ScopeFor(existing.Event);
        if (!grant.HasScope(scope))
        {
            await Errors.InsufficientScopeAsync(context, grant.Scopes, scope);
            return;
        }

        switch (method)
        {
            case "GET":
                await WriteSingleAsync(context, existing);
                return;
            case "PUT":
                await UpdateAsync(context, s, hooks, account, recordId, grant);
                return;
            case "DELETE":
                using (account.Write())
                {
                    account.Callbacks.Remove(recordId);
                }

                context.Response.StatusCode = 204;
                return;
            default:
                await Errors.EventsAsync(context, 405, "Method not allowed.");
                return;
        }
    }

    private static void Write(Utf8JsonWriter w, Callback c)
    {
        w.WriteStartObject();
        w.WriteNumber("callbackid", c.Id);
        w.WriteNumber("id", c.Id);
        w.WriteString("event", c.Event);
        w.WriteString("uri", c.Uri);
        w.WriteBoolean("verified", c.Verified);
        w.WriteString("updated_at", Formats.IsoZ(c.Updated));
        w.WriteEndObject();
    }

    private static Task WriteSingleAsync(HttpContext context, Callback c) => HttpJson.WriteAsync(context, 200, w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("response");
        w.WriteStartObject("result");
        w.WritePropertyName("callback");
        Write(w, c);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static async Task ListAsync(HttpContext context, AccountState account)
    {
        if (!Paging.TryParse(context.Request.Query, 15, out var paging, out var error))
        {
            await Errors.EventsAsync(context, 400, error!.Message);
            return;
        }

        var eventFilter = context.Request.Query["search[event]"].FirstOrDefault();
        byte[] body;
        using (account.Read())
        {
            // search[event] matches the event itself and its parent subscription ("invoice" for "invoice.create").
            var matched = account.Callbacks.All.Where(c => string.IsNullOrEmpty(eventFilter) || c.Event == eventFilter ||
                eventFilter.StartsWith(c.Event + ".", StringComparison.Ordinal)).ToList();
            body = HttpJson.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("response");
                w.WriteStartObject("result");
                w.WriteStartArray("callbacks");
                foreach (var c in paging.Slice(matched))
                {
                    Write(w, c);
                }

                w.WriteEndArray();
                w.WriteNumber("page", paging.Page);
                w.WriteNumber("pages", paging.Pages(matched.Count));
                w.WriteNumber("per_page", paging.PerPage);
                w.WriteNumber("total", matched.Count);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        await HttpJson.WriteBytesAsync(context, 200, body);
    }

    private static async Task<JsonObject?> ReadAsync(HttpContext context)
    {
        var read = await HttpJson.ReadObjectAsync(context);
        if (read.Malformed || read.NotObject)
        {
            await Errors.EventsAsync(context, 400, "The browser (or proxy) sent a request that this server could not understand.");
            return null;
        }

        if (read.Body?["callback"] is not JsonObject inner)
        {
            await Errors.EventsValidationAsync(context, ["callback: Field required"]);
            return null;
        }

        return inner;
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>Validates event and uri; returns the problems in the events family's detail format.</summary>
    private static List<string> Check(string? eventName, string? uri, bool eventRequired, bool uriRequired, bool eventPresent, bool uriPresent)
    {
        var details = new List<string>();
        if (eventPresent || eventRequired)
        {
            if (eventName is null)
            {
                details.Add(eventPresent ? UnknownEvent : "event: Field required");
            }
            else if (!SandboxWebhooks.IsKnownEvent(eventName))
            {
                details.Add(UnknownEvent);
            }
        }

        if (uriPresent || uriRequired)
        {
            if (uri is null)
            {
                details.Add(uriPresent ? InvalidUri : "uri: Field required");
            }
            else if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                details.Add(InvalidUri);
            }
            else if (!SandboxWebhooks.IsLoopback(parsed))
            {
                details.Add(NotLoopback);
            }
        }

        return details;
    }

    private static async Task CreateAsync(HttpContext context, SandboxServices s, SandboxWebhooks hooks, AccountState account, TokenGrant grant)
    {
        var body = await ReadAsync(context);
        if (body is null)
        {
            return;
        }

        var eventName = Text(body, "event");
        var uri = Text(body, "uri");
        var details = Check(eventName, uri, true, true, body.ContainsKey("event"), body.ContainsKey("uri"));
        if (details.Count > 0)
        {
            await Errors.EventsValidationAsync(context, details);
            return;
        }

        var scope = SandboxWebhooks.ScopeFor(eventName!);
        if (!grant.HasScope(scope))
        {
            await Errors.InsufficientScopeAsync(context, grant.Scopes, scope);
            return;
        }

        var now = s.Clock.GetUtcNow();
        Callback callback;
        using (account.Write())
        {
            callback = new Callback
            {
                Id = account.Callbacks.NextId(),
                Event = eventName!,
                Uri = uri!,
                Verifier = TokenStore.NewSecret(16),
                Created = now,
                Updated = now,
            };
            account.Callbacks.Add(callback);
            hooks.SendVerification(account, callback);
        }

        await WriteSingleAsync(context, callback);
    }

    private static async Task UpdateAsync(HttpContext context, SandboxServices s, SandboxWebhooks hooks, AccountState account, int id, TokenGrant grant)
    {
        var body = await ReadAsync(context);
        if (body is null)
        {
            return;
        }

        var now = s.Clock.GetUtcNow();
        Callback? updated = null;
        List<string>? problems = null;
        string? missingScope = null;
        using (account.Write())
        {
            if (account.Callbacks.Find(id) is not { } current)
            {
                problems = null;
            }
            else if (body.ContainsKey("verifier"))
            {
                var verifier = Text(body, "verifier");
                if (verifier is null || !string.Equals(verifier, current.Verifier, StringComparison.Ordinal))
                {
                    problems = ["verifier: Value error, Invalid verifier."];
                }
                else
                {
                    updated = (Callback)current.Copy();
                    updated.Verified = true;
                }
            }
            else if (body.ContainsKey("resend"))
            {
                updated = (Callback)current.Copy();
                hooks.SendVerification(account, updated);
            }
            else
            {
                var eventName = body.ContainsKey("event") ? Text(body, "event") : current.Event;
                var uri = body.ContainsKey("uri") ? Text(body, "uri") : current.Uri;
                problems = Check(eventName, uri, false, false, body.ContainsKey("event"), body.ContainsKey("uri"));
                if (problems.Count == 0 && !grant.HasScope(SandboxWebhooks.ScopeFor(eventName!)))
                {
                    missingScope = SandboxWebhooks.ScopeFor(eventName!);
                }
                else if (problems.Count == 0)
                {
                    updated = (Callback)current.Copy();
                    updated.Event = eventName!;
                    if (!string.Equals(uri, current.Uri, StringComparison.Ordinal))
                    {
                        // A new address has to prove itself again.
                        updated.Uri = uri!;
                        updated.Verified = false;
                        updated.Verifier = TokenStore.NewSecret(16);
                        hooks.SendVerification(account, updated);
                    }
                }
            }

            if (updated is not null)
            {
                updated.Updated = now;
                account.Callbacks.Replace(updated);
            }
        }

        if (missingScope is not null)
        {
            await Errors.InsufficientScopeAsync(context, grant.Scopes, missingScope);
        }
        else if (problems is { Count: > 0 })
        {
            await Errors.EventsValidationAsync(context, problems);
        }
        else if (updated is null)
        {
            await Errors.EventsNotFoundAsync(context);
        }
        else
        {
            await WriteSingleAsync(context, updated);
        }
    }
}
