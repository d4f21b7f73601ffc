using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// Replaces <c>IHttpClientFactory</c>'s default request logging on Ledgerline's FreshBooks clients. The default logger
/// redacts header values in its message text but hands the raw values (the bearer included) to structured sinks in
/// its state, so it is removed. This one logs method, path (no query), connection, status and time — never a header,
/// a query string or a body.
/// </summary>
internal sealed partial class FreshBooksHttpLogger(ILogger logger) : IHttpClientLogger
{
    public const string CategoryName = "Ledgerline.FreshBooks.Http";

    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        LogStop(logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty, ConnectionOf(request), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        LogFailed(logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty, ConnectionOf(request), exception.GetType().Name, elapsed.TotalMilliseconds);

    private static string ConnectionOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(FreshBooksRequest.ConnectionId, out var id) ? id : "-";

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "FreshBooks {Method} {Path} for connection {ConnectionId} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms.")]
    private static partial void LogStop(ILogger logger, string method, string path, string connectionId, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "FreshBooks {Method} {Path} for connection {ConnectionId} failed ({ErrorType}) after {ElapsedMilliseconds:0.0} ms.")]
    private static partial void LogFailed(ILogger logger, string method, string path, string connectionId, string errorType, double elapsedMilliseconds);
}
