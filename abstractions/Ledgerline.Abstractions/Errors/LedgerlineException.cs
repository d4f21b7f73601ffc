namespace Ledgerline;

/// <summary>
/// The base of every error Ledgerline raises about a provider or an input. Catch it to handle them all; catch a derived
/// type to act on one kind. Cancellation is never wrapped: <see cref="OperationCanceledException"/> passes through.
/// Messages never contain tokens, secrets or request bodies.
/// </summary>
public class LedgerlineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerlineException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The provider that raised the error, e.g. <c>FreshBooks</c>; <see langword="null"/> when Ledgerline itself refused.</summary>
    public string? Provider { get; init; }

    /// <summary>The provider's own error code (FreshBooks' <c>errno</c>, an OAuth <c>error</c>, …).</summary>
    public string? ProviderCode { get; init; }

    /// <summary>The provider's own error message.</summary>
    public string? ProviderMessage { get; init; }

    /// <summary>The HTTP status the provider answered with, for HTTP providers.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The most characters of a caller's id quoted in a message (the property keeps it whole).</summary>
    private protected const int MaxQuotedIdLength = 128;

    /// <summary>An id as a message quotes it: whole up to <see cref="MaxQuotedIdLength"/> characters, then cut with "…".</summary>
    private protected static string QuoteId(string? id) =>
        id is null ? string.Empty : id.Length <= MaxQuotedIdLength ? id : string.Concat(id.AsSpan(0, MaxQuotedIdLength), "…");
}

/// <summary>No record has the requested id.</summary>
public sealed class RecordNotFoundException(EntityKind entity, string id, Exception? innerException = null)
    : LedgerlineException($"{entity} '{QuoteId(id)}' was not found.", innerException)
{
    /// <summary>The kind of record asked for.</summary>
    public EntityKind Entity { get; } = entity;

    /// <summary>The id asked for.</summary>
    public string Id { get; } = id;
}

/// <summary>A write was attempted on a deleted record; restore it first.</summary>
public sealed class RecordDeletedException(EntityKind entity, string id, Exception? innerException = null)
    : LedgerlineException($"{entity} '{QuoteId(id)}' is deleted; restore it before changing it.", innerException)
{
    /// <summary>The kind of record.</summary>
    public EntityKind Entity { get; } = entity;

    /// <summary>The record's id.</summary>
    public string Id { get; } = id;
}

/// <summary>One problem with one input field.</summary>
/// <param name="Field">The field's path in the input, e.g. <c>Lines[0].Quantity</c>.</param>
/// <param name="Message">What is wrong, in words a developer can act on.</param>
/// <param name="Code">A stable code for the rule (Ledgerline's or the provider's).</param>
public sealed record FieldError(string Field, string Message, string? Code = null);

/// <summary>
/// The input is invalid. Raised by Ledgerline before any request is sent, or from a provider's own validation errors.
/// </summary>
public class LedgerValidationException : LedgerlineException
{
    /// <summary>Creates the exception from field errors.</summary>
    public LedgerValidationException(IReadOnlyList<FieldError> errors, Exception? innerException = null)
        : base(Describe(errors), innerException)
    {
        Errors = errors;
    }

    /// <summary>Every problem found, by field.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    private static string Describe(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? "The input is invalid."
            : "The input is invalid: " + string.Join("; ", errors.Select(e => string.IsNullOrEmpty(e.Field) ? e.Message : $"{e.Field}: {e.Message}"));
    }
}

/// <summary>A paging cursor is malformed or was produced by a different query.</summary>
public sealed class InvalidCursorException(string reason)
    : LedgerValidationException([new FieldError("cursor", reason, "InvalidCursor")]);

/// <summary>
/// The provider refused the credentials and they cannot be renewed: the user must connect (authorize) again.
/// Ledgerline stops at the first such refusal; it never retries in a loop.
/// </summary>
public sealed class ReauthorizationRequiredException(string connectionId, string message, Exception? innerException = null)
    : LedgerlineException(message, innerException)
{
    /// <summary>
    /// The connection that needs the user to authorize again; empty when no connection exists yet (a connector's token
    /// import or organisation/identity lookup refused the tokens it was given).
    /// </summary>
    public string ConnectionId { get; } = connectionId;
}

/// <summary>
/// While connecting, the provider refused the authorization code from the redirect (OAuth <c>invalid_grant</c>): it has
/// expired, was already exchanged, or was issued for another redirect URI or client. Nothing was stored. The code cannot
/// be used again: send the user through the provider's consent page once more and exchange the new code once.
/// </summary>
public sealed class AuthorizationCodeRefusedException(string message, Exception? innerException = null)
    : LedgerlineException(message, innerException);

/// <summary>The connection lacks a permission (an OAuth scope) the operation needs.</summary>
public sealed class PermissionDeniedException(string message, string? requiredScope = null, Exception? innerException = null)
    : LedgerlineException(message, innerException)
{
    /// <summary>The scope that is needed, when known (e.g. <c>user:invoices:write</c>).</summary>
    public string? RequiredScope { get; } = requiredScope;
}

