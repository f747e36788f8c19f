using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Shared.Crypto;

/// <summary>
/// Byte-exact canonical JSON: keys sorted by code point at every level, no whitespace, pure
/// ASCII output (every character from U+007F up as a lowercase <c>\uxxxx</c> escape, astral
/// characters as surrogate pairs), only <c>\b \t \n \f \r \" \\</c> as short escapes, other
/// control characters as <c>\u00xx</c>, <c>&lt; &gt; &amp; / '</c> literal, integers only.
/// Equivalent to Python's <c>json.dumps(v, sort_keys=True, separators=(",", ":"),
/// ensure_ascii=True)</c> with floats and lone surrogates rejected. Thread-safe.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Writes a token tree as canonical JSON bytes.</summary>
    /// <param name="token">The value to encode.</param>
    /// <param name="options">The profile (for example <see cref="CanonicalJsonOptions.Default"/>).</param>
    /// <returns>The ASCII bytes.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CanonicalJsonException">The value cannot be encoded; <see cref="CanonicalJsonException.Path"/> says where.</exception>
    public static byte[] Serialize(JToken token, CanonicalJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(options);
        return CanonicalJsonWriter.Write(token, options, capacityHint: 1024);
    }

    /// <summary>Parses JSON text and writes it as canonical JSON bytes.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The profile.</param>
    /// <returns>The ASCII bytes.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CanonicalJsonException">The text is not acceptable JSON or cannot be encoded.</exception>
    public static byte[] Serialize(string json, CanonicalJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CanonicalJsonWriter.Write(Parse(json, options), options, capacityHint: json.Length + 64);
    }

    /// <summary>Writes a token tree as canonical JSON text (ASCII only).</summary>
    /// <param name="token">The value to encode.</param>
    /// <param name="options">The profile.</param>
    /// <returns>The canonical text.</returns>
    /// <exception cref="CanonicalJsonException">The value cannot be encoded.</exception>
    public static string SerializeToString(JToken token, CanonicalJsonOptions options) =>
        System.Text.Encoding.ASCII.GetString(Serialize(token, options));

    /// <summary>
    /// Checks that a value can be encoded under <paramref name="options"/> (the number policy,
    /// strings, depth) without keeping the output.
    /// </summary>
    /// <param name="token">The value to check.</param>
    /// <param name="options">The profile.</param>
    /// <exception cref="CanonicalJsonException">The first offending value, in canonical order.</exception>
    public static void Validate(JToken token, CanonicalJsonOptions options) => _ = Serialize(token, options);

    /// <summary>
    /// Parses JSON text without reformatting anything: dates stay strings, numbers with a
    /// fraction or exponent stay exact decimals (so they can be rejected, not rounded), large
    /// integers stay exact, nesting is depth-limited, and duplicate keys are rejected when
    /// the options say so. Trailing content after the value is an error, and so is a
    /// <c>\u</c> escape of an unpaired surrogate (which Newtonsoft would turn into U+FFFD).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The profile (its depth limit and duplicate-key rule apply).</param>
    /// <returns>The token tree.</returns>
    /// <exception cref="CanonicalJsonException">The text is null or not acceptable JSON.</exception>
    public static JToken Parse(string json, CanonicalJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (json is null)
        {
            throw new CanonicalJsonException("JSON text is null.", "$");
        }

        using var reader = new StringReader(json);
        return Parse(reader, options);
    }

    /// <summary>Parses JSON from a reader with the same rules as <see cref="Parse(string, CanonicalJsonOptions)"/>.</summary>
    /// <param name="textReader">The source of the JSON text.</param>
    /// <param name="options">The profile (its depth limit and duplicate-key rule apply).</param>
    /// <returns>The token tree.</returns>
    /// <exception cref="CanonicalJsonException">The text is not acceptable JSON.</exception>
    public static JToken Parse(TextReader textReader, CanonicalJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(textReader);
        ArgumentNullException.ThrowIfNull(options);
        using var reader = CreateReader(textReader, options.MaxDepth);
        try
        {
            if (!reader.Read())
            {
                throw new CanonicalJsonException("JSON text is empty.", "$");
            }

            JToken token = JToken.Load(reader, LoadSettings(options));
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new CanonicalJsonException($"JSON text has additional content after the value (line {reader.LineNumber}, position {reader.LinePosition}).", "$");
                }
            }

            return token;
        }
        catch (JsonReaderException ex) when (ex.Message.Contains("MaxDepth", StringComparison.Ordinal))
        {
            throw new CanonicalJsonException($"JSON text nests deeper than the depth limit of {options.MaxDepth}.", "$", ex);
        }
        catch (JsonException ex)
        {
            throw new CanonicalJsonException($"JSON text is not valid: {ex.Message}", ToPath(reader.Path), ex);
        }
        catch (Exception ex) when (ex is OverflowException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new CanonicalJsonException($"JSON text is not acceptable: {ex.Message}", ToPath(reader.Path), ex);
        }
    }

    /// <summary>
    /// Creates a Newtonsoft reader with the safe settings: no date parsing, exact decimals,
    /// the given depth limit, and unpaired surrogate escapes rejected with a
    /// <see cref="CanonicalJsonException"/> while reading. For callers that stream through a
    /// document themselves.
    /// </summary>
    /// <param name="textReader">The source of the JSON text.</param>
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    /// <returns>A reader the caller disposes.</returns>
    public static JsonTextReader CreateReader(TextReader textReader, int maxDepth = 128) => new(new SurrogateEscapeGuard(textReader))
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        MaxDepth = maxDepth,
        CloseInput = true,
    };

    private static JsonLoadSettings LoadSettings(CanonicalJsonOptions options) => options.RejectDuplicateKeys ? StrictLoad : LenientLoad;

    private static readonly JsonLoadSettings StrictLoad = new()
    {
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        LineInfoHandling = LineInfoHandling.Ignore,
        CommentHandling = CommentHandling.Ignore,
    };

    private static readonly JsonLoadSettings LenientLoad = new()
    {
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace,
        LineInfoHandling = LineInfoHandling.Ignore,
        CommentHandling = CommentHandling.Ignore,
    };

    private static string ToPath(string? newtonsoftPath) =>
        string.IsNullOrEmpty(newtonsoftPath) ? "$" : newtonsoftPath.StartsWith('[') ? "$" + newtonsoftPath : "$." + newtonsoftPath;
}
