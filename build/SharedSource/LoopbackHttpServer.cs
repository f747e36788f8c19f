using System.Collections.Specialized;
using System.Net;
using System.Net.Sockets;

namespace Shared.Http;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 built only on the BCL (<see cref="HttpListener"/>), for
/// the emulators. It binds a free port, answers every request through one handler, always sets
/// <c>Content-Length</c> (a chunked answer costs ~43 ms per request on Linux), caps request bodies,
/// and turns a handler exception into a 500 so a client never hangs.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    /// <summary>The largest request body the server reads (64 MiB); larger requests get 413.</summary>
    internal const long MaxRequestBytes = 64L * 1024 * 1024;

    private readonly HttpListener _listener;
    private readonly Func<EmulatorRequest, CancellationToken, Task<EmulatorResponse>> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private int _disposed;

    private LoopbackHttpServer(HttpListener listener, Uri baseUri, Func<EmulatorRequest, CancellationToken, Task<EmulatorResponse>> handler)
    {
        _listener = listener;
        _handler = handler;
        BaseUri = baseUri;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    internal Uri BaseUri { get; }

    /// <summary>Starts a server on a free loopback port.</summary>
    internal static LoopbackHttpServer Start(Func<EmulatorRequest, CancellationToken, Task<EmulatorResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        const int Attempts = 20;
        for (int attempt = 1; ; attempt++)
        {
            int port = FindFreePort();
            var baseUri = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUri.ToString());
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, baseUri, handler);
            }
            catch (HttpListenerException) when (attempt < Attempts)
            {
                // Another process took the port between probing and binding; try another.
                listener.Close();
            }
        }
    }

    /// <summary>Stops accepting, waits for the accept loop, and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener.Close();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Expected while shutting down.
        }

        _stopping.Dispose();
    }

    private static int FindFreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        EmulatorResponse response;
        try
        {
            var request = await ReadRequestAsync(context.Request).ConfigureAwait(false);
            response = request is null
                ? EmulatorResponse.Json(413, "{\"error\":\"request_too_large\"}")
                : await _handler(request, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            context.Response.Abort();
            return;
        }
        catch (Exception ex)
        {
            response = EmulatorResponse.Json(500, Newtonsoft.Json.JsonConvert.SerializeObject(new { error = "emulator_error", message = ex.Message }));
        }

        if (response.DropsConnection)
        {
            // HttpListener cannot close a socket unanswered (Abort still sends an empty 200), so it
            // promises a one-byte body and cuts the connection before it: the client's read fails mid-answer.
            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = 1;
            context.Response.Abort();
            return;
        }

        try
        {
            await WriteResponseAsync(context.Response, response).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away; nothing to answer.
        }
    }

    private static async Task<EmulatorRequest?> ReadRequestAsync(HttpListenerRequest request)
    {
        if (request.ContentLength64 > MaxRequestBytes)
        {
            return null;
        }

        using var body = new MemoryStream();
        if (request.HasEntityBody)
        {
            byte[] chunk = new byte[81920];
            int read;
            while ((read = await request.InputStream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxRequestBytes)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }

        string raw = request.RawUrl ?? "/";
        int q = raw.IndexOf('?', StringComparison.Ordinal);
        string path = q < 0 ? raw : raw[..q];
        string? query = q < 0 ? null : raw[(q + 1)..];
        var headers = new NameValueCollection(StringComparer.OrdinalIgnoreCase) { request.Headers };
        return new EmulatorRequest(request.HttpMethod.ToUpperInvariant(), path, EmulatorRequest.ParseQuery(query), headers, body.ToArray());
    }

    private static async Task WriteResponseAsync(HttpListenerResponse response, EmulatorResponse answer)
    {
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        response.ContentLength64 = answer.Body.Length;
        await response.OutputStream.WriteAsync(answer.Body).ConfigureAwait(false);
        response.Close();
    }
}
