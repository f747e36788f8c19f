using System.Text;

namespace Tools;

/// <summary>
/// One document for a bulk tool run: where it came from, and its content or why it could not be
/// read. A document is read either as text (the witness checks) or as the exact bytes of the file
/// or NDJSON line (the chain check); the other form is derived on demand, never up front.
/// </summary>
internal sealed class ToolInput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private string? _text;
    private byte[]? _bytes;

    /// <summary>A document read as text, or (text null) one that could not be read.</summary>
    /// <param name="name">The file path, or <c>path:line</c> for an NDJSON line (<c>-</c> is standard input).</param>
    /// <param name="text">The document text, or null when it could not be read.</param>
    /// <param name="readError">Why the document could not be read, or null.</param>
    internal ToolInput(string name, string? text, string? readError)
    {
        Name = name;
        _text = text;
        ReadError = readError;
    }

    private ToolInput(string name, byte[] bytes)
    {
        Name = name;
        _bytes = bytes;
    }

    /// <summary>A document read as its exact bytes.</summary>
    internal static ToolInput FromBytes(string name, byte[] bytes) => new(name, bytes);

    /// <summary>The file path, or <c>path:line</c> for an NDJSON line (<c>-</c> is standard input).</summary>
    internal string Name { get; }

    /// <summary>Why the document could not be read, or null.</summary>
    internal string? ReadError { get; }

    /// <summary>The document text (decoded as UTF-8 without a byte-order mark when it was read as bytes), or null when it could not be read.</summary>
    internal string? Text => _text ??= _bytes is null ? null : Decode(_bytes);

    /// <summary>The document bytes (exactly as read, or the UTF-8 of the text when it was read as text), or null when it could not be read.</summary>
    internal byte[]? Bytes => _bytes ??= _text is null ? null : Utf8.GetBytes(_text);

    private static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        return Utf8.GetString(span.StartsWith(Utf8.Preamble) ? span[Utf8.Preamble.Length..] : span);
    }
}
