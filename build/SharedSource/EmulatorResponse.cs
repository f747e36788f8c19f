using System.Text;

namespace Shared.Http;

/// <summary>An HTTP response produced by an emulator handler.</summary>
internal sealed class EmulatorResponse
{
    internal EmulatorResponse(int status, byte[] body, string contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    /// <summary>The status code.</summary>
    internal int Status { get; }

    /// <summary>The body bytes.</summary>
    internal byte[] Body { get; }

    /// <summary>The Content-Type header value.</summary>
    internal string ContentType { get; }

    /// <summary>
    /// Whether the connection is dropped instead of answered (a socket emulator aborts it; the
    /// in-process handler throws the <see cref="HttpRequestException"/> a dropped connection gives).
    /// </summary>
    internal bool DropsConnection { get; private init; }

    /// <summary>Extra response headers (for example Retry-After).</summary>
    internal Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A JSON response from already-serialised text.</summary>
    internal static EmulatorResponse Json(int status, string json) =>
        new(status, Encoding.UTF8.GetBytes(json), "application/json");

    /// <summary>A plain-text or HTML response.</summary>
    internal static EmulatorResponse Text(int status, string text, string contentType = "text/plain; charset=utf-8") =>
        new(status, Encoding.UTF8.GetBytes(text), contentType);

    /// <summary>A raw byte response.</summary>
    internal static EmulatorResponse Bytes(int status, byte[] body, string contentType) => new(status, body, contentType);

    /// <summary>No answer: the connection is dropped (an injected connection failure).</summary>
    internal static EmulatorResponse DropConnection() => new(0, [], "application/octet-stream") { DropsConnection = true };

    /// <summary>Adds a header and returns this response.</summary>
    internal EmulatorResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
