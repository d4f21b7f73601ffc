using System.Collections.Concurrent;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Tells which of the application's connections a FreshBooks <c>account_id</c> belongs to, so that a notice becomes a
/// change on a connection the application can open. Register your own (before Ledgerline's webhook services, or replace
/// it) when your tenants are looked up another way.
/// </summary>
public interface IFreshBooksAccountResolver
{
    /// <summary>The connection for <paramref name="accountId"/>, or <see langword="null"/> when none is known.</summary>
    ValueTask<string?> ResolveConnectionIdAsync(string accountId, CancellationToken cancellationToken = default);
}
