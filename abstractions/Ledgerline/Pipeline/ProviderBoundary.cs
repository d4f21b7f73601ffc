using System.Runtime.CompilerServices;

namespace Ledgerline.Pipeline;

/// <summary>
/// Where the pipeline calls the provider's store. Only Ledgerline exceptions and cancellation leave the public API: any
/// other exception a provider lets escape (a bug, an unwrapped transport error) becomes a <see cref="LedgerlineException"/>
/// naming the provider and the call, with the original as the inner exception, so callers can catch one family.
/// </summary>
internal static class ProviderBoundary
{
    public static StoreRequestHandler Guard(StoreRequestHandler provider) => (request, cancellationToken) =>
    {
        ValueTask<object?> pending;
        try
        {
            pending = provider(request, cancellationToken);
        }
        catch (Exception exception) when (IsForeign(exception))
        {
            throw Wrap(request, exception);
        }

        // A provider that answered synchronously costs no extra state machine.
        return pending.IsCompletedSuccessfully ? pending : AwaitedAsync(pending, request);
    };

    public static StoreListHandler Guard(StoreListHandler provider) =>
        (request, cancellationToken) => GuardList(provider, request, cancellationToken);

    /// <summary>A type's name as C# writes it (<c>Page&lt;Invoice&gt;</c>), for messages.</summary>
    public static string Name(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
            : type.Name;

    private static async ValueTask<object?> AwaitedAsync(ValueTask<object?> pending, StoreRequest request)
    {
        try
        {
            return await pending;
        }
        catch (Exception exception) when (IsForeign(exception))
        {
            throw Wrap(request, exception);
        }
    }

    private static async IAsyncEnumerable<LedgerRecord> GuardList(
        StoreListHandler provider, StoreRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<LedgerRecord> records;
        try
        {
            records = provider(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception exception) when (IsForeign(exception))
        {
            throw Wrap(request, exception);
        }

        await using (records)
        {
            while (true)
            {
                try
                {
                    if (!await records.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (Exception exception) when (IsForeign(exception))
                {
                    throw Wrap(request, exception);
                }

                yield return records.Current;
            }
        }
    }

    private static bool IsForeign(Exception exception) => exception is not (LedgerlineException or OperationCanceledException);

    private static UnexpectedProviderException Wrap(StoreRequest request, Exception exception) =>
        new($"{request.ProviderName} failed {request.Operation} {request.Entity} unexpectedly ({exception.GetType().Name}); see the inner exception.", exception)
        {
            Provider = request.ProviderName,
        };
}
