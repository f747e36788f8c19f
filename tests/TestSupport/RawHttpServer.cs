using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TestSupport;

/// <summary>One request as <see cref="RawHttpServer"/> read it.</summary>
internal sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A socket-level HTTP/1.1 server on 127.0.0.1 for transport tests that need what
/// <c>HttpListener</c> cannot do: chunked bodies of any length generated lazily, compression
/// bombs, connections dropped mid-body, redirects to another origin. One request per connection
/// (<c>Connection: close</c>); every request is recorded.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private static readonly Lazy<byte[]> GzipMember = new(CreateGzipMember);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, Stream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    internal RawHttpServer(Func<RawRequest, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>The decompressed size of one gzip member of <see cref="WriteGzipBombAsync"/>.</summary>
    internal const int GzipMemberBytes = 64 * 1024 * 1024;

    /// <summary><c>http://127.0.0.1:port</c>, no trailing slash.</summary>
    internal string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Every request received, in order.</summary>
    internal ConcurrentQueue<RawRequest> Requests { get; } = new();

    /// <summary>Warms the shared gzip member up (so its one-off allocation is not measured).</summary>
    internal static int GzipMemberLength => GzipMember.Value.Length;

    /// <summary>Writes a status line and headers (<c>Connection: close</c> is added).</summary>
    internal static Task WriteHeadAsync(Stream stream, int status, IEnumerable<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} Status\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).AsTask();
    }

    /// <summary>Answers with a complete body of known length.</summary>
    internal static async Task WriteAsync(Stream stream, int status, string body, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        await WriteHeadAsync(stream, status, [.. headers, ("Content-Length", bytes.Length.ToString(CultureInfo.InvariantCulture))], cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>A 200 whose chunked body is <paramref name="totalBytes"/> long, generated lazily from one reused buffer.</summary>
    internal static async Task WriteChunkedAsync(Stream stream, long totalBytes, CancellationToken cancellationToken)
    {
        await WriteHeadAsync(stream, 200, [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")], cancellationToken);
        byte[] chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        byte[] chunkHead = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        byte[] crlf = "\r\n"u8.ToArray();
        for (long sent = 0; sent < totalBytes; sent += chunk.Length)
        {
            await stream.WriteAsync(chunkHead, cancellationToken);
            await stream.WriteAsync(chunk, cancellationToken);
            await stream.WriteAsync(crlf, cancellationToken);
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>
    /// A 200 with <c>Content-Encoding: gzip</c>: <paramref name="members"/> concatenated gzip members
    /// of <see cref="GzipMemberBytes"/> zero bytes each (about 64 KiB on the wire per member).
    /// </summary>
    internal static async Task WriteGzipBombAsync(Stream stream, int members, CancellationToken cancellationToken)
    {
        byte[] member = GzipMember.Value;
        long length = (long)member.Length * members;
        await WriteHeadAsync(
            stream,
            200,
            [("Content-Type", "application/json"), ("Content-Encoding", "gzip"), ("Content-Length", length.ToString(CultureInfo.InvariantCulture))],
            cancellationToken);
        for (int i = 0; i < members; i++)
        {
            await stream.WriteAsync(member, cancellationToken);
        }
    }

    /// <summary>Announces <paramref name="announced"/> bytes, sends <paramref name="sent"/>, then drops the connection.</summary>
    internal static async Task WriteTruncatedAsync(Stream stream, int announced, int sent, CancellationToken cancellationToken)
    {
        await WriteHeadAsync(stream, 200, [("Content-Type", "application/json"), ("Content-Length", announced.ToString(CultureInfo.InvariantCulture))], cancellationToken);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(new string(' ', sent)), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Sends the headers and a few body bytes, then stalls until the server stops.</summary>
    internal static async Task WriteStalledAsync(Stream stream, CancellationToken cancellationToken)
    {
        await WriteTruncatedAsync(stream, announced: 10_000, sent: 10, cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private static byte[] CreateGzipMember()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < GzipMemberBytes / zeros.Length; i++)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                RawRequest request = await ReadRequestAsync(stream, _stop.Token);
                Requests.Enqueue(request);
                await _respond(request, stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (for example after reading up to its cap): nothing to do.
            }
        }
    }

    private static async Task<RawRequest> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        string requestLine = await ReadLineAsync(stream, cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (string line = await ReadLineAsync(stream, cancellationToken); line.Length > 0; line = await ReadLineAsync(stream, cancellationToken))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        using var body = new MemoryStream();
        if (headers.TryGetValue("Content-Length", out string? length))
        {
            await CopyExactlyAsync(stream, body, int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out string? encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                int size = int.Parse(await ReadLineAsync(stream, cancellationToken), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                await CopyExactlyAsync(stream, body, size, cancellationToken);
                await ReadLineAsync(stream, cancellationToken);
                if (size == 0)
                {
                    break;
                }
            }
        }

        string[] parts = requestLine.Split(' ');
        return new RawRequest(parts[0], parts[1], headers, body.ToArray());
    }

    private static async Task CopyExactlyAsync(Stream from, Stream to, int count, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[count];
        await from.ReadExactlyAsync(buffer, cancellationToken);
        await to.WriteAsync(buffer, cancellationToken);
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The client closed the connection mid-request.");
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
