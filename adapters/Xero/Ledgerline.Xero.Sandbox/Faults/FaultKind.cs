namespace Ledgerline.Xero.Sandbox.Faults;

/// <summary>What a fault rule does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Delay the response by <see cref="FaultRule.Latency"/>, then answer normally.</summary>
    Latency,

    /// <summary>Answer 429 as Xero's limits do: <c>X-Rate-Limit-Problem</c> and, when set, <c>Retry-After</c>.</summary>
    TooManyRequests,

    /// <summary>Answer <see cref="FaultRule.StatusCode"/> (5xx) without running the endpoint.</summary>
    ServerError,

    /// <summary>Run the endpoint, then send half the body and abort the connection.</summary>
    TruncatedBody,

    /// <summary>Run the endpoint, then send a complete 200 response whose JSON is cut in half.</summary>
    MalformedBody,

    /// <summary>Abort the connection without answering.</summary>
    DropConnection,

    /// <summary>
    /// Run the endpoint, then, in a 200 JSON answer that holds an <c>access_token</c> (<c>/connect/token</c>'s, or
    /// <c>POST /_sandbox/tokens</c>'), replace <c>expires_in</c> with <see cref="FaultRule.ExpiresIn"/>, or leave it out
    /// when that is null: a token answer whose lifetime cannot be read. The tokens issued are real (a refresh token is
    /// rotated all the same).
    /// </summary>
    TokenLifetime,
}
