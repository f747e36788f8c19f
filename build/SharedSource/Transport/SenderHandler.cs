namespace Shared.Http;

/// <summary>
/// The bottom of a Refit client's handler chain: sends each request through one
/// <see cref="HttpSender"/> (owned or caller-owned), so Refit proxies for several base URLs share
/// its connections, and whatever Refit does with the answer it only ever sees the capped,
/// detached <see cref="BufferedResponse"/>. The request is copied first (an
/// <see cref="HttpClient"/> refuses a message another client already sent); the content object
/// is shared, not copied. The sender is not disposed here.
/// </summary>
internal sealed class SenderHandler : HttpMessageHandler
{
    private readonly HttpSender _sender;

    internal SenderHandler(HttpSender sender)
    {
        _sender = sender;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        try
        {
            BufferedResponse response = await _sender.SendAsync(copy, cancellationToken).ConfigureAwait(false);
            response.RequestMessage = request;
            return response;
        }
        finally
        {
            // The content belongs to the original request; disposing the copy must not dispose it.
            copy.Content = null;
        }
    }
}
