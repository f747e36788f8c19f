using System.Text;

namespace Shared.Http;

/// <summary>Scrubs a credential from text a server sent back, before it reaches an exception or a log.</summary>
internal static class SecretRedaction
{
    /// <summary>What replaces the credential.</summary>
    internal const string Marker = "[redacted]";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Replaces every occurrence of <paramref name="secret"/> in <paramref name="text"/> with <see cref="Marker"/>.</summary>
    internal static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(text) ? text : text.Replace(secret, Marker, StringComparison.Ordinal);

    /// <summary>
    /// The UTF-8 body with every occurrence of <paramref name="secret"/> replaced; the same array
    /// when the secret does not occur (a body that is not UTF-8 is then left byte for byte).
    /// </summary>
    internal static byte[] RedactUtf8(byte[] body, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || body.Length == 0 || body.AsSpan().IndexOf(Utf8.GetBytes(secret)) < 0)
        {
            return body;
        }

        return Utf8.GetBytes(Redact(Utf8.GetString(body), secret));
    }
}
