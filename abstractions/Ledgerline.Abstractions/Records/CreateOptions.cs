namespace Ledgerline;

/// <summary>
/// Options of one create: <see cref="ILedgerStore{TRecord, TDraft, TChanges, TQuery}.CreateAsync(TDraft, CreateOptions?, CancellationToken)"/>
/// and the operations that create a record of their own (<see cref="ICreditNoteStore.AllocateAsync(string, NewCreditAllocation, CreateOptions?, CancellationToken)"/>).
/// Passed per call, like Stripe's <c>RequestOptions</c>, so what a call carries is visible where it is made.
/// </summary>
public sealed record CreateOptions
{
    /// <summary>The most characters an idempotency key may have (Xero's limit: "128 character max").</summary>
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>
    /// A key naming this create, chosen by the application (a GUID, or an id from its own data such as <c>order-42:invoice</c>),
    /// so that the create can be repeated safely after <see cref="OutcomeUnknownException"/>: the provider runs it once,
    /// and the same call with the same key and the same input returns the record made the first time instead of a
    /// duplicate. The same key with a different input is refused with <see cref="IdempotencyKeyConflictException"/>.
    /// <see langword="null"/> (the default): no key.
    /// </summary>
    /// <remarks>
    /// <para>
    /// 1 to <see cref="MaxIdempotencyKeyLength"/> characters, each an ASCII letter, a digit or one of <c>- _ . : ~ + / =</c>
    /// (so GUIDs, ULIDs and base64 values fit); anything else is refused with <see cref="LedgerValidationException"/> on
    /// the field <c>IdempotencyKey</c> before any request.
    /// </para>
    /// <para>
    /// Only a provider that honours keys for the operation takes one (<see cref="StoreCapabilities.IdempotencyKeys"/>); any
    /// other refuses the call with <see cref="OperationNotSupportedException"/> before any request, rather than create
    /// without it and let the application believe a retry is safe. A provider remembers a key for a limited time (Xero's
    /// sandbox: 24 hours; see the provider's README): repeat within it. Keys are not secrets, but Ledgerline never writes
    /// their value to logs or exception messages.
    /// </para>
    /// </remarks>
    public string? IdempotencyKey { get; init; }

    /// <summary>A create with <paramref name="idempotencyKey"/> and no other option.</summary>
    /// <param name="idempotencyKey">The key; see <see cref="IdempotencyKey"/>.</param>
    public static CreateOptions WithIdempotencyKey(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    /// <summary>
    /// Why <paramref name="key"/> is not a valid idempotency key, or <see langword="null"/> when it is: the one rule
    /// every provider applies (<see cref="IdempotencyKey"/>).
    /// </summary>
    /// <param name="key">The key to check.</param>
    public static string? CheckIdempotencyKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return "An idempotency key must not be empty.";
        }

        if (key.Length > MaxIdempotencyKeyLength)
        {
            return $"An idempotency key has at most {MaxIdempotencyKeyLength} characters; this one has {key.Length}.";
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~' or '+' or '/' or '='))
            {
                return "An idempotency key may hold only ASCII letters, digits and - _ . : ~ + / = (no spaces or other characters).";
            }
        }

        return null;
    }
}
