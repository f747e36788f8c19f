using System.Collections.Specialized;
using System.Net;
using System.Net.Http.Headers;

namespace Shared.Http;

/// <summary>
/// Runs an emulator's request handler in-process as an <see cref="HttpMessageHandler"/>, so
/// unit tests get the emulator's exact behaviour without a socket.
/// </summary>
internal sealed class EmulatorMessageHandler : HttpMessageHandler
{
    private readonly Func<EmulatorRequest, CancellationToken, Task<EmulatorResponse>> _handler;

    internal EmulatorMessageHandler(Func<EmulatorRequest, CancellationToken, Task<EmulatorResponse>> handler)
    {
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var headers = new NameValueCollection(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers.Add(name, string.Join(", ", values));
        }

        byte[] body = [];
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                headers.Add(name, string.Join(", ", values));
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var emulatorRequest = new EmulatorRequest(
            request.Method.Method.ToUpperInvariant(),
            uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0],
            EmulatorRequest.ParseQuery(uri.IsAbsoluteUri ? uri.Query : null),
            headers,
            body);
        EmulatorResponse answer = await _handler(emulatorRequest, cancellationToken).ConfigureAwait(false);
        if (answer.DropsConnection)
        {
            throw new HttpRequestException("The emulator dropped the connection (injected).", new IOException("The connection was closed without an answer."));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(answer.Body),
        };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        foreach (var (name, value) in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
