namespace Ledgerline.Pipeline;

/// <summary>Composes the middleware around a store's own handlers, outermost first; built once per store.</summary>
internal static class StoreChain
{
    public static (StoreRequestHandler Invoke, StoreListHandler List) Compose(
        IReadOnlyList<StoreMiddleware> middleware, StoreRequestHandler invoke, StoreListHandler list)
    {
        for (var i = middleware.Count - 1; i >= 0; i--)
        {
            var current = middleware[i];
            var nextInvoke = invoke;
            var nextList = list;
            invoke = (request, cancellationToken) => current.InvokeAsync(request, nextInvoke, cancellationToken);
            list = (request, cancellationToken) => current.ListAsync(request, nextList, cancellationToken);
        }

        return (invoke, list);
    }
}
