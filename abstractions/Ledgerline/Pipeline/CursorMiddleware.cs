using Ledgerline.Paging;

namespace Ledgerline.Pipeline;

/// <summary>
/// Binds page cursors to their query, ledger (provider and connection) and store: opens the caller's cursor into the provider's own position on the way in, and seals
/// the provider's next position on the way out (<see cref="PageCursor"/>). Providers deal in raw positions only.
/// </summary>
internal sealed class CursorMiddleware : StoreMiddleware
{
    public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        return request.Operation == StoreOperation.ListPage
            ? ListPageAsync(request, next, cancellationToken)
            : next(request, cancellationToken);
    }

    private static async ValueTask<object?> ListPageAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
    {
        var query = request.Query!;
        var scope = $"{request.ProviderName}/{request.ConnectionId}/{request.Entity}";
        var inner = request.Cursor is { } cursor ? request with { Cursor = PageCursor.Decode(query, cursor, scope) } : request;
        var result = await next(inner, cancellationToken);
        return result is IPage { NextCursor: { } position } page ? page.WithNextCursor(PageCursor.Encode(query, position, scope)) : result;
    }
}
