using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// Checks a token tree before it is written out as text: only JSON token types and finite numbers (a date,
/// bytes, GUID, URI … means the JSON was parsed with conversions and its exact text is gone),
/// nesting within the limit, and no unpaired surrogates in keys or strings. Iterative, so a
/// hostile tree thousands of levels deep cannot exhaust the stack.
/// </summary>
internal static class TokenTreeCheck
{
    /// <summary>The first problem found, or null when the tree is plain JSON within the limits.</summary>
    internal static string? FindProblem(JToken root, int maxDepth)
    {
        var pending = new Stack<(JToken Token, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            (JToken token, int depth) = pending.Pop();
            switch (token)
            {
                case JObject obj:
                    if (depth > maxDepth)
                    {
                        return $"the certificate is nested deeper than {maxDepth} levels.";
                    }

                    foreach (JProperty property in obj.Properties())
                    {
                        if (HasUnpairedSurrogate(property.Name))
                        {
                            return $"the member name at '{property.Path}' has an unpaired surrogate.";
                        }

                        pending.Push((property.Value, depth + 1));
                    }

                    break;
                case JArray array:
                    if (depth > maxDepth)
                    {
                        return $"the certificate is nested deeper than {maxDepth} levels.";
                    }

                    foreach (JToken item in array)
                    {
                        pending.Push((item, depth + 1));
                    }

                    break;
                case JValue { Type: JTokenType.String } value:
                    if (value.Value is not string text || HasUnpairedSurrogate(text))
                    {
                        return $"the string at '{value.Path}' is null or has an unpaired surrogate.";
                    }

                    break;
                case JValue { Type: JTokenType.Float, Value: double d } when !double.IsFinite(d):
                    return $"'{token.Path}' is the non-finite number {d}, which is not JSON.";
                case JValue { Type: JTokenType.Float, Value: float f } when !float.IsFinite(f):
                    return $"'{token.Path}' is the non-finite number {f}, which is not JSON.";
                case JValue { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean or JTokenType.Null }:
                    break;
                case JValue { Type: JTokenType.Date } value:
                    return $"'{value.Path}' is a date token: parse certificate JSON with DateParseHandling.None so timestamps stay exact strings.";
                default:
                    return $"'{token.Path}' is a {token.Type} token, which is not JSON.";
            }
        }

        return null;
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        ReadOnlySpan<char> span = text;
        int i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0)
        {
            if (!char.IsHighSurrogate(span[i]) || i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1]))
            {
                return true;
            }

            span = span[(i + 2)..];
            i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        }

        return false;
    }
}
