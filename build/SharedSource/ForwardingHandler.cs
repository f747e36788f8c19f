namespace Shared.Http;

/// <summary>
/// Sends every request through one existing <see cref="HttpClient"/> (owned or caller-owned),
/// so Refit proxies for several base URLs share its connections and handlers. The request is
/// copied first (an <see cref="HttpClient"/> refuses a message another client already sent);
/// the content object is shared, not copied. Responses are returned after the headers arrive;
/// the body is read by the caller under a size cap.
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
