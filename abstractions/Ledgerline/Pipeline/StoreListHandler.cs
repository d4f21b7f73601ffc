namespace Ledgerline;

/// <summary>The rest of the store pipeline for <see cref="StoreOperation.List"/>: the records, streamed as the caller enumerates.</summary>
public delegate IAsyncEnumerable<LedgerRecord> StoreListHandler(StoreRequest request, CancellationToken cancellationToken);
