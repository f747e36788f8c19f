namespace Lucairn.Http;

/// <summary>
/// Sends through a caller-owned <see cref="HttpClient"/> so Refit can run on our own
/// <see cref="HttpClient"/> (with our base address) without touching or disposing the caller's.
/// </summary>
internal sealed class ForwardingHandler : HttpMessageHandler
{
    private readonly HttpClient _inner;

    internal ForwardingHandler(HttpClient inner)
    {
        _inner = inner;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient refuses a request message another HttpClient already sent, so forward a copy
        // (same method, URI, headers and content).
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        return _inner.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
