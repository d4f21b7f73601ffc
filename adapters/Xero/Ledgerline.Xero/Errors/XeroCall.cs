using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Errors;

/// <summary>What the adapter was doing when a response or failure arrived: the context the error table needs.</summary>
/// <param name="Entity">The kind of record.</param>
/// <param name="Operation"><c>get</c>, <c>list</c>, <c>create</c>, <c>update</c>, <c>archive</c>, <c>restore</c>, <c>delete</c> or a lifecycle action (<c>void</c>, <c>mark_sent</c>).</param>
/// <param name="ConnectionId">The connection the request was made for.</param>
/// <param name="RecordId">The record's id, for calls about one existing record.</param>
internal sealed record XeroCall(EntityKind Entity, string Operation, string ConnectionId, string? RecordId = null)
{
    /// <summary>Whether the call changes data (and so must never be retried blindly).</summary>
    public bool IsWrite => Operation is not ("get" or "list");

    /// <summary>
    /// The scope the endpoint needs, checked against the connection's stored scopes before the request
    /// (<see cref="XeroConnectionContext.TenantIdAsync"/>); by default the one of <see cref="Entity"/>'s endpoints, set
    /// where a call reads another endpoint (a bank account's currency from the accounts).
    /// </summary>
    public XeroScope Scope { get; init; } = XeroScope.Of(Entity);

    /// <summary>
    /// What an earlier request of the same Ledgerline call already changed at Xero, as a sentence (e.g. a draft invoice
    /// approved before a payment on it); <see langword="null"/> when nothing was. Every error of this call says it, so no
    /// message claims that nothing was done.
    /// </summary>
    public string? DoneBefore { get; init; }

    /// <summary>Ledgerline's id for a write attempt, reported in <see cref="OutcomeUnknownException"/>.</summary>
    public string OperationId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>When the request was sent (UTC).</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>
    /// The idempotency key the caller gave for this write (<see cref="CreateOptions.IdempotencyKey"/>), sent as
    /// <c>Idempotency-Key</c> by <see cref="XeroHttp"/>; <see langword="null"/> for none.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
