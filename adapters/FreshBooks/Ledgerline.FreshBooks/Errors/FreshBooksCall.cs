namespace Ledgerline.FreshBooks.Errors;

/// <summary>What the adapter was doing when a response or failure arrived: the context the error table needs.</summary>
/// <param name="Entity">The kind of record; <see langword="null"/> for a call about no record (see <see cref="About"/>).</param>
/// <param name="Operation"><c>get</c>, <c>list</c>, <c>create</c>, <c>update</c>, <c>archive</c>, <c>restore</c>, <c>delete</c> or a lifecycle action (<c>mark_sent</c>).</param>
/// <param name="ConnectionId">The connection the request was made for; empty before one exists (identity and token calls while connecting).</param>
/// <param name="RecordId">The record's id, for calls about one existing record.</param>
internal sealed record FreshBooksCall(EntityKind? Entity, string Operation, string ConnectionId, string? RecordId = null)
{
    /// <summary>The subject of <c>/users/me</c> calls.</summary>
    public const string Identity = "identity";

    /// <summary>The subject of token endpoint calls (code exchange, refresh).</summary>
    public const string TokenEndpoint = "token";

    /// <summary>The subject of webhook callback calls (the events service).</summary>
    public const string Callback = "callback";

    /// <summary>What a call about no record is about (<see cref="Identity"/>, <see cref="TokenEndpoint"/>, <see cref="Callback"/>).</summary>
    public string? Subject { get; init; }

    /// <summary>Whether the call changes data (and so must never be retried blindly).</summary>
    public bool IsWrite => Operation is not ("get" or "list");

    /// <summary>
    /// Whether an error may quote the answer's body. Token endpoint answers may echo what was sent (the client secret, a
    /// refresh token), so they are never quoted.
    /// </summary>
    public bool MayQuoteBody => Subject != TokenEndpoint;

    /// <summary>What the call is about, for messages: the entity, else the subject.</summary>
    public string Target => Entity?.ToString() ?? Subject ?? "request";

    /// <summary>Ledgerline's id for a write attempt, reported in <see cref="OutcomeUnknownException"/> and the log.</summary>
    public string OperationId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>When the request was sent (UTC).</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>A call about no record: identity, the token endpoint or a webhook callback.</summary>
    public static FreshBooksCall About(string subject, string operation, string? connectionId = null, string? recordId = null) =>
        new(null, operation, connectionId ?? string.Empty, recordId) { Subject = subject };
}
