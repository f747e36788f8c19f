using System.Text;
using System.Text.Json;

namespace Lucairn;

/// <summary>Shape problems: the first one is kept (and reported with the certificate id), later ones are ignored.</summary>
internal ref partial struct CertificateReader
{
    /// <summary>Records a type problem and walks past the offending value.</summary>
    private void WrongType(PathText path, string expected)
    {
        JsonTokenType token = _reader.TokenType;
        Problem($"'{path}' must be {expected}, got {Describe(token)}.");
        SkipValue(token);
    }

    private void Problem(string message) => _problem ??= message;

    private readonly string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number when IsInteger() => $"the integer {Shorten(Encoding.UTF8.GetString(_reader.ValueSpan))}",
        JsonTokenType.Number => $"the non-integer number {Shorten(Encoding.UTF8.GetString(_reader.ValueSpan))}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
