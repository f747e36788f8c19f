using System.Runtime.InteropServices;
using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Nomyo;

/// <summary>Strict JSON parsing for everything the server sends: UTF-8 that must be valid, no date or float rewriting, duplicate keys rejected.</summary>
internal static class NomyoJson
{
    private static readonly CanonicalJsonOptions Options = new() { Name = "nomyo", RejectDuplicateKeys = true };
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses UTF-8 JSON that must be an object.</summary>
    /// <param name="utf8">The bytes (read in place, not copied).</param>
    /// <param name="what">What the bytes are, for the error message.</param>
    /// <param name="reason">The reason a failure is reported with.</param>
    /// <exception cref="NomyoSecurityException">The bytes are not valid UTF-8 JSON, or not an object.</exception>
    internal static JObject ParseObject(ReadOnlyMemory<byte> utf8, string what, NomyoSecurityReason reason)
    {
        JToken token;
        try
        {
            token = Parse(utf8);
        }
        catch (CanonicalJsonException ex)
        {
            throw new NomyoSecurityException(reason, $"{what} is not valid UTF-8 JSON: {ex.Message}", ex);
        }

        return token as JObject ?? throw new NomyoSecurityException(reason, $"{what} must be a JSON object; it is a {token.Type}.");
    }

    /// <summary>Parses UTF-8 JSON of any shape.</summary>
    /// <exception cref="CanonicalJsonException">The bytes are not valid UTF-8 JSON.</exception>
    internal static JToken Parse(ReadOnlyMemory<byte> utf8)
    {
        if (!MemoryMarshal.TryGetArray(utf8, out ArraySegment<byte> segment))
        {
            segment = utf8.ToArray();
        }

        using var stream = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
        using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false);
        return CanonicalJson.Parse(reader, Options);
    }
}
