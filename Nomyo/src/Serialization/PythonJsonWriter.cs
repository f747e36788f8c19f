using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// Writes JSON exactly as Python's <c>json.dumps</c> does with its defaults (spec §3.3): one
/// line, <c>", "</c> and <c>": "</c> separators, keys in insertion order, <c>ensure_ascii</c>
/// (every character outside space…<c>~</c> as a lowercase <c>\uxxxx</c> escape,
/// astral characters as surrogate pairs). Unlike Python, NaN and Infinity are rejected.
/// </summary>
internal static class PythonJsonWriter
{
    private const int MaxDepth = 128;

    /// <summary>Writes a token tree.</summary>
    /// <exception cref="NomyoValidationException">A value JSON cannot carry (NaN, Infinity, a date or other CLR object), or nesting deeper than 128.</exception>
    internal static void WriteToken(SensitiveBufferWriter writer, JToken token) => Write(writer, token, 0);

    /// <summary>Writes a string with Python's escaping.</summary>
    internal static void WriteString(SensitiveBufferWriter writer, string value)
    {
        writer.Write((byte)'"');
        Span<char> escape = stackalloc char[6];
        escape[0] = '\\';
        escape[1] = 'u';
        int runStart = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
            {
                continue;
            }

            writer.WriteAscii(value.AsSpan(runStart, i - runStart));
            runStart = i + 1;
            switch (c)
            {
                case '"': writer.WriteAscii("\\\""); break;
                case '\\': writer.WriteAscii("\\\\"); break;
                case '\n': writer.WriteAscii("\\n"); break;
                case '\r': writer.WriteAscii("\\r"); break;
                case '\t': writer.WriteAscii("\\t"); break;
                case '\b': writer.WriteAscii("\\b"); break;
                case '\f': writer.WriteAscii("\\f"); break;
                default:
                    ((int)c).TryFormat(escape[2..], out _, "x4", CultureInfo.InvariantCulture);
                    writer.WriteAscii(escape);
                    break;
            }
        }

        writer.WriteAscii(value.AsSpan(runStart));
        writer.Write((byte)'"');
    }

    /// <summary>Writes bytes as a standard padded base64 JSON string without an intermediate string.</summary>
    internal static void WriteBase64String(SensitiveBufferWriter writer, ReadOnlySpan<byte> data)
    {
        writer.Write((byte)'"');
        int length = Base64.GetMaxEncodedToUtf8Length(data.Length);
        Base64.EncodeToUtf8(data, writer.GetSpan(length), out _, out int written);
        writer.Advance(written);
        writer.Write((byte)'"');
    }

    /// <summary>Writes the key and separator of an object member; <paramref name="first"/> omits the leading comma.</summary>
    internal static void WriteKey(SensitiveBufferWriter writer, string name, bool first)
    {
        if (!first)
        {
            writer.WriteAscii(", ");
        }

        WriteString(writer, name);
        writer.WriteAscii(": ");
    }

    private static void Write(SensitiveBufferWriter writer, JToken token, int depth)
    {
        switch (token.Type)
        {
            case JTokenType.Object:
                CheckDepth(token, depth);
                writer.Write((byte)'{');
                bool first = true;
                foreach (JProperty property in ((JObject)token).Properties())
                {
                    WriteKey(writer, property.Name, first);
                    Write(writer, property.Value, depth + 1);
                    first = false;
                }

                writer.Write((byte)'}');
                break;
            case JTokenType.Array:
                CheckDepth(token, depth);
                writer.Write((byte)'[');
                bool firstItem = true;
                foreach (JToken item in (JArray)token)
                {
                    if (!firstItem)
                    {
                        writer.WriteAscii(", ");
                    }

                    Write(writer, item, depth + 1);
                    firstItem = false;
                }

                writer.Write((byte)']');
                break;
            case JTokenType.String when ((JValue)token).Value is string text:
                WriteString(writer, text);
                break;
            case JTokenType.Integer:
                writer.WriteAscii(FormatInteger(((JValue)token).Value!));
                break;
            case JTokenType.Float:
                writer.WriteAscii(FormatFloat(token));
                break;
            case JTokenType.Boolean:
                writer.WriteAscii((bool)((JValue)token).Value! ? "true" : "false");
                break;
            case JTokenType.Null or JTokenType.String:
                // Newtonsoft types a null string (new JValue((string?)null)) as String.
                writer.WriteAscii("null");
                break;
            default:
                throw NomyoValidationException.For(
                    PathOf(token), $"is a {token.Type}, which JSON cannot carry; pass it as a string or number.");
        }
    }

    private static void CheckDepth(JToken token, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw NomyoValidationException.For(PathOf(token), $"nests deeper than {MaxDepth} levels.");
        }
    }

    private static string FormatInteger(object value) => value switch
    {
        BigInteger big => big.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string FormatFloat(JToken token)
    {
        object value = ((JValue)token).Value!;
        if (value is decimal exact)
        {
            return exact.ToString(CultureInfo.InvariantCulture);
        }

        double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            throw NomyoValidationException.For(
                PathOf(token), $"is {number.ToString(CultureInfo.InvariantCulture)}; NaN and Infinity are not valid JSON.");
        }

        // Python's repr: shortest round trip, a lowercase exponent, and ".0" on whole numbers.
        string text = number.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>The payload path of a value, e.g. <c>payload.temperature</c>.</summary>
    private static string PathOf(JToken token) => token.Path.Length == 0 ? "payload" : "payload." + token.Path;
}