/// <summary>The provider is limiting requests and Ledgerline would not wait longer.</summary>
public sealed class RateLimitedException(TimeSpan? retryAfter, Exception? innerException = null)
    : LedgerlineException(retryAfter is { } wait
        ? $"The provider is rate limiting requests; retry after {wait.TotalSeconds:0.###} s."
        : "The provider is rate limiting requests.", innerException)
{
    /// <summary>How long the provider asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The provider failed or could not be reached (5xx, timeouts, transport errors on safe requests).</summary>
public sealed class ProviderUnavailableException(string message, Exception? innerException = null)
    : LedgerlineException(message, innerException);

/// <summary>
/// A write may or may not have taken effect: the request was sent and no answer that says what happened was read (a
/// dropped connection, a timeout, a 5xx, or a success answer whose body cannot be read). Ledgerline never repeats such a
/// write blindly; check whether it happened, using what this carries.
/// </summary>
/// <remarks>
/// When an answer arrived but could not be read, <see cref="Exception.InnerException"/> is the
/// <see cref="InvalidProviderResponseException"/> with the answer's bounded excerpt. The caller's own cancellation of a
/// write is not reported with this exception: it stays an <see cref="OperationCanceledException"/>, and a write cancelled
/// after it was sent has an unknown outcome too.
/// </remarks>
public sealed class OutcomeUnknownException : LedgerlineException
{
    /// <summary>The message's account when no answer was read at all.</summary>
    private const string NoAnswer = "it was sent but no answer was read";

    /// <summary>A write that was sent and got no answer (a dropped connection, a timeout).</summary>
    public OutcomeUnknownException(EntityKind entity, string operation, string operationId, Exception? innerException = null)
        : this(entity, operation, operationId, NoAnswer, innerException)
    {
    }

    /// <summary>A write whose outcome is unknown for the reason <paramref name="whatHappened"/>.</summary>
    /// <param name="entity">The kind of record written.</param>
    /// <param name="operation">The operation, e.g. <c>create</c>.</param>
    /// <param name="operationId">Ledgerline's id for the attempt.</param>
    /// <param name="whatHappened">What was seen, completing "is unknown: …", e.g. "Xero answered HTTP 502 after it was sent". Never quotes a secret.</param>
    /// <param name="innerException">The failure, or the unreadable answer's <see cref="InvalidProviderResponseException"/>.</param>
    public OutcomeUnknownException(EntityKind entity, string operation, string operationId, string whatHappened, Exception? innerException = null)
        : base(
            $"The outcome of {operation} {entity} (operation {operationId}) is unknown: {whatHappened}. " +
            "Check whether it took effect before trying again.", innerException)
    {
        Entity = entity;
        Operation = operation;
        OperationId = operationId;
    }

    /// <summary>The kind of record written.</summary>
    public EntityKind Entity { get; }

    /// <summary>The operation: <c>create</c>, <c>update</c>, <c>archive</c>, <c>restore</c> or <c>delete</c>.</summary>
    public string Operation { get; }

    /// <summary>Ledgerline's id for the attempt, also written to the log.</summary>
    public string OperationId { get; }

    /// <summary>The record's id, for writes to an existing record.</summary>
    public string? RecordId { get; init; }

    /// <summary>When the request was sent (UTC); search for records changed since then to reconcile a create.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>
    /// Whether the request carried an idempotency key (<see cref="CreateOptions.IdempotencyKey"/>) to a provider that
    /// honours it. When <see langword="true"/>, repeating the same call with the same key and the same input is safe within
    /// the provider's replay window: it returns the record if the first attempt made one, and makes it once otherwise.
    /// When <see langword="false"/>, a repeat may make a duplicate: reconcile first (<see cref="SentAt"/>).
    /// </summary>
    public bool IdempotencyKeySent { get; init; }

    /// <inheritdoc />
    public override string Message => IdempotencyKeySent
        ? base.Message + " The request carried an idempotency key: repeating it with the same key and input is safe."
        : base.Message;
}

/// <summary>
/// An idempotency key (<see cref="CreateOptions.IdempotencyKey"/>) was given with an input other than the one it was first
/// used with, or again while the first request with it was still being processed. Nothing was created by this call. Use a
/// new key for a new input; for the same input, try again once the first request has finished.
/// </summary>
public sealed class IdempotencyKeyConflictException(EntityKind entity, string operation, string message, Exception? innerException = null)
    : LedgerlineException(message, innerException)
{
    /// <summary>The kind of record the create was for.</summary>
    public EntityKind Entity { get; } = entity;

    /// <summary>The operation: <c>create</c> or an entity's own create (<c>allocate</c>).</summary>
    public string Operation { get; } = operation;
}

/// <summary>
/// The provider does not support an operation, a store or a filter. Raised before any request is sent;
/// <see cref="LedgerlineException.Provider"/> names the provider.
/// </summary>
public sealed class OperationNotSupportedException : LedgerlineException
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="provider">The provider's name, e.g. <c>FreshBooks</c>.</param>
    /// <param name="entity">The kind of record.</param>
    /// <param name="feature">The operation or filter refused.</param>
    public OperationNotSupportedException(string provider, EntityKind entity, string feature)
        : base($"{provider} does not support {feature} for {entity} records.")
    {
        Provider = provider;
        Entity = entity;
        Feature = feature;
    }

    /// <summary>The kind of record.</summary>
    public EntityKind Entity { get; }

    /// <summary>The operation or filter refused, e.g. <c>Archive</c> or <c>filter UpdatedSince</c>.</summary>
    public string Feature { get; }
}

/// <summary>
/// The provider answered with something Ledgerline cannot read: not JSON, truncated, the wrong envelope, or a field
/// that does not parse. Carries the status and a bounded excerpt of the body (never a token).
/// </summary>
public sealed class InvalidProviderResponseException(string message, string? bodyExcerpt = null, Exception? innerException = null)
    : LedgerlineException(message, innerException)
{
    /// <summary>The first part of the body as received (bounded), for diagnosis.</summary>
    public string? BodyExcerpt { get; } = bodyExcerpt;
}
