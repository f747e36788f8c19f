namespace Nomyo.Http;

/// <summary>
/// Sends every request through one existing <see cref="HttpClient"/> (owned or caller-owned),
/// so Refit proxies for several base URLs share its connections and handlers. Responses are
/// returned after the headers arrive; the body is read by the caller under a size cap.
/// </summary>
internal sealed class ForwardingHandler : HttpMessageHandler
{
    private readonly HttpClient _inner;

    internal ForwardingHandler(HttpClient inner)
    {
        _inner = inner;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _inner.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
