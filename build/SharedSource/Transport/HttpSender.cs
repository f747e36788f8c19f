using System.Net;

namespace Shared.Http;

/// <summary>
/// Sends one attempt and reads its body under the cap, the same way for every sender: an owned
/// socket handler that never follows redirects, or a caller-supplied <see cref="HttpClient"/>
/// (including one from <c>IHttpClientFactory</c>), always sent with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> so the client never buffers the body
/// itself. The answer comes back as a <see cref="BufferedResponse"/> detached from the connection.
/// </summary>
internal sealed class HttpSender : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly bool _owned;

    private HttpSender(HttpMessageInvoker invoker, bool owned, BodyCaps caps)
    {
        _invoker = invoker;
        _owned = owned;
        Caps = caps;
    }

    /// <summary>The body caps applied to every answer.</summary>
    internal BodyCaps Caps { get; }

    /// <summary>A sender over a socket handler this sender owns (see <see cref="CreateOwnedHandler"/>).</summary>
    internal static HttpSender Owned(BodyCaps caps) => new(new HttpMessageInvoker(CreateOwnedHandler(), disposeHandler: true), owned: true, caps);

    /// <summary>A sender over the caller's client, which is never disposed here.</summary>
    internal static HttpSender Over(HttpClient client, BodyCaps caps) => new(client, owned: false, caps);

    /// <summary>
    /// The handler a client owns: redirects are never followed (a 3xx comes back as an answer, so a
    /// body, credential or idempotency key is never re-sent to another origin), bodies are
    /// decompressed (the cap counts decompressed bytes), and pooled connections are recycled so
    /// DNS changes are seen.
    /// </summary>
    internal static SocketsHttpHandler CreateOwnedHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>Sends <paramref name="request"/> and reads the body under the cap for its status.</summary>
    /// <exception cref="HttpRequestException">The request could not be sent or the answer not read.</exception>
    /// <exception cref="IOException">The connection broke mid-body.</exception>
    /// <exception cref="RedirectRefusedException">A caller's client followed a redirect on its own.</exception>
    internal async Task<BufferedResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Uri? sentTo = request.RequestUri;
        using HttpResponseMessage response = _invoker is HttpClient client
            ? await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)
            : await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // A redirecting handler rewrites the request's URI as it follows; an answer from another
        // origin belongs to an endpoint nobody asked for (and the request, credential included,
        // went there). Refuse it rather than hand it to the caller as ours. A caller's handler that
        // only rewrites the path on the same origin (a gateway prefix) is left alone.
        if (response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } answeredBy && sentTo is { IsAbsoluteUri: true }
            && Uri.Compare(answeredBy, sentTo, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new RedirectRefusedException(sentTo, answeredBy);
        }

        Shared.Telemetry.RetryTelemetry.OnResponse((int)response.StatusCode);
        return await BufferAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads <paramref name="response"/>'s body under the cap into a detached answer.</summary>
    internal async Task<BufferedResponse> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (body, overCap) = await BoundedBody.ReadAsync(response.Content, Caps.For((int)response.StatusCode), cancellationToken).ConfigureAwait(false);
        return new BufferedResponse(response, body, overCap);
    }

    /// <summary>Disposes the owned handler; a caller's client is left alone.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            _invoker.Dispose();
        }
    }
}
