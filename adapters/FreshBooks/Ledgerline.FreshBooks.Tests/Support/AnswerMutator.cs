using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Ledgerline.FreshBooks.Tests.Support;

/// <summary>
/// The innermost handler of every FreshBooks client (it wraps the primary handler, so the adapter's whole chain, body
/// reader included, sees what it returns): the sandbox's real answer to a successful GET whose path holds
/// <see cref="PathFragment"/> is replaced by what <see cref="Mutate"/> makes of its bytes, as a misbehaving provider would.
/// </summary>
internal sealed class AnswerMutator : DelegatingHandler
{
    public AnswerMutator() => InnerHandler = new SocketsHttpHandler();

    /// <summary>Only answers to paths containing this are changed; null changes none.</summary>
    public string? PathFragment { get; set; }

    /// <summary>The answer to send instead, made from the real body; null leaves it as it is.</summary>
    public Func<byte[], HttpContent?>? Mutate { get; set; }

    /// <summary>The status to answer with instead of the sandbox's (a success), or null to keep it.</summary>
    public System.Net.HttpStatusCode? Status { get; set; }

    /// <summary>How many answers were changed.</summary>
    public int Mutated { get; private set; }

    /// <summary>Installs one mutator in front of the primary handler of every client the services build.</summary>
    public static AnswerMutator Install(IServiceCollection services)
    {
        var mutator = new AnswerMutator();
        // Post-configured, so that it runs after every client's own configuration, whatever the registration order.
        services.PostConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = new Forwarder(mutator)));
        return mutator;
    }

    /// <summary>JSON content of exactly these bytes, with a matching Content-Length.</summary>
    public static HttpContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Mutate is not { } mutate || PathFragment is not { } fragment || request.Method != HttpMethod.Get || !response.IsSuccessStatusCode
            || request.RequestUri?.PathAndQuery.Contains(fragment, StringComparison.Ordinal) != true)
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (mutate(body) is { } replaced)
        {
            response.Content.Dispose();
            response.Content = replaced;
            response.StatusCode = Status ?? response.StatusCode;
            Mutated++;
        }
        else
        {
            response.Content = Json(body);
        }

        return response;
    }

    /// <summary>
    /// The primary handler the factory owns and disposes with each client: it forwards to the shared mutator, which lives
    /// as long as the test.
    /// </summary>
    private sealed class Forwarder(AnswerMutator mutator) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _invoker = new(mutator, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _invoker.SendAsync(request, cancellationToken);
    }
}
