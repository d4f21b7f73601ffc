using System.Security.Cryptography;
using System.Text;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on Accounting writes (PUT/POST): the first request runs and its answer is stored; the
/// same request with the same key within the window gets that answer again without running; a different request with
/// the key, or a repeat while the first is still running, answers 409.
/// </summary>
internal static class IdempotencyGate
{
    public const string Header = "Idempotency-Key";

    /// <summary>Xero: "128 character max."</summary>
    public const int MaxKeyLength = 128;

    public static async Task InvokeAsync(HttpContext context, IdempotencyStore store, string app, Guid tenant, Func<Task> next)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || !(HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPost(context.Request.Method)))
        {
            await next();
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await HttpJson.WriteTextAsync(context, 400, $"The Idempotency-Key header must be at most {MaxKeyLength} characters.");
            return;
        }

        var fingerprint = await FingerprintAsync(context);
        var (claim, stored) = store.Begin(app, tenant, key, fingerprint);
        switch (claim)
        {
            case IdempotencyStore.Claim.Replay:
                await HttpJson.WriteBytesAsync(context, stored!.Status, stored.Body!, stored.ContentType ?? "text/plain; charset=utf-8");
                return;
            case IdempotencyStore.Claim.Conflict:
                await HttpJson.WriteTextAsync(context, 409, "The Idempotency-Key was already used for a different request, or that request is still being processed.");
                return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next();
            completed = true;
        }
        finally
        {
            context.Response.Body = original;
            var status = context.Response.StatusCode;
            if (completed && status < 500 && status != 429)
            {
                store.Complete(app, tenant, key, fingerprint, status, context.Response.ContentType, buffer.ToArray());
            }
            else
            {
                store.Abandon(app, tenant, key);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Method, path, query and body bytes: what makes two requests "the same request".</summary>
    private static async Task<string> FingerprintAsync(HttpContext context)
    {
        context.Request.EnableBuffering(HttpJson.MaxBodyBytes + 1);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{context.Request.Method} {context.Request.Path.Value?.ToUpperInvariant()}{context.Request.QueryString.Value}\n"));
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while (total <= HttpJson.MaxBodyBytes && (read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
            total += read;
        }

        context.Request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
