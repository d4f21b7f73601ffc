namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>What became of one request to the webhook endpoint.</summary>
public enum FreshBooksWebhookStatus
{
    /// <summary>An authentic notice, turned into <see cref="FreshBooksWebhookResult.Change"/>. Answer 200.</summary>
    Accepted,

    /// <summary>A verification notice, completed with FreshBooks; the callback is live. Answer 200.</summary>
    VerificationCompleted,

    /// <summary>A verification notice Ledgerline did not complete itself (see <see cref="FreshBooksWebhookResult.Verification"/>). Answer 202.</summary>
    VerificationReceived,

    /// <summary>The signature is missing or wrong, or FreshBooks refused the verifier. Answer 401.</summary>
    Unauthorized,

    /// <summary>The body is not a well-formed FreshBooks notice (bad form encoding, a missing field, an unknown event). Answer 400.</summary>
    Malformed,
}
