namespace Ledgerline;

/// <summary>
/// The rest of the store pipeline for every operation but <see cref="StoreOperation.List"/>: the next middleware, or the
/// provider's store. The result is what the store method returns (a record, an <see cref="IPage"/>, or
/// <see langword="null"/> for <see cref="StoreOperation.Delete"/>).
/// </summary>
public delegate ValueTask<object?> StoreRequestHandler(StoreRequest request, CancellationToken cancellationToken);
