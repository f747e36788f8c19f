using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// Attesto canonical JSON (ATTESTO-CANONICAL-JSON-001 as reconstructed in spec §4) and the
/// FIX-11 number policy (§5), through Shared.Crypto's <see cref="CanonicalJson"/> with the
/// <see cref="Options"/> profile: keys sorted by code point, no whitespace, ASCII-only output, integers only within
/// ±(2^53 − 1), duplicate keys rejected. Pure and thread-safe.
/// </summary>
public static class AttestoCanonicalJson
{
    /// <summary>
    /// The Attesto profile for <see cref="CanonicalJson"/>: integers only within ±(2^53 − 1),
    /// duplicate keys rejected on parse.
    /// </summary>
    public static CanonicalJsonOptions Options { get; } = new() { Name = "attesto", SafeIntegersOnly = true };

    private static readonly JsonSerializer ValueSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        NullValueHandling = NullValueHandling.Include,
        MaxDepth = Options.MaxDepth,
    });

    /// <summary>Writes a value as canonical JSON bytes (ASCII).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The canonical bytes.</returns>
    /// <exception cref="AttestoValidationException"><paramref name="value"/> is null.</exception>
    /// <exception cref="AttestoUnsafeNumberException">A number breaks the number policy; <see cref="AttestoUnsafeNumberException.Path"/> says where.</exception>
    /// <exception cref="AttestoValidationException">Another value cannot be canonicalised (lone surrogate, unsupported type, too deep).</exception>
    public static byte[] Serialize(JToken value)
    {
        AttestoArguments.NotNull(value, nameof(value));
        try
        {
            return CanonicalJson.Serialize(value, Options);
        }
        catch (CanonicalJsonException ex)
        {
            throw Map(ex);
        }
    }

    /// <summary>Writes a value as canonical JSON text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The canonical text (ASCII only).</returns>
    /// <exception cref="AttestoUnsafeNumberException">A number breaks the number policy.</exception>
    /// <exception cref="AttestoValidationException">Another value cannot be canonicalised.</exception>
    public static string SerializeToString(JToken value) => System.Text.Encoding.ASCII.GetString(Serialize(value));

    /// <summary>
    /// Parses JSON text without reformatting (dates stay strings, decimals stay exact) and
    /// rejecting duplicate keys. Numbers are not policed here; see <see cref="CheckNumberPolicy"/>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The token tree.</returns>
    /// <exception cref="AttestoUnsafeNumberException">The text holds NaN or Infinity.</exception>
    /// <exception cref="AttestoValidationException">The text is not acceptable JSON; the message says where.</exception>
    public static JToken Parse(string json)
    {
        try
        {
            return CanonicalJson.Parse(json, Options);
        }
        catch (CanonicalJsonException ex)
        {
            if (ex.InnerException is JsonReaderException reader && IsNonFiniteMessage(reader.Message))
            {
                throw new AttestoUnsafeNumberException($"Number policy: NaN and Infinity are not allowed at {ex.Path}; send such values as strings.", ex.Path, ex);
            }

            throw new AttestoValidationException($"Invalid JSON at {ex.Path}: {ex.Message}", "value", ex);
        }
    }

    /// <summary>
    /// Checks the number policy: every number is an integer within ±(2^53 − 1) written without
    /// fraction or exponent (so <c>1.0</c> and <c>1e3</c> fail). Strings and booleans pass.
    /// </summary>
    /// <param name="value">The value to check.</param>
    /// <exception cref="AttestoUnsafeNumberException">The first offending number in canonical order.</exception>
    /// <exception cref="AttestoValidationException">Another value cannot be canonicalised.</exception>
    public static void CheckNumberPolicy(JToken value) => _ = Serialize(value);

    /// <summary>
    /// Converts a CLR value (anonymous object, dictionary, list, primitive, or a <see cref="JToken"/>
    /// used as is) to a token tree without reformatting strings or numbers. A <see cref="string"/>
    /// becomes a JSON string, not parsed JSON; use <see cref="Parse"/> for JSON text.
    /// </summary>
    /// <param name="value">The value; null becomes JSON null.</param>
    /// <returns>The token tree.</returns>
    /// <exception cref="AttestoValidationException">The value cannot be converted to JSON.</exception>
    public static JToken ToToken(object? value)
    {
        switch (value)
        {
            case null:
                return JValue.CreateNull();
            case JToken token:
                return token;
            default:
                try
                {
                    return JToken.FromObject(value, ValueSerializer);
                }
                catch (JsonException ex)
                {
                    throw new AttestoValidationException($"The value of type {value.GetType().Name} cannot be converted to JSON: {ex.Message}", "value", ex);
                }
        }
    }

    private static AttestoException Map(CanonicalJsonException ex) => ex.IsNumberPolicyViolation
        ? new AttestoUnsafeNumberException(
            $"Number policy (FIX-11): the number at {ex.Path} is not an integer within ±(2^53 − 1); send decimals and large integers as strings. ({ex.Message})",
            ex.Path,
            ex)
        : new AttestoValidationException($"The value cannot be canonicalised at {ex.Path}: {ex.Message}", "value", ex);

    private static bool IsNonFiniteMessage(string message) =>
        message.Contains("NaN", StringComparison.Ordinal) || message.Contains("Infinity", StringComparison.Ordinal);
}
