using System.Text;

namespace Fuzz.Harness;

/// <summary>How targets turn raw bytes into the text an entry point takes.</summary>
internal static class InputText
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>UTF-8 with invalid sequences replaced by U+FFFD, as a <see cref="StreamReader"/> over an HTTP body would give.</summary>
    /// <param name="input">The bytes.</param>
    /// <returns>The text.</returns>
    internal static string Decode(ReadOnlySpan<byte> input) => Lenient.GetString(input);
}
