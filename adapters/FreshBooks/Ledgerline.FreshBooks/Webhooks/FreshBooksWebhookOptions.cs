namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>How Ledgerline receives FreshBooks webhooks.</summary>
public sealed class FreshBooksWebhookOptions
{
    /// <summary>
    /// Fetch the changed record through the connection's stores and attach it as <see cref="LedgerChange.Record"/>.
    /// FreshBooks notices name the record only. Default <see langword="false"/>.
    /// </summary>
    public bool FetchRecords { get; set; }

    /// <summary>
    /// Complete FreshBooks' verification round-trip when a verification notice arrives for an account whose connection
    /// is known, by sending the verifier back through <see cref="IFreshBooksWebhookSubscriptions.VerifyAsync"/>.
    /// When <see langword="false"/>, or no connection is known, the notice is handed to
    /// <see cref="IFreshBooksWebhookVerificationHandler"/> if one is registered. Default <see langword="true"/>.
    /// </summary>
    public bool CompleteVerificationAutomatically { get; set; } = true;

    /// <summary>How long a dedupe key is remembered to mark later notices <see cref="LedgerChange.IsDuplicate"/>. Default 10 minutes.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most dedupe keys remembered at once (oldest forgotten first). Default 10,000.</summary>
    public int DuplicateCapacity { get; set; } = 10_000;

    /// <summary>The largest request body read, in bytes; larger bodies are refused. Default 64 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
