using System.Runtime.CompilerServices;

namespace Ledgerline.Pipeline;

/// <summary>
/// Where the pipeline calls the provider's store. Only Ledgerline exceptions and cancellation leave the public API: any
/// other exception a provider lets escape (a bug, an unwrapped transport error) becomes a <see cref="LedgerlineException"/>
/// naming the provider and the call, with the original as the inner exception, so callers can catch one family.
/// Cancellation passes through only when the caller's token asked for it: an <see cref="OperationCanceledException"/>
/// the caller did not ask for (an HTTP client timeout, a provider's own deadline left unwrapped) is a provider failure too,
/// since a caller that catches cancellation as "I stopped this" would otherwise take a timeout for its own doing.
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
        catch (Exception exception) when (IsForeign(exception, cancellationToken))
        {
            throw Wrap(request, exception);
        }

        // A provider that answered synchronously costs no extra state machine.
        return pending.IsCompletedSuccessfully ? pending : AwaitedAsync(pending, request, cancellationToken);
    };

    public static StoreListHandler Guard(StoreListHandler provider) =>
        (request, cancellationToken) => GuardList(provider, request, cancellationToken);

    /// <summary>A type's name as C# writes it (<c>Page&lt;Invoice&gt;</c>), for messages.</summary>
    public static string Name(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
            : type.Name;

    private static async ValueTask<object?> AwaitedAsync(ValueTask<object?> pending, StoreRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await pending;
        }
        catch (Exception exception) when (IsForeign(exception, cancellationToken))
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
        catch (Exception exception) when (IsForeign(exception, cancellationToken))
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
                catch (Exception exception) when (IsForeign(exception, cancellationToken))
                {
                    throw Wrap(request, exception);
                }

                yield return records.Current;
            }
        }
    }

    private static bool IsForeign(Exception exception, CancellationToken cancellationToken) =>
        exception is not LedgerlineException && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private static UnexpectedProviderException Wrap(StoreRequest request, Exception exception) =>
        new(exception is OperationCanceledException
                ? $"{request.ProviderName} stopped {request.Operation} {request.Entity} with a cancellation the caller did not ask for ({exception.GetType().Name}, e.g. a timeout left unwrapped); see the inner exception."
                : $"{request.ProviderName} failed {request.Operation} {request.Entity} unexpectedly ({exception.GetType().Name}); see the inner exception.", exception)
        {
            Provider = request.ProviderName,
        };
}
