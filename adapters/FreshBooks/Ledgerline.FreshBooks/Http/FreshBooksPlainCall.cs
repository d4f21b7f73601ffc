using Ledgerline.FreshBooks.Errors;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// Sends a request made outside Refit (<c>/users/me</c> with an explicit bearer, the token endpoint) and reads its whole
/// body, bounded. A failure to get an answer becomes <see cref="FreshBooksErrorTable"/>'s exception; the caller's
/// cancellation passes through as it is. Error answers are left to the caller, which hands them to the same table.
/// </summary>
internal static class FreshBooksPlainCall
{
    /// <param name="client">The named client to send with.</param>
    /// <param name="request">The request.</param>
    /// <param name="call">What the request is, for the error table.</param>
    /// <param name="sending">Cancels the request: the caller's token, possibly linked with a deadline of the call's own.</param>
    /// <param name="cancellationToken">The caller's token: its cancellation is not a failure to get an answer.</param>
    /// <returns>The answer (the caller disposes it) and its body.</returns>
    public static async Task<(HttpResponseMessage Response, ReadOnlyMemory<byte> Body)> SendAsync(
        HttpClient client, HttpRequestMessage request, FreshBooksCall call, CancellationToken sending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        HttpResponseMessage? response = null;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, sending);
            var body = await FreshBooksResponseBody.ReadAsync(response.Content, (int)response.StatusCode, sending);
            return (response, body);
        }
        catch (Exception exception) when (FreshBooksErrorTable.IsTransport(exception, cancellationToken))
        {
            // The message names the failure only; neither it nor the inner exception carries a body.
            response?.Dispose();
            throw FreshBooksErrorTable.FromTransport(call, exception);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
