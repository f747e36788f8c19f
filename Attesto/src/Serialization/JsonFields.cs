using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>Tolerant field lookup over snake_case and camelCase spellings; never throws.</summary>
internal static class JsonFields
{
    /// <summary>The first of <paramref name="names"/> present as a string.</summary>
    internal static string? Text(JObject obj, params string[] names)
    {
        foreach (string name in names)
        {
            if (obj.TryGetValue(name, StringComparison.Ordinal, out JToken? token) && token is JValue { Type: JTokenType.String } value)
            {
                return (string?)value;
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="names"/> present as an integer (or a decimal integer string).</summary>
    internal static long? Integer(JObject obj, params string[] names)
    {
        foreach (string name in names)
        {
            if (!obj.TryGetValue(name, StringComparison.Ordinal, out JToken? token))
            {
                continue;
            }

            switch (token)
            {
                case JValue { Type: JTokenType.Integer, Value: long l }:
                    return l;
                case JValue { Type: JTokenType.Integer, Value: int i }:
                    return i;
                case JValue { Type: JTokenType.String, Value: string s } when long.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long parsed):
                    return parsed;
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="names"/> present as a boolean.</summary>
    internal static bool? Boolean(JObject obj, params string[] names)
    {
        foreach (string name in names)
        {
            if (obj.TryGetValue(name, StringComparison.Ordinal, out JToken? token) && token is JValue { Type: JTokenType.Boolean, Value: bool b })
            {
                return b;
            }
        }

        return null;
    }
}
