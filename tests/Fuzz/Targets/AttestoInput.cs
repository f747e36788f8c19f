using Attesto;
using Fuzz.Harness;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Fuzz.Targets;

/// <summary>
/// How the Attesto targets read their input: the bytes as UTF-8 JSON through
/// <see cref="AttestoCanonicalJson.Parse"/> (what <c>attesto-verify</c> does with a file), whose
/// documented rejections every Attesto target accepts; plus small readers for envelope fields.
/// </summary>
internal static class AttestoInput
{
    /// <summary>The parse step's documented exceptions and the self-test failure every verifier documents.</summary>
    internal static readonly Type[] ParseAndSelfTest =
        [typeof(AttestoValidationException), typeof(AttestoUnsafeNumberException), typeof(AttestoSelfTestException)];

    internal static JToken Parse(ReadOnlySpan<byte> input) => AttestoCanonicalJson.Parse(InputText.Decode(input));

    /// <summary>A member as text: a string as is, missing or null as empty, anything else as compact JSON.</summary>
    internal static string Text(JToken? token) => token switch
    {
        null or { Type: JTokenType.Null } => string.Empty,
        { Type: JTokenType.String } => (string)token!,
        _ => token.ToString(Formatting.None),
    };

    /// <summary>A member as an integer, or <paramref name="fallback"/> when it is not one that fits a long.</summary>
    internal static long Integer(JToken? token, long fallback) => token is JValue { Value: long value } ? value : fallback;

    /// <summary>A member, or a JSON null when it is missing.</summary>
    internal static JToken Member(JToken root, string name) => (root as JObject)?[name] ?? JValue.CreateNull();
}
