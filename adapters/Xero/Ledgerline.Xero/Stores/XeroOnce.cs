namespace Ledgerline.Xero.Stores;

/// <summary>
/// A value read from Xero once per ledger and shared by its stores (the organisation, its tax rates, a bank account).
/// A failed or cancelled read is not kept, so the next call tries again; <see cref="Forget"/> drops a value the ledger's
/// own writes made stale. The first caller's token governs the shared read, as for the organisation's tax rates before.
/// </summary>
/// <typeparam name="T">The value.</typeparam>
internal sealed class XeroOnce<T>(Func<CancellationToken, Task<T>> read)
{
    private Task<T>? _pending;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref _pending);
        if (pending is null || pending.IsFaulted || pending.IsCanceled)
        {
            pending = read(cancellationToken);
            Volatile.Write(ref _pending, pending);
        }

        return await pending.WaitAsync(cancellationToken);
    }

    public void Forget() => Volatile.Write(ref _pending, null);
}
