using System.Text.Json;

namespace Ledgerline.InMemory.Idempotency;

/// <summary>
/// The idempotency keys one in-memory ledger has seen, as a provider that honours keys keeps them: per connection and key,
/// across every store (the same key on another store's create is another request). A key maps to the request it was
/// first used with (entity, operation, record id and input, compared by value) and the record that request returned; a
/// request that failed is not remembered, since it made nothing. Kept for the ledger's lifetime: in-memory ledgers live
/// as long as a test. Not thread-safe by itself: use under the ledger's lock.
/// </summary>
internal sealed class IdempotencyKeys
{
    private readonly Dictionary<string, (string Request, object Result)> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// The result of the request <paramref name="key"/> was first used with, when <paramref name="input"/> and the rest
    /// are that request; otherwise <paramref name="run"/>'s result, remembered under the key. Call under the ledger lock.
    /// </summary>
    /// <exception cref="IdempotencyKeyConflictException">The key was first used for another request.</exception>
    public T Once<T>(string key, EntityKind entity, string operation, string? id, object input, Func<T> run)
        where T : class
    {
        var request = Describe(entity, operation, id, input);
        if (_keys.TryGetValue(key, out var first))
        {
            return first.Request == request && first.Result is T result
                ? result
                : throw new IdempotencyKeyConflictException(
                    entity, operation, $"The idempotency key was already used for a different request; nothing was done by this {operation} of {EntityNames.WithArticle(entity)}. Use a new key for a new input.")
                {
                    Provider = InMemoryLedgerProvider.ProviderName,
                    ProviderCode = "IdempotencyKeyReused",
                };
        }

        var made = run();
        _keys[key] = (request, made);
        return made;
    }

    private static string Describe(EntityKind entity, string operation, string? id, object input) =>
        $"{entity} {operation} {id}\n{JsonSerializer.Serialize(input, input.GetType(), InMemoryDraftJsonContext.Default)}";
}
